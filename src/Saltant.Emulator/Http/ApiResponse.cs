using System.Text;

namespace Saltant.Emulator.Http;

/// <summary>
/// A fully built answer. Handlers build these in memory so faults can corrupt, truncate or cut the
/// bytes afterwards, and so the store lock is never held while writing to the socket.
/// </summary>
internal sealed class ApiResponse
{
    public const string JsonType = "application/json";
    public const string HtmlType = "text/html; charset=utf-8";

    public required int Status { get; init; }
    public string? ContentType { get; init; }
    public ReadOnlyMemory<byte> Body { get; init; } = System.Array.Empty<byte>();

    /// <summary>The pooled array <see cref="Body"/> lies in, if any: the pipeline returns it to the pool once the answer is sent.</summary>
    public byte[]? Rented { get; init; }
    public string? Location { get; init; }
    public string? Allow { get; set; }

    /// <summary>Records serialised in a list page's results (0 for other answers): what a cost model charges per record.</summary>
    public int Records { get; init; }

    public static ApiResponse Json(int status, byte[] body) => new() { Status = status, ContentType = JsonType, Body = body };

    public static ApiResponse Detail(int status, string detail) => Json(status, Saltant.Emulator.Json.JsonOut.Detail(detail));

    public static ApiResponse Html(int status, string html) => new() { Status = status, ContentType = HtmlType, Body = Encoding.UTF8.GetBytes(html) };

    /// <summary>What the recorded deployment answers when the server fails on a POST/PATCH: 405, empty HTML.</summary>
    public static ApiResponse ServerFailureOnWrite() => new() { Status = 405, ContentType = HtmlType };

    /// <summary>A server error on a read: the site's 500 page.</summary>
    public static ApiResponse ServerErrorPage() => Html(500, HtmlPages.ServerError);

    /// <summary>Server-side failure, shaped by the method as the real deployment shapes it.</summary>
    public static ApiResponse ServerFailure(string method) => method is "GET" or "HEAD" ? ServerErrorPage() : ServerFailureOnWrite();

    public static ApiResponse MethodNotAllowed(string method) => Detail(405, $"Method \"{method}\" not allowed.");

    public static ApiResponse NotFound() => Detail(404, "Not found.");

    /// <summary>Django's APPEND_SLASH redirect: 301, empty HTML body.</summary>
    public static ApiResponse Redirect(string location) => new() { Status = 301, ContentType = HtmlType, Location = location };
}
