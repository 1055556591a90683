using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>
/// Where a call's retries stand: the delays of a LanguageExt <see cref="Schedule"/> in turn, each
/// passed through a decision that can stop or stretch it (LanguageExt's own <c>RetryWhile</c> cannot
/// stretch a delay for a server's <c>Retry-After</c>), and the wait itself.
/// </summary>
/// <remarks>
/// The attempts' loop is in the call (<see cref="SaltantConnection"/>), not an async method of its
/// own here: every call of the client runs through it, and each async method and effect combinator
/// is a dozen generic methods the JIT compiles on a process's first call. The schedule is run at
/// the first failure: most calls succeed at once.
/// </remarks>
/// <param name="schedule">The delays between attempts; its length bounds the retries.</param>
/// <param name="decide">The wait before another attempt after a failure, given the schedule's next delay; None to stop.</param>
internal sealed class Retrying(Schedule schedule, Func<Error, TimeSpan, Option<TimeSpan>> decide) : IDisposable
{
    private IEnumerator<Duration>? delays;

    /// <summary>The wait before another attempt after <paramref name="error"/>, or None when the failure stands.</summary>
    internal Option<TimeSpan> After(Error error)
    {
        delays ??= schedule.Run().GetEnumerator();
        return delays.MoveNext() ? decide(error, (TimeSpan)delays.Current) : Option<TimeSpan>.None;
    }

    /// <summary>Waits <paramref name="delay"/> on <paramref name="clock"/>; false when cancelled meanwhile.</summary>
    internal static async Task<bool> WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => delays?.Dispose();
}
