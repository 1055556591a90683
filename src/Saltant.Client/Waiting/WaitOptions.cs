using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>How to wait for task instances to finish.</summary>
/// <param name="Poll">The delays between polls; when it runs out, the last delay repeats.</param>
/// <param name="Timeout">The overall limit, after which the wait fails with <see cref="Saltant.Domain.WaitTimedOut"/>; None waits as long as it takes.</param>
public sealed record WaitOptions(Schedule Poll, Option<TimeSpan> Timeout)
{
    /// <summary>
    /// Starts fast (100 ms) and doubles up to <paramref name="refreshPeriod"/> (saltant-py polls
    /// at a fixed 5 s), so short tasks are seen finishing at once and long ones cost few requests.
    /// </summary>
    /// <param name="refreshPeriod">The longest delay between polls.</param>
    /// <param name="timeout">The overall limit, if any.</param>
    public static WaitOptions BackingOffTo(TimeSpan refreshPeriod, Option<TimeSpan> timeout = default)
    {
        // A zero or negative period would make no schedule at all; the shortest poll is one millisecond.
        var period = refreshPeriod > TimeSpan.FromMilliseconds(1) ? refreshPeriod : TimeSpan.FromMilliseconds(1);
        var cap = (Duration)period;
        var first = (Duration)TimeSpan.FromMilliseconds(Math.Min(100, period.TotalMilliseconds));
        return new WaitOptions(Schedule.exponential(first).Map(d => d > cap ? cap : d), timeout);
    }

    /// <summary>The default: back off from 100 ms to 5 s, no overall limit.</summary>
    public static WaitOptions Default { get; } = BackingOffTo(TimeSpan.FromSeconds(5), None);
}
