using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Saltant.Emulator.Cost;
using Saltant.Emulator.Faults;

namespace Saltant.Emulator.Http;

/// <summary>
/// The one piece of ASP.NET Core middleware: reads the request, counts it, applies faults, asks the
/// dispatcher for an answer and writes it (or damages it, when a fault says so).
/// </summary>
internal sealed class EmulatorPipeline(ApiDispatcher dispatcher, FaultController faults, RequestCounter counter, ServerCostMeter cost, TimeProvider clock, CancellationToken stopping)
{
    /// <summary>How many records a list request asks for: its page size, or the resource's default (0 for other requests).</summary>
    private static int ListedRecords(ApiRequest request)
    {
        if (request.Method != "GET" || request.ApiPath is not { } path) return 0;
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 1) return 0;
        var fallback = segments[0].EndsWith("taskinstances", StringComparison.Ordinal) ? 10 : 100;
        return int.TryParse(request.QueryValue("page_size"), out var size) && size > 0 ? size : fallback;
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var request = await ReadAsync(http).ConfigureAwait(false);
        var countedPath = request.ApiPath ?? request.FullPath;
        counter.Record(request.Method, countedPath);

        var (latency, fault) = faults.Take(request.Method, countedPath, http.Request.QueryString.Value ?? "", ListedRecords(request));
        if (latency > TimeSpan.Zero) await Task.Delay(latency, http.RequestAborted).ConfigureAwait(false);

        switch (fault)
        {
            case GatewayFault g:
                await WriteAsync(http, ApiResponse.Html(g.Status, HtmlPages.Gateway(g.Status, g.Status switch { 502 => "Bad Gateway", 503 => "Service Temporarily Unavailable", _ => "Gateway Time-out" }))).ConfigureAwait(false);
                return;
            case TooManyRequestsFault t:
                var seconds = (long)Math.Ceiling(t.RetryAfter.TotalSeconds);
                if (t.AsHttpDate)
                {
                    var now = clock.GetUtcNow();
                    http.Response.Headers.Date = now.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                    http.Response.Headers.RetryAfter = RoundUpToSecond(now + t.RetryAfter).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await WriteAsync(http, ApiResponse.Detail(429, $"Request was throttled. Expected available in {seconds} second{(seconds == 1 ? "" : "s")}.")).ConfigureAwait(false);
                return;
            case ResetFault { AfterProcessing: false }:
                ConnectionEnds.Reset(http);
                return;
            case CloseFault { AfterProcessing: false }:
                ConnectionEnds.Close(http);
                return;
        }

        // The server's work, under the cost model when there is one (its slot is released before the answer is written).
        var response = await cost.ServeAsync(() => Process(request, countedPath), r => r.Records, stopping).ConfigureAwait(false);
        try
        {
            await AnswerAsync(http, request, response, fault).ConfigureAwait(false);
        }
        finally
        {
            // A fault's answer may be a slice of the pooled body: it goes back only once all is sent.
            if (response.Rented is { } rented) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Sends the answer, or what the fault makes of it.</summary>
    private async Task AnswerAsync(HttpContext http, ApiRequest request, ApiResponse response, Fault? fault)
    {
        switch (fault)
        {
            case ResetFault:
                ConnectionEnds.Reset(http);
                return;
            case CloseFault:
                ConnectionEnds.Close(http);
                return;
            case EndlessBodyFault e:
                await EndlessBodyWriter.WriteAsync(http, e, stopping).ConfigureAwait(false);
                return;
            case LoopingNextFault l:
                response = LoopedPage.Loop(request, response, l.ToFirstPage);
                break;
            case ResetMidBodyFault:
                await ResetMidBodyAsync(http, response).ConfigureAwait(false);
                return;
            case TruncatedFault:
                response = new ApiResponse { Status = response.Status, ContentType = response.ContentType, Body = response.Body[..(response.Body.Length / 2)], Location = response.Location };
                break;
            case MalformedJsonFault:
                response = new ApiResponse { Status = response.Status, ContentType = ApiResponse.JsonType, Body = Encoding.UTF8.GetBytes("{\"detail\": <not json>"), Location = response.Location };
                break;
            case WrongContentTypeFault w:
                response = new ApiResponse { Status = response.Status, ContentType = w.ContentType, Body = response.Body, Location = response.Location };
                break;
        }
        await WriteAsync(http, response).ConfigureAwait(false);
    }

    /// <summary>The API acts on the request; counted as processed whatever then happens to the answer.</summary>
    private ApiResponse Process(ApiRequest request, string countedPath)
    {
        var response = dispatcher.Dispatch(request);
        counter.RecordProcessed(request.Method, countedPath);
        return response;
    }

    /// <summary>An HTTP date has whole seconds; rounding up keeps the wait at least as long as asked.</summary>
    private static DateTimeOffset RoundUpToSecond(DateTimeOffset t)
    {
        var rest = t.UtcTicks % TimeSpan.TicksPerSecond;
        return rest == 0 ? t.ToUniversalTime() : new DateTimeOffset(t.UtcTicks - rest + TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private static async Task<ApiRequest> ReadAsync(HttpContext http)
    {
        var req = http.Request;
        using var ms = new MemoryStream();
        await req.Body.CopyToAsync(ms, http.RequestAborted).ConfigureAwait(false);
        var fullPath = req.PathBase.Add(req.Path).ToUriComponent();
        var decodedPath = req.PathBase.Add(req.Path).Value ?? "/";
        string? apiPath = decodedPath.StartsWith("/api/", StringComparison.Ordinal) ? decodedPath[5..] : null;
        var rawQuery = req.QueryString.HasValue ? req.QueryString.Value![1..] : "";
        return new ApiRequest
        {
            Method = req.Method.ToUpperInvariant(),
            ApiPath = apiPath,
            FullPath = fullPath,
            RawQuery = rawQuery,
            Query = QueryString.Parse(rawQuery),
            Scheme = req.Scheme,
            Host = req.Host.Value ?? "localhost",
            Authorization = req.Headers.Authorization.Count > 0 ? req.Headers.Authorization.ToString() : null,
            Accept = req.Headers.Accept.Count > 0 ? req.Headers.Accept.ToString() : null,
            ContentType = req.ContentType,
            Body = ms.ToArray(),
        };
    }

    private static async Task WriteAsync(HttpContext http, ApiResponse response)
    {
        var res = http.Response;
        res.StatusCode = response.Status;
        if (response.ContentType is not null) res.ContentType = response.ContentType;
        if (response.Location is not null) res.Headers.Location = response.Location;
        if (response.Allow is not null) res.Headers.Allow = response.Allow;
        if (response.Status != 301 && response.ContentType == ApiResponse.JsonType) res.Headers.Vary = "Accept";
        res.ContentLength = response.Body.Length;
        if (response.Body.Length > 0 && http.Request.Method != "HEAD")
            await res.Body.WriteAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ResetMidBodyAsync(HttpContext http, ApiResponse response)
    {
        var res = http.Response;
        res.StatusCode = response.Status;
        if (response.ContentType is not null) res.ContentType = response.ContentType;
        // Promise the full length, send half, flush so the client has started reading, then cut the connection.
        res.ContentLength = Math.Max(response.Body.Length, 2);
        var half = Math.Max(1, response.Body.Length / 2);
        await res.Body.WriteAsync(response.Body[..Math.Min(half, response.Body.Length)], http.RequestAborted).ConfigureAwait(false);
        await res.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        http.Features.Get<IHttpResponseBodyFeature>()?.Stream.Flush();
        http.Abort();
    }
}
