using System.Text;

namespace Saltant.Emulator.Http;

/// <summary>Query strings parsed and rebuilt the way Python's urllib does (DRF builds page links with it).</summary>
internal static class QueryString
{
    /// <summary><c>parse_qsl(query, keep_blank_values=True)</c>.</summary>
    public static List<KeyValuePair<string, string>> Parse(string? raw)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(raw)) return result;
        if (raw[0] == '?') raw = raw[1..];
        foreach (var part in raw.Split('&'))
        {
            if (part.Length == 0) continue;
            int eq = part.IndexOf('=');
            string k = eq < 0 ? part : part[..eq];
            string v = eq < 0 ? "" : part[(eq + 1)..];
            result.Add(new(Unquote(k), Unquote(v)));
        }
        return result;
    }

    /// <summary><c>unquote_plus</c>: '+' is a space, %XX bytes decoded as UTF-8.</summary>
    public static string Unquote(string s)
    {
        if (s.IndexOfAny(['+', '%']) < 0) return s;
        var bytes = new List<byte>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '+') bytes.Add((byte)' ');
            else if (c == '%' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary><c>quote_plus</c> with no safe characters beyond Python's always-safe set.</summary>
    public static string QuotePlus(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~') sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary><c>urlencode(sorted(query_dict.items()), doseq=True)</c> over a parse_qs-style dictionary.</summary>
    public static string EncodeSorted(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        // parse_qs groups values by key (first-seen order within a key); sorted() then orders the keys.
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            if (!grouped.TryGetValue(k, out var list)) grouped[k] = list = [];
            list.Add(v);
        }
        return string.Join("&", grouped.OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Value.Select(v => QuotePlus(g.Key) + "=" + QuotePlus(v))));
    }

    /// <summary>The last value given for a key (QueryDict.get), or null.</summary>
    public static string? Last(List<KeyValuePair<string, string>> q, string key)
    {
        string? last = null;
        foreach (var kv in q) if (kv.Key == key) last = kv.Value;
        return last;
    }
}
