using System.Text;
using System.Text.Json;

namespace Saltant.Domain.Tests.Corpus;

/// <summary>One recorded exchange of tests/data/exchanges.jsonl (the fields these tests use).</summary>
public sealed record Exchange(
    int Seq,
    string Name,
    string Method,
    string Path,
    string Query,
    int Status,
    string ResponseContentType,
    string ResponseBody,
    string ResponseLocation)
{
    public byte[] BodyBytes => Encoding.UTF8.GetBytes(ResponseBody);

    public RequestInfo Request => new(Method, $"http://127.0.0.1:8000/api/{Path}{(Query.Length > 0 ? "?" + Query : "")}");

    /// <summary>The path's segments without empty ones: <c>taskqueues/1/</c> is <c>[taskqueues, 1]</c>.</summary>
    public string[] Segments => Path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The success status the operation of this exchange expects.</summary>
    public int ExpectedStatus => (Method, Segments) switch
    {
        ("POST", [_, _, "clone"]) => 201,
        ("POST", [_, _, "terminate"]) => 202,
        ("POST", [var route]) when route is not "token" => 201,
        _ => 200,
    };

    public override string ToString() => $"#{Seq} {Method} /{Path} → {Status} ({Name})";

    internal static Exchange Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var e = doc.RootElement;
        string Text(string name) => e.GetProperty(name).GetString() ?? "";
        return new Exchange(
            e.GetProperty("seq").GetInt32(), Text("name"), Text("method"), Text("path"), Text("query"),
            e.GetProperty("status").GetInt32(), Text("response_content_type"), Text("response_body"), Text("response_location"));
    }
}
