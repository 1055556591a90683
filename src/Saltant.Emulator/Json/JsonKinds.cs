using System.Text.Json;
using System.Text.Json.Nodes;

namespace Saltant.Emulator.Json;

/// <summary>The Python type a parsed JSON value would have; DRF's messages name it (str, list, dict…).</summary>
internal enum PyKind { None, Bool, Int, Float, Str, List, Dict }

/// <summary>Helpers to look at JSON nodes the way Python code would.</summary>
internal static class JsonKinds
{
    /// <summary>The Python type of a node.</summary>
    public static PyKind KindOf(JsonNode? node) => node switch
    {
        null => PyKind.None,
        JsonObject => PyKind.Dict,
        JsonArray => PyKind.List,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => PyKind.Str,
            JsonValueKind.True or JsonValueKind.False => PyKind.Bool,
            JsonValueKind.Number => IsFloatText(v.ToJsonString()) ? PyKind.Float : PyKind.Int,
            _ => PyKind.None,
        },
        _ => PyKind.None,
    };

    private static bool IsFloatText(string t) => t.Contains('.') || t.Contains('e') || t.Contains('E');

    /// <summary>Python's <c>type(x).__name__</c>.</summary>
    public static string TypeName(JsonNode? node) => KindOf(node) switch
    {
        PyKind.None => "NoneType",
        PyKind.Bool => "bool",
        PyKind.Int => "int",
        PyKind.Float => "float",
        PyKind.Str => "str",
        PyKind.List => "list",
        _ => "dict",
    };

    /// <summary>Deep copy that keeps the node's key order.</summary>
    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>
    /// The same value with object keys in PostgreSQL jsonb order (shorter keys first, then bytewise):
    /// what a JSONField reads back from the database, as opposed to the order the request gave.
    /// </summary>
    public static JsonNode? JsonbOrder(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var result = new JsonObject();
                foreach (var kv in o.OrderBy(k => System.Text.Encoding.UTF8.GetByteCount(k.Key)).ThenBy(k => k.Key, StringComparer.Ordinal))
                    result[kv.Key] = JsonbOrder(kv.Value);
                return result;
            case JsonArray a:
                return new JsonArray(a.Select(JsonbOrder).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
