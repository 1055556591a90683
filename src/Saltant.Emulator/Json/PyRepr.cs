using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Saltant.Emulator.Json;

/// <summary>
/// Python's <c>str()</c> and <c>repr()</c> of JSON values, because saltant builds several error texts with
/// <c>'%s' % value</c> and DRF wraps model errors as <c>str(ValidationError)</c>, the repr of a list.
/// </summary>
internal static class PyRepr
{
    /// <summary><c>str(value)</c>: strings bare, everything else as repr.</summary>
    public static string Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Repr(node);

    /// <summary><c>repr(value)</c> of a JSON value as Python holds it after json.loads.</summary>
    public static string Repr(JsonNode? node)
    {
        switch (node)
        {
            case null: return "None";
            case JsonObject o:
                return "{" + string.Join(", ", o.Select(kv => ReprString(kv.Key) + ": " + Repr(kv.Value))) + "}";
            case JsonArray a:
                return "[" + string.Join(", ", a.Select(Repr)) + "]";
            case JsonValue v:
                return v.GetValueKind() switch
                {
                    JsonValueKind.String => ReprString(v.GetValue<string>()),
                    JsonValueKind.True => "True",
                    JsonValueKind.False => "False",
                    _ => v.ToJsonString(),
                };
            default: return node.ToJsonString();
        }
    }

    /// <summary>repr of a list of strings, e.g. <c>['a', "b'c"]</c>.</summary>
    public static string ReprList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(ReprString)) + "]";

    /// <summary>Python's string repr: single quotes unless the text holds a single quote and no double quote.</summary>
    public static string ReprString(string s)
    {
        char q = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(q);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == q) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(q).ToString();
    }
}
