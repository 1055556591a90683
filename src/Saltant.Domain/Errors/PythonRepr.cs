using System.Globalization;
using System.Text;
using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// The Python <c>repr</c> of a list of strings, e.g. <c>['Queue q has not whitelisted task type t']</c>.
/// saltant puts <c>str(ValidationError)</c> into <c>non_field_errors</c>, so its object-level
/// messages arrive wrapped in this form; <see cref="ParseStringList"/> unwraps them.
/// </summary>
public static class PythonRepr
{
    /// <summary>
    /// Reads a Python list of string literals (single- or double-quoted, with Python escapes).
    /// <c>None</c> when the text is anything else.
    /// </summary>
    /// <param name="text">The text.</param>
    public static Option<Seq<string>> ParseStringList(string text)
    {
        var items = new List<string>();
        var i = SkipSpace(text, 0);
        if (i >= text.Length || text[i] != '[') return None;
        i = SkipSpace(text, i + 1);
        if (i < text.Length && text[i] == ']') return End(text, i + 1, items);

        while (i < text.Length)
        {
            if (!TryReadLiteral(text, ref i, out var item)) return None;
            items.Add(item);
            i = SkipSpace(text, i);
            if (i >= text.Length) return None;
            if (text[i] == ']') return End(text, i + 1, items);
            if (text[i] != ',') return None;
            i = SkipSpace(text, i + 1);

            // A trailing comma before the bracket is still a list in Python.
            if (i < text.Length && text[i] == ']') return End(text, i + 1, items);
        }

        return None;
    }

    /// <summary>
    /// Unwraps one server message: the strings of a Python list repr, or the text itself when it
    /// is not one.
    /// </summary>
    /// <param name="text">The message as the server sent it.</param>
    public static Seq<string> UnwrapMessage(string text) =>
        ParseStringList(text).Match(items => items, () => Prelude.Seq1(text));

    /// <summary>Writes strings as Python's <c>repr</c> of a list would, the inverse of <see cref="ParseStringList"/>.</summary>
    /// <param name="items">The strings.</param>
    public static string FormatStringList(Seq<string> items) =>
        "[" + string.Join(", ", items.Map(FormatLiteral)) + "]";

    private static Option<Seq<string>> None => Option<Seq<string>>.None;

    private static Option<Seq<string>> End(string text, int i, List<string> items) =>
        SkipSpace(text, i) == text.Length ? Prelude.toSeq(items.ToArray()) : None;

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static bool TryReadLiteral(string text, ref int i, out string value)
    {
        value = "";
        if (i >= text.Length || (text[i] != '\'' && text[i] != '"')) return false;
        var quote = text[i++];
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == quote)
            {
                value = sb.ToString();
                return true;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i >= text.Length) return false;
            var e = text[i++];
            switch (e)
            {
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'x': if (!TryHex(text, ref i, 2, sb)) return false; break;
                case 'u': if (!TryHex(text, ref i, 4, sb)) return false; break;
                case 'U': if (!TryHex(text, ref i, 8, sb)) return false; break;
                default:
                    // Python keeps an unknown escape as written.
                    sb.Append('\\').Append(e);
                    break;
            }
        }

        return false;
    }

    private static bool TryHex(string text, ref int i, int digits, StringBuilder sb)
    {
        if (i + digits > text.Length
            || !int.TryParse(text.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF
            || code is >= 0xD800 and <= 0xDFFF && digits == 8)
        {
            return false;
        }

        i += digits;
        sb.Append(code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
        return true;
    }

    // Python picks double quotes only when the text holds a single quote and no double quote.
    private static string FormatLiteral(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    }
                    else if (char.IsSurrogate(c) || IsUnprintable(c))
                    {
                        sb.Append(c <= 0xFF
                            ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}")
                            : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }

    private static bool IsUnprintable(char c) => c != ' ' && char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator;
}
