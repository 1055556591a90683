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
/// with <see cref="RetryRule"/> (what is tried again, when), the credential's header and one
/// renewal, and <see cref="Exchange"/> (one attempt: <see cref="RequestMessage"/>,
/// <see cref="AnswerReader"/>, <see cref="TransportErrors"/>), run by one loop in the call's method.
/// It knows nothing about resources.
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
        AffMaybe<RT, T>(rt => new ValueTask<Fin<T>>(SendAsync(request, decoder, rt.CancellationToken)));

    /// <summary>Sends a request and decodes the expected answer's body, as a task: what the client's own loops (lists) await.</summary>
    internal Task<Fin<T>> SendAsync<T>(ApiRequest request, Decoder<T> decoder, CancellationToken cancellationToken) =>
        CallAsync(request, (answer, info) => Decode(answer, info, decoder), null, cancellationToken);

    /// <summary>
    /// Sends a request and decodes the answer, then <paramref name="check"/>s the value (with the
    /// request as errors name it) and, on failure, lets <paramref name="recover"/> read the error as an
    /// answer when it is one (a page past the end): a list's page in one task, with no async method
    /// of its own around it. A value its check refuses fails the call (its activity and log), as an
    /// answer that does not decode does: the server's answer was not one the client can use.
    /// </summary>
    internal Task<Fin<T>> SendAsync<T>(ApiRequest request, Decoder<T> decoder, Func<T, RequestInfo, Fin<T>>? check, Func<Error, Fin<T>>? recover, CancellationToken cancellationToken) =>
        CallAsync(request, (answer, info) => check is null ? Decode(answer, info, decoder) : Decode(answer, info, decoder).Bind(value => check(value, info)), recover, cancellationToken);

    /// <summary>The answer's body decoded; its pooled buffer, if any, goes back once the values are made (they copy what they keep).</summary>
    private static Fin<T> Decode<T>(HttpAnswer answer, RequestInfo info, Decoder<T> decoder)
    {
        try
        {
            // Read by case rather than Match: every answer is decoded here, and Match's null checks
            // are generic classes of their own for a fresh process to compile.
            var decoded = decoder.Decode(answer.Body.Span);
            return decoded.IsLeft ? ((DecodeFailure)decoded.Case!).ToError(Some(info)) : (T)decoded.Case!;
        }
        finally
        {
            answer.Release();
        }
    }

    /// <summary>
    /// One call: its scope around the refusals, the retried attempts and <paramref name="finish"/>
    /// (decoding), so a body that does not decode fails the call's activity too. One effect over a
    /// plain task (see <see cref="Retrying"/> for why).
    /// </summary>
    private Aff<RT, T> Call<RT, T>(ApiRequest request, Func<HttpAnswer, RequestInfo, Fin<T>> finish)
        where RT : struct, HasCancel<RT> =>
        AffMaybe<RT, T>(rt => new ValueTask<Fin<T>>(CallAsync(request, finish, null, rt.CancellationToken)));

    private async Task<Fin<T>> CallAsync<T>(ApiRequest request, Func<HttpAnswer, RequestInfo, Fin<T>> finish, Func<Error, Fin<T>>? recover, CancellationToken cancellationToken)
    {
        // Whatever throws (a listener of the activity, a logging provider, a bug) is the call's
        // failure, as it was when the call was a composition of effects: never a throw to the caller.
        CallScope? call = null;
        try
        {
            call = CallScope.Start(request, Options.ApiRoot, logger);
            Fin<T> result;
            if (Refusal(call) is { } refused)
            {
                result = refused;
            }
            else
            {
                try
                {
                    // The attempts: each with the credential's header, logged; when the server rejects
                    // the credential, one renewal and the request again at once; after another
                    // failure, again after each wait the schedule and the retry rule give. In this
                    // method, not one of their own: every call runs through here, and each async
                    // method is a dozen more generic methods a fresh process JIT-compiles on its first call.
                    using var retrying = new Retrying(Options.Retry, (e, next) => RetryDelay(call, e, next));
                    var answer = default(Fin<HttpAnswer>);
                    var done = false;
                    while (!done)
                    {
                        // The header (a token, a JWT still valid, or one renewed).
                        string? sent = null;
                        if (!call.Request.Anonymous && credentials is not null)
                        {
                            var header = await credentials.AuthorizationAsync(cancellationToken).ConfigureAwait(false);
                            if (header.IsFail)
                            {
                                // A credential that cannot be had is not tried again (its own retries are done).
                                answer = call.CredentialUnavailable((Error)header);
                                done = true;
                                continue;
                            }

                            sent = (string)header;
                        }

                        var started = Stopwatch.GetTimestamp();
                        var outcome = await Exchange.RunAsync(
                            http, Options, call.Request, call.Url, call.Info, sent, () => IsDisposed, cancellationToken).ConfigureAwait(false);
                        call.Attempted(outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        var attempt = outcome.Outcome;
                        if (attempt.IsSucc)
                        {
                            answer = attempt;
                            done = true;
                        }
                        else if ((Error)attempt is AuthenticationFailed && sent is not null && !call.Renewed)
                        {
                            // Renewed (a JWT refresh or a login): sent again at once, not counted as a
                            // retry. Nothing new: the rejection stands.
                            var renewed = await credentials!.RenewAsync(sent, cancellationToken).ConfigureAwait(false);
                            if (renewed.IsFail)
                            {
                                answer = call.CredentialUnavailable((Error)renewed);
                                done = true;
                            }
                            else if ((bool)renewed)
                            {
                                call.Renewing();
                            }
                            else
                            {
                                answer = attempt;
                                done = true;
                            }
                        }
                        else if (retrying.After((Error)attempt).Case is not TimeSpan delay)
                        {
                            answer = attempt;
                            done = true;
                        }
                        else if (!await Retrying.WaitAsync(delay, Options.Clock, cancellationToken).ConfigureAwait(false))
                        {
                            answer = new Cancelled(call.Info.ToString());
                            done = true;
                        }
                    }

                    result = answer.Bind(a => finish(a, call.Info));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    result = Error.New(e);
                }
            }

            call.Complete(result.IsFail ? (Error)result : null);
            return result.IsFail && recover is not null ? recover((Error)result) : result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error.New(e);
        }
        finally
        {
            call?.Dispose();
        }
    }

    /// <summary>Nothing is sent over plain http to another host (credentials would travel readable), nor through a disposed connection.</summary>
    private Error? Refusal(CallScope call) =>
        InsecureTransportGuard.Check(call.Url, Options.AllowInsecureHttp, Options.InsecureHttpAllowance).Case as SaltantError
        ?? (IsDisposed ? TransportErrors.Disposed(call.Info) : null);

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
