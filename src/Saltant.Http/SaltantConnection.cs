using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>
/// The thin interpreter: runs one <see cref="ApiRequest"/> as an HTTP exchange with the
/// credential header, the timeout and retries, and turns every outcome into either the answer
/// the operation expects or a <see cref="SaltantError"/>. It knows nothing about resources.
/// </summary>
public sealed class SaltantConnection : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly ICredentialSource? credentials;
    private int disposed;

    /// <summary>Makes a connection over a caller's <see cref="HttpClient"/> (which the caller disposes).</summary>
    /// <param name="http">The client to send with; its own timeout should be longer than <see cref="ConnectionOptions.Timeout"/>.</param>
    /// <param name="options">Where and how to talk.</param>
    /// <param name="credentials">The credential source, or null to send requests without credentials.</param>
    public SaltantConnection(HttpClient http, ConnectionOptions options, ICredentialSource? credentials)
        : this(http, false, options, credentials)
    {
    }

    private SaltantConnection(HttpClient http, bool ownsHttp, ConnectionOptions options, ICredentialSource? credentials)
    {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.credentials = credentials;
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
    public static SaltantConnection Create(ConnectionOptions options, ICredentialSource? credentials)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = 256,
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new SaltantConnection(client, true, options, credentials);
    }

    /// <summary>Sends a request (retrying when safe) and returns the answer with the expected status, or the error.</summary>
    /// <param name="request">The request.</param>
    public Aff<SaltantRuntime, HttpAnswer> Send(ApiRequest request) =>
        AffMaybe<SaltantRuntime, HttpAnswer>(async rt => await SendAsync(request, rt.CancellationToken).ConfigureAwait(false));

    /// <summary>Sends a request and decodes the expected answer's body.</summary>
    /// <typeparam name="T">The decoded value.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="decoder">The body decoder for this operation.</param>
    public Aff<SaltantRuntime, T> Send<T>(ApiRequest request, Decoder<T> decoder) =>
        AffMaybe<SaltantRuntime, T>(async rt =>
        {
            var answer = await SendAsync(request, rt.CancellationToken).ConfigureAwait(false);
            return answer.Bind(a => decoder.Decode(a.Body.Span).Match<Fin<T>>(
                Right: v => v,
                Left: f => f.ToError(Some(Describe(request)))));
        });

    /// <summary>
    /// The Task form of <see cref="Send(ApiRequest)"/>: never throws; cancellation becomes <see cref="Cancelled"/>,
    /// and a request through a disposed connection becomes <see cref="TransportFailed"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the exchange and any retry wait.</param>
    public async Task<Fin<HttpAnswer>> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var url = new Uri(Options.ApiRoot, request.RelativeUri);
        var info = new RequestInfo(request.MethodName, url.AbsoluteUri);
        // Every request is guarded: the anonymous ones are the JWT endpoints, whose bodies carry passwords and tokens.
        if (InsecureTransportGuard.Check(url, Options.AllowInsecureHttp).Case is SaltantError refused)
        {
            return refused;
        }

        if (Volatile.Read(ref disposed) != 0)
        {
            return Disposed(info);
        }

        try
        {
            return await SendWithRetriesAsync(request, url, info, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The client was disposed while this request was in flight (its HTTP client or JWT gate went away).
            return Disposed(info);
        }
    }

    /// <summary>The error for a request made through, or overtaken by, a disposed connection.</summary>
    private static TransportFailed Disposed(RequestInfo info) =>
        new(info, "the saltant client has been disposed, so nothing more can be sent with it.");

    private async Task<Fin<HttpAnswer>> SendWithRetriesAsync(ApiRequest request, Uri url, RequestInfo info, CancellationToken cancellationToken)
    {
        using var delays = Options.Retry.Run().GetEnumerator();
        var renewed = false;
        while (true)
        {
            var (outcome, sent, header) = await SendOnceAsync(request, url, info, cancellationToken).ConfigureAwait(false);

            // No credential could be had (a JWT login or refresh failed after its own retries): retrying here would
            // multiply those attempts, so the error stands as it is.
            if (outcome.IsFail && header is null && !request.Anonymous && credentials is not null)
            {
                return outcome;
            }

            // A rejected credential is renewed once (a JWT refresh); the request was not processed, so resending is safe.
            if (!renewed && header is not null && credentials is not null && outcome.IsFail && (Error)outcome is AuthenticationFailed)
            {
                var renewal = await credentials.RenewAsync(header, cancellationToken).ConfigureAwait(false);
                if (renewal.IsFail)
                {
                    return (Error)renewal; // e.g. cancelled while renewing: that, not the stale rejection, is the answer
                }

                if ((bool)renewal)
                {
                    renewed = true;
                    continue;
                }
            }

            if (outcome.IsSucc || !IsTransient((Error)outcome) || (sent && !request.SafeToRetry) || Volatile.Read(ref disposed) != 0 || !delays.MoveNext())
            {
                return outcome;
            }

            var delay = (TimeSpan)delays.Current;
            if ((Error)outcome is RateLimited { RetryAfter.IsSome: true } limited)
            {
                var asked = limited.RetryAfter.IfNone(TimeSpan.Zero);
                if (asked > Options.MaxRetryAfter)
                {
                    return outcome; // the server asks for a longer pause than a retry should silently take
                }

                delay = asked > delay ? asked : delay;
            }

            try
            {
                await Task.Delay(delay < MaxDelay ? delay : MaxDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new Cancelled(info.ToString());
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

    private RequestInfo Describe(ApiRequest request) =>
        new(request.MethodName, new Uri(Options.ApiRoot, request.RelativeUri).AbsoluteUri);

    /// <summary>
    /// One exchange. Returns the outcome, whether the request may have reached the server
    /// (false only when the connection was never made), and the credential header used (null
    /// when none was needed, or none could be had).
    /// </summary>
    private async Task<(Fin<HttpAnswer> Outcome, bool Sent, string? Header)> SendOnceAsync(
        ApiRequest request, Uri url, RequestInfo info, CancellationToken cancellationToken)
    {
        string? header = null;
        if (!request.Anonymous && credentials is not null)
        {
            var auth = await credentials.AuthorizationAsync(cancellationToken).ConfigureAwait(false);
            if (auth.IsFail)
            {
                return ((Error)auth, false, null);
            }

            header = (string)auth;
        }

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
                RetryAfterOf(response),
                Optional(response.Headers.Location?.OriginalString));
            return (Judge(request, info, answer), true, header);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (new Cancelled(info.ToString()), true, header);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref disposed) != 0)
        {
            // Disposing the HTTP client cancels what it has in flight; that is no timeout.
            return (Disposed(info), true, header);
        }
        catch (OperationCanceledException)
        {
            return (new TimedOut(info, Options.Timeout), true, header);
        }
        catch (HttpRequestException e)
        {
            return (new TransportFailed(info, Reason(e)), !NeverConnected(e), header);
        }
        catch (IOException e)
        {
            return (new TransportFailed(info, e.Message), true, header);
        }
    }

    /// <summary>The expected status is a success; every other answer becomes its typed error.</summary>
    private static Fin<HttpAnswer> Judge(ApiRequest request, RequestInfo info, HttpAnswer answer) =>
        answer.Status == request.ExpectedStatus
            ? answer
            : ResponseErrors.Map(info, request.ExpectedStatus, answer);

    private static HttpRequestMessage BuildMessage(ApiRequest request, Uri url, string? header, string userAgent)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.MethodName), url);
        message.Headers.Accept.Add(AcceptJson);
        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (header is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", header);
        }

        message.Content = request.Body switch
        {
            RequestBody.JsonBody json => JsonContent(json.Value),
            RequestBody.FormBody form => new FormUrlEncodedContent(form.Fields.Map(f => new KeyValuePair<string, string>(f.Name, f.Value))),
            _ => null,
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

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static Option<TimeSpan> RetryAfterOf(HttpResponseMessage response)
    {
        var retry = response.Headers.RetryAfter;
        if (retry?.Delta is { } delta)
        {
            return delta;
        }

        // An HTTP date needs a clock; the delay schedule covers that rare form.
        return None;
    }

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
