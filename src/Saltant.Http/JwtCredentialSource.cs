using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>
/// JWT credentials: logs in through <c>token/</c> when it has a username and password, sends
/// <c>Bearer &lt;access&gt;</c>, and refreshes through <c>token/refresh/</c> shortly before the
/// access token expires or after the server rejects it. All concurrent callers share one login or
/// refresh at a time.
/// </summary>
internal sealed class JwtCredentialSource : ICredentialSource, IDisposable
{
    /// <summary>How long before expiry an access token is refreshed, to absorb clock skew and latency.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a rejected login or refresh is answered from memory: a wrong password stays wrong, and
    /// trying it again for every call would only invite throttling or an account lockout.
    /// </summary>
    public static readonly TimeSpan RejectionMemory = TimeSpan.FromSeconds(30);

    private readonly Func<CancellationToken, Task<Fin<JwtPair>>>? login;
    private readonly Func<Secret, CancellationToken, Task<Fin<JwtAccess>>> refresh;
    private readonly TimeProvider clock;
    // Never disposed: disposing a SemaphoreSlim strands its waiters forever. Disposal cancels this instead.
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource lifetime = new();
    private JwtToken? access;
    private JwtToken? refreshToken;
    private int renewals;

    // Each finished login or refresh bumps the generation; a caller that queued behind a failed one
    // takes its failure instead of trying again (a wrong password must not be tried once per caller).
    private int generation;
    private Error? lastFailure;
    private DateTimeOffset lastFailureAt;

    /// <summary>Makes a source that starts from a login (username and password are captured by <paramref name="login"/>).</summary>
    /// <param name="login">Obtains a pair from <c>token/</c>.</param>
    /// <param name="refresh">Obtains an access token from <c>token/refresh/</c>.</param>
    /// <param name="clock">The clock used to plan refreshes.</param>
    public JwtCredentialSource(
        Func<CancellationToken, Task<Fin<JwtPair>>> login,
        Func<Secret, CancellationToken, Task<Fin<JwtAccess>>> refresh,
        TimeProvider clock)
    {
        this.login = login;
        this.refresh = refresh;
        this.clock = clock;
    }

    /// <summary>Makes a source from an existing pair; without a login it cannot recover once the refresh token expires.</summary>
    /// <param name="pair">The access and refresh tokens.</param>
    /// <param name="refresh">Obtains an access token from <c>token/refresh/</c>.</param>
    /// <param name="clock">The clock used to plan refreshes.</param>
    public JwtCredentialSource(JwtPair pair, Func<Secret, CancellationToken, Task<Fin<JwtAccess>>> refresh, TimeProvider clock)
    {
        access = JwtToken.Of(pair.Access);
        refreshToken = JwtToken.Of(pair.Refresh);
        this.refresh = refresh;
        this.clock = clock;
    }

    /// <summary>How many logins and refreshes this source has made (for tests and diagnostics).</summary>
    public int Renewals => Volatile.Read(ref renewals);

    /// <inheritdoc />
    public async ValueTask<Fin<string>> AuthorizationAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref access);
        if (current is not null && !ExpiresSoon(current))
        {
            return current.Header;
        }

        var seen = Volatile.Read(ref generation);
        return await UnderGate(
            async () =>
            {
                // Another caller may have renewed, or failed to, while this one waited.
                if (access is not null && !ExpiresSoon(access))
                {
                    return access.Header;
                }

                if (RecentFailure(seen) is { } failure)
                {
                    return failure;
                }

                var renewed = await RenewLocked(cancellationToken).ConfigureAwait(false);
                return renewed.Map(token => token.Header);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Fin<bool>> RenewAsync(string rejected, CancellationToken cancellationToken)
    {
        var seen = Volatile.Read(ref generation);
        var result = await UnderGate(
            async () =>
            {
                if (access is not null && access.Header != rejected)
                {
                    return Fin<JwtToken>.Succ(access); // already renewed by someone else
                }

                if (RecentFailure(seen) is { } failure)
                {
                    return failure;
                }

                access = null;
                return await RenewLocked(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        // A failed renewal is the more telling answer (a wrong password, a cancellation) than the stale rejection.
        return result.Map(_ => true);
    }

    /// <summary>Refreshes when a refresh token is usable, else logs in, and records the outcome for waiters; must hold the gate.</summary>
    private async Task<Fin<JwtToken>> RenewLocked(CancellationToken cancellationToken)
    {
        var outcome = await RefreshOrLogIn(cancellationToken).ConfigureAwait(false);
        lastFailure = outcome.Match(Succ: _ => null, Fail: e => e is Cancelled ? null : e);
        lastFailureAt = clock.GetUtcNow();
        Interlocked.Increment(ref generation);
        return outcome;
    }

    /// <summary>
    /// The failure a caller should share instead of trying again (must hold the gate): any failure that
    /// happened while it queued, and a rejection of the credentials for <see cref="RejectionMemory"/>.
    /// </summary>
    private Error? RecentFailure(int seenGeneration) => lastFailure switch
    {
        null => null,
        AuthenticationFailed rejected when clock.GetUtcNow() - lastFailureAt < RejectionMemory => rejected,
        { } failure when generation != seenGeneration => failure,
        _ => null,
    };

    private async Task<Fin<JwtToken>> RefreshOrLogIn(CancellationToken cancellationToken)
    {
        if (refreshToken is not null && !Expired(refreshToken))
        {
            var refreshed = await refresh(refreshToken.Value, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref renewals);
            var fresh = refreshed.Map(answer => JwtToken.Of(answer.Access));
            fresh.IfSucc(token => Volatile.Write(ref access, token));

            // A rejected refresh token is worth a login when there is one; any other failure stands.
            if (fresh.IsSucc || login is null || !fresh.Match(Succ: _ => false, Fail: e => e is AuthenticationFailed))
            {
                return fresh;
            }
        }

        if (login is null)
        {
            return new AuthenticationFailed(new RequestInfo("POST", "token/refresh/"), 401, "The JWT refresh token has expired and no username and password are configured to log in again.");
        }

        var pair = await login(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref renewals);
        return pair.Map(p =>
        {
            refreshToken = JwtToken.Of(p.Refresh);
            var token = JwtToken.Of(p.Access);
            Volatile.Write(ref access, token);
            return token;
        });
    }

    private async Task<Fin<TResult>> UnderGate<TResult>(Func<Task<Fin<TResult>>> action, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        try
        {
            await gate.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Disposed();
        }
        catch (OperationCanceledException)
        {
            return new Cancelled("Waiting for a JWT login or refresh");
        }

        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    // The margin is at most half the token's lifetime, so a short-lived token is not stale the moment it arrives.
    private bool ExpiresSoon(JwtToken token) =>
        token.Expiry.Map(exp => exp - Margin(token, exp) <= clock.GetUtcNow()).IfNone(false);

    private static TimeSpan Margin(JwtToken token, DateTimeOffset expiry) =>
        token.IssuedAt
            .Map(issued => (expiry - issued) / 2)
            .Map(half => half < RefreshMargin ? half : RefreshMargin)
            .IfNone(RefreshMargin);

    private bool Expired(JwtToken token) =>
        token.Expiry.Map(exp => exp <= clock.GetUtcNow()).IfNone(false);

    /// <inheritdoc />
    public override string ToString() => "Bearer ***";

    /// <summary>Ends this source: callers waiting for a login or refresh, and later callers, get <see cref="TransportFailed"/>.</summary>
    public void Dispose() => lifetime.Cancel();

    private static TransportFailed Disposed() =>
        new(new RequestInfo("POST", "token/"), "the saltant client has been disposed, so no JWT login or refresh can be made.");
}
