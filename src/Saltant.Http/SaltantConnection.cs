using System.Diagnostics;
using System.Net;
using LanguageExt;
using LanguageExt.Common;
using LanguageExt.Effects.Traits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>
/// The thin interpreter: runs one <see cref="ApiRequest"/> as HTTP, and turns every outcome into
/// the answer the operation expects or a <see cref="SaltantError"/>. A call is composed of small
/// parts, each with one job: <see cref="CallScope"/> (telemetry and logs), <see cref="Retrying"/>
/// with <see cref="RetryRule"/> (what is tried again, when), the credential step below (headers,
/// one renewal), and <see cref="Exchange"/> (one attempt: <see cref="RequestMessage"/>,
/// <see cref="AnswerReader"/>, <see cref="TransportErrors"/>). It knows nothing about resources.
/// </summary>
internal sealed class SaltantConnection : IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly ICredentialSource? credentials;
    private readonly ILogger logger;
    private int disposed;

    /// <summary>Makes a connection over an <see cref="HttpClient"/>, disposing it with the connection when <paramref name="ownsHttp"/>.</summary>
    internal SaltantConnection(HttpClient http, bool ownsHttp, ConnectionOptions options, ICredentialSource? credentials, ILogger? logger)
    {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.credentials = credentials;
        this.logger = logger ?? NullLogger.Instance;
        Options = options;
    }

    /// <summary>Where and how this connection talks.</summary>
    internal ConnectionOptions Options { get; }

    /// <summary>
    /// A connection with its own <see cref="HttpClient"/>: pooled connections that are recycled (DNS
    /// changes are seen), and no automatic redirects, so credentials never follow one to another host.
    /// </summary>
    internal static SaltantConnection Create(ConnectionOptions options, ICredentialSource? credentials, ILogger? logger)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = 256,
        };
        return new SaltantConnection(new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan }, true, options, credentials, logger);
    }

    /// <summary>Sends a request (retrying when safe) and gives the answer with the expected status, or the error.</summary>
    internal Aff<RT, HttpAnswer> Send<RT>(ApiRequest request)
        where RT : struct, HasCancel<RT> =>
        Call<RT, HttpAnswer>(request, (answer, _) => answer);

    /// <summary>Sends a request and decodes the expected answer's body.</summary>
    internal Aff<RT, T> Send<RT, T>(ApiRequest request, Decoder<T> decoder)
        where RT : struct, HasCancel<RT> =>
        Call<RT, T>(request, (answer, info) => decoder.Decode(answer.Body.Span).Match<Fin<T>>(Right: v => v, Left: f => f.ToError(Some(info))));

    /// <summary>
    /// One call: its scope around the refusals, the retried attempts and <paramref name="finish"/>
    /// (decoding), so a body that does not decode fails the call's activity too.
    /// </summary>
    private Aff<RT, T> Call<RT, T>(ApiRequest request, Func<HttpAnswer, RequestInfo, Fin<T>> finish)
        where RT : struct, HasCancel<RT> =>
        use(Eff(() => CallScope.Start(request, Options.ApiRoot, logger)), call =>
            (from _ in Refusal<RT>(call)
             from answer in Retrying.Run(Authorized<RT>(call), toSeq(Options.Retry.Run()), (e, next) => RetryDelay(call, e, next), Options.Clock, call.Info.ToString())
             from value in AffMaybe<RT, T>(_ => ValueTask.FromResult(finish(answer, call.Info)))
             select value)
            .BiMap(
                value =>
                {
                    call.Complete(null);
                    return value;
                },
                error =>
                {
                    call.Complete(error);
                    return error;
                }));

    /// <summary>Nothing is sent over plain http to another host (credentials would travel readable), nor through a disposed connection.</summary>
    private Aff<RT, Unit> Refusal<RT>(CallScope call)
        where RT : struct, HasCancel<RT> =>
        InsecureTransportGuard.Check(call.Url, Options.AllowInsecureHttp, Options.InsecureHttpAllowance).Match(
            Some: refused => FailAff<RT, Unit>(refused),
            None: () => IsDisposed ? FailAff<RT, Unit>(TransportErrors.Disposed(call.Info)) : unitAff);

    /// <summary>One attempt with the credential, and when the server rejects it, one renewal and one more.</summary>
    private Aff<RT, HttpAnswer> Authorized<RT>(CallScope call)
        where RT : struct, HasCancel<RT> =>
        from header in Authorization<RT>(call)
        from answer in SendOnce<RT>(call, header) | @catch(e =>
            e is AuthenticationFailed && header.IsSome && !call.Renewed
                ? Renewed<RT>(call, header.IfNone(""), e)
                : FailAff<RT, HttpAnswer>(e))
        select answer;

    /// <summary>The header to send (None for anonymous requests and connections without credentials).</summary>
    private Aff<RT, Option<string>> Authorization<RT>(CallScope call)
        where RT : struct, HasCancel<RT> =>
        call.Request.Anonymous || credentials is null
            ? SuccessAff<RT, Option<string>>(None)
            : AffMaybe<RT, Option<string>>(async rt =>
                (await credentials.AuthorizationAsync(rt.CancellationToken).ConfigureAwait(false)).Match(
                    Succ: h => Fin<Option<string>>.Succ(Some(h)),
                    Fail: e => Fin<Option<string>>.Fail(call.CredentialUnavailable(e))));

    /// <summary>
    /// After a rejection: renew (a JWT refresh or login) and send once more; the rejection stands when
    /// there is nothing new, and a failed renewal (a wrong password, a cancellation) is the answer.
    /// </summary>
    private Aff<RT, HttpAnswer> Renewed<RT>(CallScope call, string rejected, Error rejection)
        where RT : struct, HasCancel<RT> =>
        from renewed in AffMaybe<RT, bool>(async rt =>
            (await credentials!.RenewAsync(rejected, rt.CancellationToken).ConfigureAwait(false)).Match(
                Succ: Fin<bool>.Succ,
                Fail: e => Fin<bool>.Fail(call.CredentialUnavailable(e))))
        from answer in renewed
            ? Eff(() => call.Renewing()).Bind(_ => Authorized<RT>(call))
            : FailAff<RT, HttpAnswer>(rejection)
        select answer;

    /// <summary>One exchange, logged.</summary>
    private Aff<RT, HttpAnswer> SendOnce<RT>(CallScope call, Option<string> header)
        where RT : struct, HasCancel<RT> =>
        AffMaybe<RT, HttpAnswer>(async rt =>
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await Exchange.RunAsync(
                http, Options, call.Request, call.Url, call.Info, header.IfNoneUnsafe((string?)null), () => IsDisposed, rt.CancellationToken).ConfigureAwait(false);
            call.Attempted(outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return outcome.Outcome;
        });

    /// <summary>The wait before another attempt, logged; None when the failure stands.</summary>
    private Option<TimeSpan> RetryDelay(CallScope call, Error error, TimeSpan scheduled)
    {
        // A credential that could not be had (a login or refresh failed after its own retries) is not
        // tried again here, which would multiply those attempts; nor is anything once disposed.
        if (call.NoCredential || IsDisposed)
        {
            return None;
        }

        var delay = RetryRule.Delay(error, call.Request, call.LastMayHaveArrived, scheduled, Options.MaxRetryAfter);
        delay.IfSome(d => call.Retrying(d, error));
        return delay;
    }

    private bool IsDisposed => Volatile.Read(ref disposed) != 0;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0 && ownsHttp)
        {
            http.Dispose();
        }
    }
}
