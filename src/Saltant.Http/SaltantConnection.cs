using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using LanguageExt;
using LanguageExt.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>
/// The thin interpreter: runs one <see cref="ApiRequest"/> as an HTTP exchange with the
/// credential header, the timeout and retries, and turns every outcome into either the answer
/// the operation expects or a <see cref="SaltantError"/>. It knows nothing about resources.
/// Each call is one activity of <see cref="SaltantTelemetry.ActivitySourceName"/> (when someone
/// listens) and is logged through an optional <see cref="ILogger"/>; neither ever holds a header
/// value or a body.
/// </summary>
public sealed class SaltantConnection : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly ICredentialSource? credentials;
    private readonly ILogger logger;
    private int disposed;

    /// <summary>Makes a connection over a caller's <see cref="HttpClient"/> (which the caller disposes).</summary>
    /// <param name="http">The client to send with; its own timeout should be longer than <see cref="ConnectionOptions.Timeout"/>.</param>
    /// <param name="options">Where and how to talk.</param>
    /// <param name="credentials">The credential source, or null to send requests without credentials.</param>
    public SaltantConnection(HttpClient http, ConnectionOptions options, ICredentialSource? credentials)
        : this(http, false, options, credentials, null)
    {
    }

    /// <summary>Makes a connection over a caller's <see cref="HttpClient"/> (which the caller disposes), logging to <paramref name="logger"/>.</summary>
    /// <param name="http">The client to send with; its own timeout should be longer than <see cref="ConnectionOptions.Timeout"/>.</param>
    /// <param name="options">Where and how to talk.</param>
    /// <param name="credentials">The credential source, or null to send requests without credentials.</param>
    /// <param name="logger">Where exchanges, retries and failures are logged (category <see cref="SaltantTelemetry.ConnectionLogCategory"/> by convention); null for none.</param>
    public SaltantConnection(HttpClient http, ConnectionOptions options, ICredentialSource? credentials, ILogger? logger)
        : this(http, false, options, credentials, logger)
    {
    }

    private SaltantConnection(HttpClient http, bool ownsHttp, ConnectionOptions options, ICredentialSource? credentials, ILogger? logger)
    {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.credentials = credentials;
        this.logger = logger ?? NullLogger.Instance;
        Options = options;
    }

    /// <summary>Where and how this connection talks.</summary>
    public ConnectionOptions Options { get; }

    /// <summary>
    /// Makes a connection with its own <see cref="HttpClient"/>: pooled connections that are
    /// recycled (DNS changes are seen), and no automatic redirects, so credentials never follow a
    /// redirect to another host.
    /// </summary>
    /// <param name="options">Where and how to talk.</param>
    /// <param name="credentials">The credential source, or null for none.</param>
    public static SaltantConnection Create(ConnectionOptions options, ICredentialSource? credentials) =>
        Create(options, credentials, null);

    /// <summary>
    /// Makes a connection with its own <see cref="HttpClient"/>, as <see cref="Create(ConnectionOptions, ICredentialSource?)"/>,
    /// logging to <paramref name="logger"/>.
    /// </summary>
    /// <param name="options">Where and how to talk.</param>
    /// <param name="credentials">The credential source, or null for none.</param>
    /// <param name="logger">Where exchanges, retries and failures are logged; null for none.</param>
    public static SaltantConnection Create(ConnectionOptions options, ICredentialSource? credentials, ILogger? logger)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = 256,
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new SaltantConnection(client, true, options, credentials, logger);
    }

    /// <summary>Sends a request (retrying when safe) and returns the answer with the expected status, or the error.</summary>
    /// <param name="request">The request.</param>
    public Aff<SaltantRuntime, HttpAnswer> Send(ApiRequest request) =>
        AffMaybe<SaltantRuntime, HttpAnswer>(async rt => await SendAsync(request, rt.CancellationToken).ConfigureAwait(false));

    private static readonly Func<HttpAnswer, RequestInfo, Fin<HttpAnswer>> AsIs = (answer, _) => answer;

    /// <summary>Sends a request and decodes the expected answer's body.</summary>
    /// <typeparam name="T">The decoded value.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="decoder">The body decoder for this operation.</param>
    public Aff<SaltantRuntime, T> Send<T>(ApiRequest request, Decoder<T> decoder) =>
        AffMaybe<SaltantRuntime, T>(async rt =>
            await CallAsync(
                request,
                (answer, info) => decoder.Decode(answer.Body.Span).Match<Fin<T>>(
                    Right: v => v,
                    Left: f => f.ToError(Some(info))),
                rt.CancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The Task form of <see cref="Send(ApiRequest)"/>: never throws; cancellation becomes <see cref="Cancelled"/>,
    /// and a request through a disposed connection becomes <see cref="TransportFailed"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the exchange and any retry wait.</param>
    public Task<Fin<HttpAnswer>> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        CallAsync(request, AsIs, cancellationToken);

    /// <summary>
    /// One API call: the activity around it, the exchange with its retries, then <paramref name="finish"/>
    /// (decoding) on the expected answer, so a body that does not decode fails the call's activity too.
    /// </summary>
    private async Task<Fin<T>> CallAsync<T>(ApiRequest request, Func<HttpAnswer, RequestInfo, Fin<T>> finish, CancellationToken cancellationToken)
    {
        var url = new Uri(Options.ApiRoot, request.RelativeUri);
        var info = new RequestInfo(request.MethodName, SafeUrl(url));
        using var activity = StartActivity(request, url, info);
        var exchange = new Exchange(Fin<HttpAnswer>.Fail(Disposed(info)), 0, null);

        // Every request is guarded: the anonymous ones are the JWT endpoints, whose bodies carry passwords and tokens.
        if (InsecureTransportGuard.Check(url, Options.AllowInsecureHttp).Case is SaltantError refused)
        {
            exchange = exchange with { Outcome = refused };
        }
        else if (Volatile.Read(ref disposed) == 0)
        {
            try
            {
                exchange = await SendWithRetriesAsync(request, url, info, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The client was disposed while this request was in flight (its HTTP client or JWT gate went away).
                exchange = exchange with { Outcome = Disposed(info) };
            }
        }

        var result = exchange.Outcome.Bind(answer => finish(answer, info));
        Complete(activity, info, exchange, result.IsFail ? (Error)result : null);
        return result;
    }

    /// <summary>What the exchange came to: the outcome, how many attempts were made, and the last status received.</summary>
    private readonly record struct Exchange(Fin<HttpAnswer> Outcome, int Attempts, int? Status);

    /// <summary>The URL as logged, traced and put in errors: without user information, should an API root carry any.</summary>
    private static string SafeUrl(Uri url) =>
        url.UserInfo.Length == 0 ? url.AbsoluteUri : new UriBuilder(url) { UserName = "", Password = "" }.Uri.AbsoluteUri;

    /// <summary>Starts the call's activity, or returns null (at no cost) when nobody listens to the source.</summary>
    private static Activity? StartActivity(ApiRequest request, Uri url, RequestInfo info)
    {
        var source = SaltantTelemetry.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity($"{request.MethodName} {request.RouteTemplate}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SaltantTelemetry.MethodTag, request.MethodName);
            activity.SetTag(SaltantTelemetry.RouteTag, request.RouteTemplate);
            activity.SetTag(SaltantTelemetry.UrlTag, info.Url);
            activity.SetTag(SaltantTelemetry.ServerAddressTag, url.Host);
            activity.SetTag(SaltantTelemetry.ServerPortTag, url.Port);
        }

        return activity;
    }

    /// <summary>Records the call's end on its activity and, for a failure, in the log.</summary>
    private void Complete(Activity? activity, RequestInfo info, Exchange exchange, Error? error)
    {
        if (activity is { IsAllDataRequested: true })
        {
            if (exchange.Status is int status)
            {
                activity.SetTag(SaltantTelemetry.StatusCodeTag, status);
            }

            activity.SetTag(SaltantTelemetry.RetryCountTag, Math.Max(0, exchange.Attempts - 1));
            if (error is not null)
            {
                activity.SetTag(SaltantTelemetry.ErrorTypeTag, error.GetType().Name);
                activity.SetTag(SaltantTelemetry.ErrorCodeTag, error.Code);
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }
        }

        if (error is not null)
        {
            // Not finding a record and being cancelled are ordinary outcomes; the rest deserve attention.
            var level = error is NotFound or Cancelled ? LogLevel.Information : LogLevel.Warning;
            ConnectionLog.CallFailed(logger, level, info.Method, info.Url, error.GetType().Name, exchange.Attempts, error.Message);
        }
    }

    /// <summary>The error for a request made through, or overtaken by, a disposed connection.</summary>
    private static TransportFailed Disposed(RequestInfo info) =>
        new(info, "the saltant client has been disposed, so nothing more can be sent with it.");

    private async Task<Exchange> SendWithRetriesAsync(ApiRequest request, Uri url, RequestInfo info, CancellationToken cancellationToken)
    {
        using var delays = Options.Retry.Run().GetEnumerator();
        var renewed = false;
        var attempts = 0;
        int? lastStatus = null;
        while (true)
        {
            attempts++;
            var (outcome, sent, header, status) = await SendOnceAsync(request, url, info, attempts, cancellationToken).ConfigureAwait(false);
            lastStatus = status; // the final attempt's, so a call that ended without an answer reports none

            // No credential could be had (a JWT login or refresh failed after its own retries): retrying here would
            // multiply those attempts, so the error stands as it is.
            if (outcome.IsFail && header is null && !request.Anonymous && credentials is not null)
            {
                return new Exchange(outcome, attempts, lastStatus);
            }

            // A rejected credential is renewed once (a JWT refresh); the request was not processed, so resending is safe.
            if (!renewed && header is not null && credentials is not null && outcome.IsFail && (Error)outcome is AuthenticationFailed)
            {
                var renewal = await credentials.RenewAsync(header, cancellationToken).ConfigureAwait(false);
                if (renewal.IsFail)
                {
                    // e.g. cancelled while renewing: that, not the stale rejection, is the answer
                    return new Exchange((Error)renewal, attempts, lastStatus);
                }

                if ((bool)renewal)
                {
                    renewed = true;
                    ConnectionLog.RenewingCredential(logger, info.Method, info.Url);
                    continue;
                }
            }

            if (outcome.IsSucc || !IsTransient((Error)outcome) || (sent && !request.SafeToRetry) || Volatile.Read(ref disposed) != 0 || !delays.MoveNext())
            {
                return new Exchange(outcome, attempts, lastStatus);
            }

            var delay = (TimeSpan)delays.Current;
            if ((Error)outcome is RateLimited { RetryAfter.IsSome: true } limited)
            {
                var asked = limited.RetryAfter.IfNone(TimeSpan.Zero);
                if (asked > Options.MaxRetryAfter)
                {
                    return new Exchange(outcome, attempts, lastStatus); // the server asks for a longer pause than a retry should silently take
                }

                delay = asked > delay ? asked : delay;
            }

            delay = delay < MaxDelay ? delay : MaxDelay;
            var failure = (Error)outcome;
            ConnectionLog.Retrying(logger, info.Method, info.Url, delay.TotalMilliseconds, attempts, failure.GetType().Name, failure.Message);
            try
            {
                await Task.Delay(delay, Options.Clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new Exchange(new Cancelled(info.ToString()), attempts, lastStatus);
            }
        }
    }

    /// <summary>The longest single wait a caller's schedule can ask for (Task.Delay refuses more than about 49 days).</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    /// <summary>Errors worth another attempt: the network, a timeout, a gateway or overload answer.</summary>
    private static bool IsTransient(Error error) => error switch
    {
        TransportFailed or TimedOut or RateLimited => true,
        ServerFault f => f.Status is 502 or 503 or 504,
        _ => false,
    };

    /// <summary>
    /// One exchange. Returns the outcome, whether the request may have reached the server
    /// (false only when the connection was never made), and the credential header used (null
    /// when none was needed, or none could be had), and the status answered (null without an answer).
    /// Logs the exchange (never the header or a body) when it was made.
    /// </summary>
    private async Task<(Fin<HttpAnswer> Outcome, bool Sent, string? Header, int? Status)> SendOnceAsync(
        ApiRequest request, Uri url, RequestInfo info, int attempt, CancellationToken cancellationToken)
    {
        string? header = null;
        if (!request.Anonymous && credentials is not null)
        {
            var auth = await credentials.AuthorizationAsync(cancellationToken).ConfigureAwait(false);
            if (auth.IsFail)
            {
                return ((Error)auth, false, null, null);
            }

            header = (string)auth;
        }

        var started = Stopwatch.GetTimestamp();
        var (outcome, sent, status) = await ExchangeOnceAsync(request, url, info, header, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (status is int answered)
        {
            ConnectionLog.AttemptAnswered(logger, info.Method, info.Url, answered, elapsed, attempt);
        }
        else
        {
            ConnectionLog.AttemptUnanswered(logger, info.Method, info.Url, elapsed, attempt, ((Error)outcome).GetType().Name);
        }

        return (outcome, sent, header, status);
    }

    /// <summary>The HTTP exchange itself: the outcome, whether the request may have reached the server, and the status answered.</summary>
    private async Task<(Fin<HttpAnswer> Outcome, bool Sent, int? Status)> ExchangeOnceAsync(
        ApiRequest request, Uri url, RequestInfo info, string? header, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        using var message = BuildMessage(request, url, header, Options.UserAgent);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var answer = new HttpAnswer(
                (int)response.StatusCode,
                response.Content.Headers.ContentType?.ToString(),
                body,
                RetryAfterOf(response, Options.Clock.GetUtcNow()),
                Optional(response.Headers.Location?.OriginalString));
            return (Judge(request, info, answer), true, answer.Status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (new Cancelled(info.ToString()), true, null);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref disposed) != 0)
        {
            // Disposing the HTTP client cancels what it has in flight; that is no timeout.
            return (Disposed(info), true, null);
        }
        catch (OperationCanceledException)
        {
            return (new TimedOut(info, Options.Timeout), true, null);
        }
        catch (HttpRequestException e)
        {
            return (new TransportFailed(info, Reason(e)), !NeverConnected(e), null);
        }
        catch (IOException e)
        {
            return (new TransportFailed(info, e.Message), true, null);
        }
    }

    /// <summary>The expected status is a success; every other answer becomes its typed error.</summary>
    private static Fin<HttpAnswer> Judge(ApiRequest request, RequestInfo info, HttpAnswer answer) =>
        answer.Status == request.ExpectedStatus
            ? answer
            : ResponseErrors.Map(info, request.ExpectedStatus, answer);

    private static HttpRequestMessage BuildMessage(ApiRequest request, Uri url, string? header, string userAgent)
    {
        // Parse hands back the shared instance of a known method instead of a new one per request.
        var message = new HttpRequestMessage(HttpMethod.Parse(request.MethodName), url);
        message.Headers.Accept.Add(AcceptJson);
        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (header is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", header);
        }

        // Every request carries content, an empty one when it has no body. SocketsHttpHandler silently
        // resends a request *without* content when a pooled connection closes before the first answer
        // byte, on as many pooled connections as it has: that turned one clone into four launched
        // instances, and multiplied our own retries of reads. With content it never resends, so every
        // send is one this class decided on. On the wire the only change is `Content-Length: 0` on GETs.
        message.Content = request.Body switch
        {
            RequestBody.JsonBody json => JsonContent(json.Value),
            RequestBody.FormBody form => new FormUrlEncodedContent(form.Fields.Map(f => new KeyValuePair<string, string>(f.Name, f.Value))),
            _ => new ByteArrayContent([]),
        };
        return message;
    }

    private static ByteArrayContent JsonContent(Json value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        // The stream's own buffer, not a copy of it: the content reads only the bytes written.
        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static Option<TimeSpan> RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter is { } retry
            ? RetryAfterDelay.Of(retry.Delta, retry.Date, response.Headers.Date, now)
            : None;

    private static bool NeverConnected(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.ConnectionError &&
        e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };

    private static string Reason(HttpRequestException e) =>
        e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        if (ownsHttp)
        {
            http.Dispose();
        }
    }
}
