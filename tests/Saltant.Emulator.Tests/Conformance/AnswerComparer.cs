using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Saltant.Emulator.Tests.Conformance;

/// <summary>
/// Compares a recorded answer with the emulator's: JSON structurally (object key order ignored, array
/// order kept), datetimes masked (both must be datetimes, or both null), UUIDs through the
/// recorded→emulator map, the recorded host replaced by the emulator's, <c>&lt;redacted&gt;</c> secrets
/// matched by any non-empty string. HTML pages are compared by their title.
/// </summary>
public sealed partial class AnswerComparer(Dictionary<string, string> uuidMap, string recordedOrigin, string emulatorOrigin)
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")]
    private static partial Regex DatetimeRe();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex UuidRe();

    [GeneratedRegex(@"<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleRe();

    /// <summary>Recorded text with recorded UUIDs and host replaced by the emulator's.</summary>
    public string MapText(string recorded) =>
        UuidRe().Replace(recorded, m => uuidMap.TryGetValue(m.Value, out var actual) ? actual : m.Value).Replace(recordedOrigin, emulatorOrigin);

    /// <summary>Learns recorded→emulator UUIDs from a create/clone answer (a new "uuid" at the top).</summary>
    public void Learn(string recordedBody, string actualBody)
    {
        if (JsonNode.Parse(recordedBody) is JsonObject r && JsonNode.Parse(actualBody) is JsonObject a &&
            r["uuid"]?.GetValue<string>() is { } ru && a["uuid"]?.GetValue<string>() is { } au)
            uuidMap[ru] = au;
    }

    /// <summary>Returns null when equal, else a description of the first difference.</summary>
    public string? Compare(Exchange ex, int status, string? contentType, string? location, string body)
    {
        if (status != ex.Status) return $"status {status}, recorded {ex.Status}; body {Trim(body)}";
        var expectedType = ex.ResponseContentType?.Split(';')[0].Trim();
        var actualType = contentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(expectedType) && expectedType != actualType) return $"content type {contentType}, recorded {ex.ResponseContentType}";
        if (!string.IsNullOrEmpty(ex.ResponseLocation) && MapText(ex.ResponseLocation) != location) return $"location {location}, recorded {ex.ResponseLocation}";
        if (expectedType == "text/html")
        {
            var et = TitleRe().Match(ex.ResponseBody);
            var at = TitleRe().Match(body);
            if (ex.ResponseBody.Length == 0) return body.Length == 0 ? null : $"expected an empty body, got {Trim(body)}";
            return et.Groups[1].Value == at.Groups[1].Value ? null : $"HTML title '{at.Groups[1].Value}', recorded '{et.Groups[1].Value}'";
        }
        if (ex.ResponseBody.Length == 0) return body.Length == 0 ? null : $"expected an empty body, got {Trim(body)}";
        JsonNode? expected, actual;
        try { expected = JsonNode.Parse(ex.ResponseBody); } catch (System.Text.Json.JsonException) { return "recorded body is not JSON"; }
        try { actual = JsonNode.Parse(body); } catch (System.Text.Json.JsonException) { return $"body is not JSON: {Trim(body)}"; }
        return Diff(expected, actual, "$");
    }

    private string? Diff(JsonNode? e, JsonNode? a, string path)
    {
        switch (e)
        {
            case null: return a is null ? null : $"{path}: expected null, got {Trim(a.ToJsonString())}";
            case JsonObject eo:
                if (a is not JsonObject ao) return $"{path}: expected an object, got {Trim(a?.ToJsonString())}";
                foreach (var key in eo.Select(kv => kv.Key).Union(ao.Select(kv => kv.Key)))
                {
                    if (!eo.ContainsKey(key)) return $"{path}: unexpected key '{key}'";
                    if (!ao.ContainsKey(key)) return $"{path}: missing key '{key}'";
                    var d = Diff(eo[key], ao[key], path + "." + key);
                    if (d is not null) return d;
                }
                return null;
            case JsonArray ea:
                if (a is not JsonArray aa) return $"{path}: expected an array, got {Trim(a?.ToJsonString())}";
                if (ea.Count != aa.Count) return $"{path}: {aa.Count} items, recorded {ea.Count}";
                for (int i = 0; i < ea.Count; i++)
                {
                    var d = Diff(ea[i], aa[i], $"{path}[{i}]");
                    if (d is not null) return d;
                }
                return null;
            default:
                if (a is null or JsonObject or JsonArray) return $"{path}: expected {e.ToJsonString()}, got {Trim(a?.ToJsonString())}";
                if (e.GetValueKind() == System.Text.Json.JsonValueKind.String && a.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    var es = e.GetValue<string>();
                    var s = a.GetValue<string>();
                    if (es == "<redacted>") return s.Length > 0 ? null : $"{path}: expected a secret";
                    if (DatetimeRe().IsMatch(es)) return DatetimeRe().IsMatch(s) ? null : $"{path}: expected a datetime, got {s}";
                    if (UuidRe().IsMatch(es) && !uuidMap.ContainsKey(UuidRe().Match(es).Value) && es.Length == 36)
                        return UuidRe().IsMatch(s) ? null : $"{path}: expected a uuid, got {s}";
                    return MapText(es) == s ? null : $"{path}: expected \"{es}\", got \"{s}\"";
                }
                return e.ToJsonString() == a.ToJsonString() ? null : $"{path}: expected {e.ToJsonString()}, got {a.ToJsonString()}";
        }
    }

    private static string Trim(string? s) => s is null ? "null" : s.Length > 300 ? s[..300] + "…" : s;
}
