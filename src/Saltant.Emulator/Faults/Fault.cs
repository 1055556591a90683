namespace Saltant.Emulator.Faults;

/// <summary>
/// A misbehaviour the emulator can put on an answer, for testing a client's reliability code.
/// Gateway errors, 429, and a reset or close before processing never reach the API (no state changes,
/// not counted by <see cref="RequestCounter.Processed"/>); the others let the request be processed and
/// then damage or drop the answer. Install them with <see cref="FaultController"/>, per route prefix,
/// method and count.
/// </summary>
public abstract record Fault
{
    private protected Fault() { }

    /// <summary>Waits before handling the request (combines with any other fault).</summary>
    public static Fault Latency(TimeSpan delay) => new LatencyFault(delay);

    /// <summary>
    /// Waits <paramref name="perRecord"/> for every record a list request asks for (its
    /// <c>page_size</c>, else the default of 10 for instances and 100 otherwise), like a server
    /// whose time grows with the page: 1 ms per record is 100 ms per 100-record page. Requests
    /// that are not lists are not delayed. Combines with any other fault.
    /// </summary>
    public static Fault LatencyPerRecord(TimeSpan perRecord) => new LatencyPerRecordFault(perRecord);

    /// <summary>A 502, 503 or 504 from the "proxy" with an HTML body; the API never sees the request.</summary>
    public static Fault GatewayError(int status = 502) =>
        status is 502 or 503 or 504 ? new GatewayFault(status) : throw new ArgumentOutOfRangeException(nameof(status), "Use 502, 503 or 504.");

    /// <summary>429 Too Many Requests with a <c>Retry-After</c> header and DRF's throttle body; the API never sees the request.</summary>
    /// <param name="retryAfter">How long the client is asked to wait.</param>
    /// <param name="asHttpDate">
    /// False (the default): <c>Retry-After</c> is whole seconds, rounded up. True: it is an HTTP date,
    /// the emulator's clock (<see cref="SaltantEmulatorOptions.Clock"/>) plus <paramref name="retryAfter"/>
    /// rounded up to the next whole second, and the answer's <c>Date</c> header is the emulator's clock
    /// too, so a client may measure the wait against either. Use the default system clock when the
    /// client compares the date with its own.
    /// </param>
    public static Fault TooManyRequests(TimeSpan retryAfter, bool asHttpDate = false) =>
        retryAfter >= TimeSpan.Zero ? new TooManyRequestsFault(retryAfter, asHttpDate) : throw new ArgumentOutOfRangeException(nameof(retryAfter), "A wait is not negative.");

    /// <summary>
    /// Resets the connection (a TCP RST: no answer byte, an abortive close) before the request is
    /// processed, or with <paramref name="afterProcessing"/> after it was applied.
    /// </summary>
    public static Fault ConnectionReset(bool afterProcessing = false) => new ResetFault(afterProcessing);

    /// <summary>
    /// Closes the connection cleanly (a TCP FIN, no answer byte at all) before the request is
    /// processed, or with <paramref name="afterProcessing"/> after it was applied: what a proxy or
    /// server that drops a pooled keep-alive connection does, and what makes .NET's connection pool
    /// resend a request that has no body.
    /// </summary>
    public static Fault ConnectionClose(bool afterProcessing = false) => new CloseFault(afterProcessing);

    /// <summary>Processes the request, sends the headers and part of the body, then aborts the connection.</summary>
    public static Fault ResetMidBody() => new ResetMidBodyFault();

    /// <summary>
    /// For list pages only: the answer's <c>next</c> link points back at a page already served (the
    /// page itself, or with <paramref name="toFirstPage"/> the first page), even on the last page, so a
    /// client that follows <c>next</c> until it is null never ends. Other requests do not use it up.
    /// </summary>
    public static Fault LoopingNext(bool toFirstPage = false) => new LoopingNextFault(toFirstPage);

    /// <summary>
    /// Processes the request, then answers 200 with a JSON content type and a body that never ends:
    /// the start of a list page whose first record's <c>name</c> string runs on without end. With
    /// <paramref name="length"/> the body ends after that many bytes (incomplete JSON); with
    /// <paramref name="declareLength"/> that length is also sent as <c>Content-Length</c> (else the body
    /// is chunked). Memory stays bounded on both sides only if the client bounds what it reads; the
    /// emulator stops writing when the client goes or the emulator is disposed.
    /// </summary>
    /// <param name="length">Body bytes, or null for no end.</param>
    /// <param name="declareLength">Whether to send <c>Content-Length</c> (needs <paramref name="length"/>).</param>
    public static Fault EndlessBody(long? length = null, bool declareLength = false) =>
        length is < 0 ? throw new ArgumentOutOfRangeException(nameof(length), "A length is not negative.")
        : declareLength && length is null ? throw new ArgumentException("Only a body with a length can declare it.", nameof(declareLength))
        : new EndlessBodyFault(length, declareLength);

    /// <summary>Processes the request and sends only the first half of the body (a complete HTTP message).</summary>
    public static Fault TruncatedBody() => new TruncatedFault();

    /// <summary>Processes the request and sends a body that is not JSON though labelled so.</summary>
    public static Fault MalformedJson() => new MalformedJsonFault();

    /// <summary>Processes the request and labels the answer with another content type.</summary>
    public static Fault WrongContentType(string contentType = "text/html; charset=utf-8") => new WrongContentTypeFault(contentType);
}

internal sealed record LatencyFault(TimeSpan Delay) : Fault;
internal sealed record LatencyPerRecordFault(TimeSpan PerRecord) : Fault;
internal sealed record GatewayFault(int Status) : Fault;
internal sealed record TooManyRequestsFault(TimeSpan RetryAfter, bool AsHttpDate) : Fault;
internal sealed record ResetFault(bool AfterProcessing) : Fault;
internal sealed record CloseFault(bool AfterProcessing) : Fault;
internal sealed record LoopingNextFault(bool ToFirstPage) : Fault;
internal sealed record EndlessBodyFault(long? Length, bool DeclareLength) : Fault;
internal sealed record ResetMidBodyFault : Fault;
internal sealed record TruncatedFault : Fault;
internal sealed record MalformedJsonFault : Fault;
internal sealed record WrongContentTypeFault(string ContentType) : Fault;
