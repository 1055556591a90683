using System.Runtime.CompilerServices;
using LanguageExt;
using LanguageExt.Common;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>
/// Runs a wait's rounds on its poll <see cref="Schedule"/> (when the schedule runs out, its last
/// delay repeats) until a round says it is done, the overall timeout passes, or the caller cancels.
/// An iteration, not a recursion: a wait of a day at a 5-second poll is 17,280 rounds.
/// </summary>
internal static class Polling
{
    /// <summary>The longest pause between polls a schedule can ask for (Task.Delay refuses more than about 49 days).</summary>
    private static readonly TimeSpan MaxPause = TimeSpan.FromDays(1);

    /// <summary>
    /// Each round's outcome (whether it finished the wait), until one finishes it or fails; a
    /// timeout ends the sequence with <paramref name="timedOut"/>'s error, a cancellation with
    /// <see cref="Cancelled"/>. The rounds run with a runtime cancelled at the overall timeout.
    /// </summary>
    internal static async IAsyncEnumerable<Fin<bool>> Rounds<RT>(
        Aff<RT, bool> round, RT runtime, WaitOptions options, TimeProvider clock, Func<Error> timedOut, string what,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where RT : struct, HasCancel<RT>
    {
        var local = runtime.LocalCancel;
        var owned = !ReferenceEquals(local.CancellationTokenSource, runtime.CancellationTokenSource);
        using var caller = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), local.CancellationTokenSource);
        var started = clock.GetTimestamp();
        using var deadline = options.Timeout.Case is TimeSpan limit
            ? clock.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), local.CancellationTokenSource, limit, Timeout.InfiniteTimeSpan)
            : null;
        using var delays = options.Poll.Run().GetEnumerator();
        var pause = TimeSpan.FromSeconds(1); // until the schedule gives a delay, or if it gives none
        try
        {
            while (true)
            {
                var outcome = await round.Run(local).ConfigureAwait(false);
                if (outcome.IsFail || outcome.Match(done => done, _ => false))
                {
                    yield return Ended(outcome);
                    yield break;
                }

                yield return outcome;
                if (delays.MoveNext())
                {
                    var next = (TimeSpan)delays.Current;
                    pause = next < TimeSpan.Zero ? TimeSpan.Zero : next > MaxPause ? MaxPause : next;
                }

                var failed = false;
                try
                {
                    await Task.Delay(pause, clock, local.CancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    failed = true;
                }

                if (failed)
                {
                    yield return Ended(Fin<bool>.Fail(new Cancelled(what)));
                    yield break;
                }
            }
        }
        finally
        {
            if (owned)
            {
                local.CancellationTokenSource.Dispose();
            }
        }

        // A round that failed because the deadline cancelled it timed out; one the caller cancelled was cancelled.
        Fin<bool> Ended(Fin<bool> outcome) =>
            outcome.IsFail && deadline is not null && local.CancellationToken.IsCancellationRequested && !runtime.CancellationToken.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? Fin<bool>.Fail(timedOut())
                : outcome.IsFail && (runtime.CancellationToken.IsCancellationRequested || cancellationToken.IsCancellationRequested)
                    ? Fin<bool>.Fail(new Cancelled(what))
                    : outcome;
    }
}
