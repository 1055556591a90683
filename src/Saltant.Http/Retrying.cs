using LanguageExt;
using LanguageExt.Common;
using LanguageExt.Effects.Traits;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>
/// Runs an effect again after failures, waiting the delays of a LanguageExt <see cref="Schedule"/>
/// in turn. LanguageExt's own <c>RetryWhile</c> cannot stretch a delay for a server's
/// <c>Retry-After</c>, so the decision is a function of the failure and the scheduled delay.
/// </summary>
internal static class Retrying
{
    /// <summary>
    /// <paramref name="attempt"/>, and after each failure that <paramref name="delayAfter"/> gives a
    /// wait for, that wait and <paramref name="attempt"/> again, until the schedule runs out.
    /// </summary>
    internal static Aff<RT, A> Run<RT, A>(
        Aff<RT, A> attempt, Seq<Duration> schedule, Func<Error, TimeSpan, Option<TimeSpan>> delayAfter, TimeProvider clock, string what)
        where RT : struct, HasCancel<RT> =>
        attempt | @catch(error => schedule.HeadOrNone().Bind(next => delayAfter(error, (TimeSpan)next)).Match(
            Some: wait => Sleep<RT>(wait, clock, what).Bind(_ => Run(attempt, schedule.Tail, delayAfter, clock, what)),
            None: () => FailAff<RT, A>(error)));

    /// <summary>Waits on <paramref name="clock"/>; cancellation ends it with <see cref="Cancelled"/>.</summary>
    internal static Aff<RT, Unit> Sleep<RT>(TimeSpan wait, TimeProvider clock, string what)
        where RT : struct, HasCancel<RT> =>
        AffMaybe<RT, Unit>(async rt =>
        {
            try
            {
                await Task.Delay(wait, clock, rt.CancellationToken).ConfigureAwait(false);
                return unit;
            }
            catch (OperationCanceledException)
            {
                return new Cancelled(what);
            }
        });
}
