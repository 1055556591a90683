using System.Text.Json;

namespace Saltant.Emulator.Tests.Conformance;

/// <summary>One recorded exchange from tests/data/exchanges.jsonl.</summary>
public sealed record Exchange(
    int Seq, string Name, string Method, string Path, string Query, string? RequestContentType, string RequestBody,
    string AsUser, string Auth, int Status, string? ResponseContentType, string ResponseBody, string? ResponseLocation)
{
    public static IReadOnlyList<Exchange> LoadAll()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "exchanges.jsonl");
        return File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToList();
    }

    private static Exchange Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Exchange(r.GetProperty("seq").GetInt32(), S("name") ?? "", S("method")!, S("path") ?? "", S("query") ?? "",
            S("request_content_type"), S("request_body") ?? "", S("as_user")!, S("auth")!, r.GetProperty("status").GetInt32(),
            S("response_content_type"), S("response_body") ?? "", S("response_location"));
    }
}
