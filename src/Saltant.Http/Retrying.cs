using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>
/// Runs an attempt again after failures, waiting the delays of a LanguageExt <see cref="Schedule"/>
/// in turn. LanguageExt's own <c>RetryWhile</c> cannot stretch a delay for a server's
/// <c>Retry-After</c>, so the decision is a function of the failure and the scheduled delay.
/// </summary>
/// <remarks>
/// A plain loop over tasks rather than a composition of effects: every call of the client runs
/// through here, and each effect combinator is a generic method the JIT compiles on a process's
/// first call (a fresh process's first list compiled about 1,200 such methods after HTTP and
/// decoding were warm). The schedule still decides every delay.
/// </remarks>
internal static class Retrying
{
    /// <summary>
    /// <paramref name="attempt"/>, and after each failure that <paramref name="delayAfter"/> gives a
    /// wait for, that wait and <paramref name="attempt"/> again, until the schedule runs out.
    /// </summary>
    internal static async Task<Fin<A>> RunAsync<A>(
        Func<CancellationToken, Task<Fin<A>>> attempt,
        Schedule schedule,
        Func<Error, TimeSpan, Option<TimeSpan>> delayAfter,
        TimeProvider clock,
        string what,
        CancellationToken cancellationToken)
    {
        // The schedule is run at the first failure: most calls succeed at once, and building its
        // enumerator is a dozen generic methods a fresh process would compile for nothing.
        IEnumerator<Duration>? delays = null;
        try
        {
            while (true)
            {
                var result = await attempt(cancellationToken).ConfigureAwait(false);
                if (result.IsSucc)
                {
                    return result;
                }

                var error = (Error)result;
                delays ??= schedule.Run().GetEnumerator();
                var wait = delays.MoveNext() ? delayAfter(error, (TimeSpan)delays.Current) : Option<TimeSpan>.None;
                if (wait.Case is not TimeSpan delay)
                {
                    return result;
                }

                try
                {
                    await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return new Cancelled(what);
                }
            }
        }
        finally
        {
            delays?.Dispose();
        }
    }
}
