using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// The retry schedule the HTTP layer uses for requests that are safe to retry: jittered exponential
/// backoff. Delay <c>n</c> (from 0) is <c>baseDelay × 2ⁿ</c>, plus a random jitter of up to
/// <see cref="JitterFactor"/> of itself (so clients that failed together do not retry together),
/// then capped at <c>maxDelay</c>; there are at most <c>maxRetries</c> delays. With the defaults
/// (3 retries, 200 ms, 5 s) that is about 0.2 s, 0.4 s and 0.8 s.
/// </summary>
public static class RetryBackoff
{
    /// <summary>How much each delay grows over the previous one.</summary>
    public const double GrowthFactor = 2.0;

    /// <summary>The largest random addition to a delay, as a fraction of it.</summary>
    public const double JitterFactor = 0.25;

    /// <summary>Makes the schedule. Building it is pure; the jitter is drawn only when it is run.</summary>
    /// <param name="maxRetries">Most delays (retries); 0 means never retry.</param>
    /// <param name="baseDelay">The first delay before jitter.</param>
    /// <param name="maxDelay">The cap on every delay, jitter included.</param>
    /// <param name="seed">A seed for the jitter, to make runs repeatable in tests; none draws a fresh one.</param>
    public static Schedule Create(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, Option<int> seed = default) =>
        Schedule.exponential(baseDelay, GrowthFactor)
        | Schedule.jitter(JitterFactor, seed)
        | Schedule.maxDelay(maxDelay)
        | Schedule.recurs(maxRetries);
}
