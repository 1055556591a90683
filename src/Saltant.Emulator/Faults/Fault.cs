namespace Saltant.Emulator.Faults;

/// <summary>
/// A misbehaviour the emulator can put on an answer, for testing a client's reliability code.
/// Gateway errors, 429 and a reset before processing never reach the API (no state changes); the others
/// let the request be processed and then damage or drop the answer.
/// </summary>
public abstract record Fault
{
    private protected Fault() { }

    /// <summary>Waits before handling the request (combines with any other fault).</summary>
    public static Fault Latency(TimeSpan delay) => new LatencyFault(delay);

    /// <summary>A 502, 503 or 504 from the "proxy" with an HTML body; the API never sees the request.</summary>
    public static Fault GatewayError(int status = 502) =>
        status is 502 or 503 or 504 ? new GatewayFault(status) : throw new ArgumentOutOfRangeException(nameof(status), "Use 502, 503 or 504.");

    /// <summary>429 Too Many Requests with a <c>Retry-After</c> header (whole seconds) and DRF's throttle body.</summary>
    public static Fault TooManyRequests(TimeSpan retryAfter) => new TooManyRequestsFault(retryAfter);

    /// <summary>Aborts the connection without an answer; with <paramref name="afterProcessing"/> the request is applied first.</summary>
    public static Fault ConnectionReset(bool afterProcessing = false) => new ResetFault(afterProcessing);

    /// <summary>Processes the request, sends the headers and part of the body, then aborts the connection.</summary>
    public static Fault ResetMidBody() => new ResetMidBodyFault();

    /// <summary>Processes the request and sends only the first half of the body (a complete HTTP message).</summary>
    public static Fault TruncatedBody() => new TruncatedFault();

    /// <summary>Processes the request and sends a body that is not JSON though labelled so.</summary>
    public static Fault MalformedJson() => new MalformedJsonFault();

    /// <summary>Processes the request and labels the answer with another content type.</summary>
    public static Fault WrongContentType(string contentType = "text/html; charset=utf-8") => new WrongContentTypeFault(contentType);
}

internal sealed record LatencyFault(TimeSpan Delay) : Fault;
internal sealed record GatewayFault(int Status) : Fault;
internal sealed record TooManyRequestsFault(TimeSpan RetryAfter) : Fault;
internal sealed record ResetFault(bool AfterProcessing) : Fault;
internal sealed record ResetMidBodyFault : Fault;
internal sealed record TruncatedFault : Fault;
internal sealed record MalformedJsonFault : Fault;
internal sealed record WrongContentTypeFault(string ContentType) : Fault;
