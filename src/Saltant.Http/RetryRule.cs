using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>
/// Whether a failed attempt is tried again, and after how long: pure, so the rule is read and
/// tested in one place. Only temporary failures are retried, only when sending again is harmless,
/// and a server's <c>Retry-After</c> is honoured up to a limit.
/// </summary>
internal static class RetryRule
{
    /// <summary>The longest single wait a caller's schedule can ask for (Task.Delay refuses more than about 49 days).</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    /// <summary>
    /// The wait before another attempt, or None to stop with <paramref name="error"/>. The schedule's
    /// next delay is <paramref name="scheduled"/>; a 429's <c>Retry-After</c> stretches it, and one
    /// longer than <paramref name="maxRetryAfter"/> stops at once, so a caller is never parked silently.
    /// </summary>
    /// <param name="error">How the attempt ended.</param>
    /// <param name="request">The request.</param>
    /// <param name="mayHaveArrived">Whether the attempt may have reached the server.</param>
    /// <param name="scheduled">The schedule's next delay.</param>
    /// <param name="maxRetryAfter">The longest <c>Retry-After</c> to wait for.</param>
    internal static Option<TimeSpan> Delay(Error error, ApiRequest request, bool mayHaveArrived, TimeSpan scheduled, TimeSpan maxRetryAfter)
    {
        if (!IsTransient(error) || (mayHaveArrived && !request.SafeToRetry))
        {
            return None;
        }

        var delay = scheduled;
        if (error is RateLimited { RetryAfter.Case: TimeSpan asked })
        {
            if (asked > maxRetryAfter)
            {
                return None;
            }

            delay = asked > delay ? asked : delay;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }

    /// <summary>Errors worth another attempt: the network, a timeout, a gateway or overload answer.</summary>
    internal static bool IsTransient(Error error) => error switch
    {
        TransportFailed or TimedOut or RateLimited => true,
        ServerFault f => f.Status is 502 or 503 or 504,
        _ => false,
    };
}
