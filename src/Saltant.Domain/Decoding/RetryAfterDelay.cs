using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>What a <c>Retry-After</c> header asks for, as a delay from now (RFC 9110 §10.2.3).</summary>
public static class RetryAfterDelay
{
    /// <summary>
    /// The delay a <c>Retry-After</c> asks for: a number of seconds as it is, or an HTTP date less
    /// the time the answer was made. That time is the answer's own <c>Date</c> header when it has
    /// one, so a client whose clock is off still waits what the server meant; else <paramref name="now"/>.
    /// A date in the past asks for no wait at all. None when the header is absent.
    /// </summary>
    /// <param name="delta">The header's seconds form, if it had one.</param>
    /// <param name="date">The header's HTTP-date form, if it had one.</param>
    /// <param name="answeredAt">The answer's <c>Date</c> header, if any.</param>
    /// <param name="now">The client's clock when the answer arrived.</param>
    public static Option<TimeSpan> Of(TimeSpan? delta, DateTimeOffset? date, DateTimeOffset? answeredAt, DateTimeOffset now)
    {
        if (delta is { } seconds)
        {
            return seconds < TimeSpan.Zero ? TimeSpan.Zero : seconds;
        }

        if (date is { } until)
        {
            var wait = until - (answeredAt ?? now);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return None;
    }
}
