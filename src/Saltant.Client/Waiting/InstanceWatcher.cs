using System.Runtime.CompilerServices;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// Polls instances until each has finished, at most N reads in flight, and reports each state
/// change as it is seen. One instance's read failing ends the watch with that error.
/// </summary>
internal static class InstanceWatcher
{
    /// <summary>The longest pause between polls a schedule can ask for (Task.Delay refuses more than about 49 days).</summary>
    private static readonly TimeSpan MaxPoll = TimeSpan.FromDays(1);

    /// <summary>Streams every state change of the given instances until all have finished.</summary>
    internal static async IAsyncEnumerable<Fin<InstanceProgress<T>>> Watch<T>(
        IReadOnlyList<InstanceUuid> uuids,
        Func<InstanceUuid, CancellationToken, Task<Fin<T>>> get,
        WaitOptions options,
        int concurrency,
        TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : TaskInstance
    {
        var started = clock.GetTimestamp();
        var pending = uuids.Distinct().ToList();
        var seen = new Dictionary<InstanceUuid, TaskState>();
        using var delays = options.Poll.Run().GetEnumerator();

        // Until the schedule gives a delay (or if it gives none at all), poll once a second rather than in a tight loop.
        var delay = TimeSpan.FromSeconds(1);
        while (pending.Count > 0)
        {
            // A round of reads is bounded by what is left of the overall timeout, so a hanging server cannot
            // stretch the wait by a whole round of request timeouts and retries.
            using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.Timeout.Case is TimeSpan overall)
            {
                var left = overall - clock.GetElapsedTime(started);
                round.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }

            var reads = await BoundedBatch.RunAsync(pending, get, concurrency, round.Token).ConfigureAwait(false);
            var stillPending = new List<InstanceUuid>();
            foreach (var (uuid, read) in pending.Zip(reads))
            {
                if (read.IsFail)
                {
                    var roundTimedOut = round.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
                    yield return roundTimedOut && options.Timeout.Case is TimeSpan overallLimit
                        ? Fin<InstanceProgress<T>>.Fail(new WaitTimedOut(overallLimit, pending.ToSeq()))
                        : Fin<InstanceProgress<T>>.Fail((Error)read);
                    yield break;
                }

                var instance = (T)read;
                var previous = seen.TryGetValue(uuid, out var p) ? Some(p) : None;
                if (previous.Map(s => s != instance.State).IfNone(true))
                {
                    seen[uuid] = instance.State;
                    yield return new InstanceProgress<T>(instance, previous);
                }

                if (!instance.State.IsFinished)
                {
                    stillPending.Add(uuid);
                }
            }

            pending = stillPending;
            if (pending.Count == 0)
            {
                yield break;
            }

            if (delays.MoveNext())
            {
                var next = (TimeSpan)delays.Current;
                delay = next < TimeSpan.Zero ? TimeSpan.Zero : next > MaxPoll ? MaxPoll : next;
            }

            var elapsed = clock.GetElapsedTime(started);
            if (options.Timeout.Case is TimeSpan limit)
            {
                if (elapsed >= limit)
                {
                    yield return Fin<InstanceProgress<T>>.Fail(new WaitTimedOut(limit, pending.ToSeq()));
                    yield break;
                }

                delay = delay < limit - elapsed ? delay : limit - elapsed;
            }

            var cancelled = false;
            try
            {
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
            }

            if (cancelled)
            {
                yield return Fin<InstanceProgress<T>>.Fail(new Cancelled($"Waiting for {pending.Count} instance(s)"));
                yield break;
            }
        }
    }

    /// <summary>Waits until all have finished and returns each final instance in input order.</summary>
    internal static async Task<Fin<Seq<T>>> WaitAllAsync<T>(
        IReadOnlyList<InstanceUuid> uuids,
        Func<InstanceUuid, CancellationToken, Task<Fin<T>>> get,
        WaitOptions options,
        int concurrency,
        TimeProvider clock,
        CancellationToken cancellationToken)
        where T : TaskInstance
    {
        var last = new Dictionary<InstanceUuid, T>();
        await foreach (var change in Watch(uuids, get, options, concurrency, clock, cancellationToken).ConfigureAwait(false))
        {
            if (change.IsFail)
            {
                return (Error)change;
            }

            var progress = (InstanceProgress<T>)change;
            last[progress.Instance.Uuid] = progress.Instance;
        }

        return uuids.Select(u => last[u]).ToSeq();
    }
}
