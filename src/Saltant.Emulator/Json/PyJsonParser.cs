using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Saltant.Emulator.Json;

/// <summary>Raised when a request body is not JSON; the message is worded like CPython's json module.</summary>
internal sealed class PyJsonException(string message) : Exception(message);

/// <summary>
/// A JSON reader that behaves like CPython's <c>json.loads</c> (the C scanner of the Python 3 era saltant
/// ran on): the same accepted grammar, duplicate keys where the last wins, and the same error texts with
/// line/column/char positions, so a malformed body gets DRF's exact "JSON parse error - …" detail.
/// </summary>
internal sealed class PyJsonParser
{
    private readonly string _s;

    private PyJsonParser(string s) => _s = s;

    /// <summary>Parses a whole document; throws <see cref="PyJsonException"/> with Python's message.</summary>
    public static JsonNode? Parse(string text)
    {
        var p = new PyJsonParser(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
            throw p.Error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        int idx = p.SkipWs(0);
        var value = p.ParseValue(idx, out int end);
        end = p.SkipWs(end);
        if (end != text.Length) throw p.Error("Extra data", end);
        return value;
    }

    private PyJsonException Error(string msg, int pos)
    {
        // Python: lineno counts newlines before pos; colno is pos minus the last newline before it.
        int line = 1, lastNl = -1;
        for (int i = 0; i < pos && i < _s.Length; i++)
            if (_s[i] == '\n') { line++; lastNl = i; }
        int col = pos - lastNl;
        return new PyJsonException($"{msg}: line {line} column {col} (char {pos})");
    }

    private int SkipWs(int i)
    {
        while (i < _s.Length && _s[i] is ' ' or '\t' or '\n' or '\r') i++;
        return i;
    }

    private JsonNode? ParseValue(int idx, out int end)
    {
        if (idx >= _s.Length) throw Error("Expecting value", idx);
        char c = _s[idx];
        switch (c)
        {
            case '"':
                var str = ParseString(idx + 1, out end);
                return JsonValue.Create(str);
            case '{': return ParseObject(idx + 1, out end);
            case '[': return ParseArray(idx + 1, out end);
            case 'n' when Matches(idx, "null"): end = idx + 4; return null;
            case 't' when Matches(idx, "true"): end = idx + 4; return JsonValue.Create(true);
            case 'f' when Matches(idx, "false"): end = idx + 5; return JsonValue.Create(false);
            case 'N' when Matches(idx, "NaN"): throw new PyJsonException("Out of range float values are not JSON compliant: 'NaN'");
            case 'I' when Matches(idx, "Infinity"): throw new PyJsonException("Out of range float values are not JSON compliant: 'Infinity'");
            case '-' when Matches(idx, "-Infinity"): throw new PyJsonException("Out of range float values are not JSON compliant: '-Infinity'");
        }
        if (c == '-' || (c >= '0' && c <= '9'))
        {
            var n = ParseNumber(idx, out end);
            if (n is not null) return n;
        }
        throw Error("Expecting value", idx);
    }

    private bool Matches(int idx, string word) => string.CompareOrdinal(_s, idx, word, 0, word.Length) == 0 && idx + word.Length <= _s.Length;

    private JsonNode? ParseNumber(int idx, out int end)
    {
        int i = idx;
        if (i < _s.Length && _s[i] == '-') i++;
        if (i >= _s.Length || !char.IsAsciiDigit(_s[i])) { end = idx; return null; }
        if (_s[i] == '0') i++;
        else while (i < _s.Length && char.IsAsciiDigit(_s[i])) i++;
        bool isFloat = false;
        if (i + 1 < _s.Length && _s[i] == '.' && char.IsAsciiDigit(_s[i + 1]))
        {
            isFloat = true; i += 2;
            while (i < _s.Length && char.IsAsciiDigit(_s[i])) i++;
        }
        if (i < _s.Length && (_s[i] == 'e' || _s[i] == 'E'))
        {
            int j = i + 1;
            if (j < _s.Length && (_s[j] == '+' || _s[j] == '-')) j++;
            if (j < _s.Length && char.IsAsciiDigit(_s[j]))
            {
                while (j < _s.Length && char.IsAsciiDigit(_s[j])) j++;
                isFloat = true; i = j;
            }
        }
        end = i;
        var text = _s[idx..i];
        return PyNumbers.FromText(text, isFloat);
    }

    private string ParseString(int idx, out int end)
    {
        int begin = idx - 1;
        var sb = new StringBuilder();
        int i = idx;
        while (true)
        {
            if (i >= _s.Length) throw Error("Unterminated string starting at", begin);
            char c = _s[i];
            if (c == '"') { end = i + 1; return sb.ToString(); }
            if (c < 0x20) throw Error("Invalid control character at", i);
            if (c != '\\') { sb.Append(c); i++; continue; }
            i++;
            if (i >= _s.Length) throw Error("Unterminated string starting at", begin);
            char e = _s[i];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (i + 4 >= _s.Length || !int.TryParse(_s.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        throw Error("Invalid \\uXXXX escape", i - 1);
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: throw Error("Invalid \\escape", i - 1);
            }
            i++;
        }
    }

    private JsonObject ParseObject(int idx, out int end)
    {
        var obj = new JsonObject();
        int i = SkipWs(idx);
        if (i < _s.Length && _s[i] == '}') { end = i + 1; return obj; }
        while (true)
        {
            if (i >= _s.Length || _s[i] != '"') throw Error("Expecting property name enclosed in double quotes", i);
            var key = ParseString(i + 1, out i);
            i = SkipWs(i);
            if (i >= _s.Length || _s[i] != ':') throw Error("Expecting ':' delimiter", i);
            i = SkipWs(i + 1);
            var value = ParseValue(i, out i);
            // Python dicts keep the first position of a key and the last value given for it.
            obj[key] = value;
            i = SkipWs(i);
            if (i < _s.Length && _s[i] == '}') { end = i + 1; return obj; }
            if (i >= _s.Length || _s[i] != ',') throw Error("Expecting ',' delimiter", i);
            i = SkipWs(i + 1);
        }
    }

    private JsonArray ParseArray(int idx, out int end)
    {
        var arr = new JsonArray();
        int i = SkipWs(idx);
        if (i < _s.Length && _s[i] == ']') { end = i + 1; return arr; }
        while (true)
        {
            arr.Add(ParseValue(i, out i));
            i = SkipWs(i);
            if (i < _s.Length && _s[i] == ']') { end = i + 1; return arr; }
            if (i >= _s.Length || _s[i] != ',') throw Error("Expecting ',' delimiter", i);
            i = SkipWs(i + 1);
        }
    }
}
