using System.Runtime.CompilerServices;
using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>Waiting for instances of one kind to finish: singly, many at once, or as a stream of their state changes.</summary>
public sealed partial class TaskInstancesClient<RT, TKind, T>
{
    /// <summary>The wait used when none is given: back off from 100 ms to the settings' refresh period, no overall limit.</summary>
    public WaitOptions DefaultWait => WaitOptions.BackingOffTo(api.Settings.WaitRefreshPeriod);

    /// <summary>Waits until the instance has finished (successful, failed or terminated) and returns it as last read.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="options">Poll schedule and overall timeout; <see cref="DefaultWait"/> when None.</param>
    public Aff<RT, T> Wait(InstanceUuid uuid, Option<WaitOptions> options = default) =>
        WaitMany(Seq1(uuid), options).Map(all => all.Head);

    /// <summary>Waits until an instance in hand has finished and returns it as last read.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="options">Poll schedule and overall timeout; <see cref="DefaultWait"/> when None.</param>
    public Aff<RT, T> Wait(T instance, Option<WaitOptions> options = default) =>
        Api.Given<RT, T, T>(instance, nameof(instance), i => WaitMany(Seq1(i), options).Map(all => all.Head));

    /// <summary>
    /// Waits until every instance has finished and returns them as last read, in input order. Each
    /// round reads the unfinished ones' states from filtered list pages (one request for up to
    /// 1,000 instances), not one read per instance. Fails with
    /// <see cref="WaitTimedOut"/>, naming the unfinished ones, when the overall timeout passes.
    /// </summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="options">Poll schedule and overall timeout; <see cref="DefaultWait"/> when None.</param>
    public Aff<RT, Seq<T>> WaitMany(IEnumerable<InstanceUuid> uuids, Option<WaitOptions> options = default) =>
        Api.Given<RT, IEnumerable<InstanceUuid>, Seq<T>>(uuids, nameof(uuids), u => Waiting(u.ToSeq().Strict(), Seq<T>(), options));

    /// <summary>
    /// Waits until every instance in hand has finished, as <see cref="WaitMany(IEnumerable{InstanceUuid}, Option{WaitOptions})"/>;
    /// the records' creation times, queues and owners let even the first round be a list read.
    /// </summary>
    /// <param name="instances">The instances.</param>
    /// <param name="options">Poll schedule and overall timeout; <see cref="DefaultWait"/> when None.</param>
    public Aff<RT, Seq<T>> WaitMany(IEnumerable<T> instances, Option<WaitOptions> options = default) =>
        Api.Given<RT, IEnumerable<T>, Seq<T>>(instances, nameof(instances), i => i.ToSeq().Strict() is var known && known.Exists(x => x is null)
            ? FailAff<RT, Seq<T>>(new InvalidRequestInput(nameof(instances), "an instance is null."))
            : Waiting(known.Map(x => x.Uuid), known, options));

    /// <summary>
    /// Streams the instances' state changes until all have finished, for progress displays: each
    /// instance's first reading, then one item per change, read as <see cref="WaitMany(IEnumerable{InstanceUuid}, Option{WaitOptions})"/>
    /// reads. A failure (a timeout and a cancellation included) is the last item; nothing is thrown.
    /// </summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="options">Poll schedule and overall timeout; <see cref="DefaultWait"/> when None.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<InstanceProgress<T>>> Watch(IEnumerable<InstanceUuid> uuids, Option<WaitOptions> options = default, CancellationToken cancellationToken = default) =>
        uuids is null
            ? Failed(new InvalidRequestInput(nameof(uuids), "it is required but was null."))
            : Watching(new WaitTracker<T>(uuids.ToSeq().Strict(), Seq<T>()), options.IfNone(DefaultWait) ?? DefaultWait, cancellationToken);

    /// <summary>Streams the state changes of instances in hand, as <see cref="Watch(IEnumerable{InstanceUuid}, Option{WaitOptions}, CancellationToken)"/>.</summary>
    /// <param name="instances">The instances.</param>
    /// <param name="options">Poll schedule and overall timeout; <see cref="DefaultWait"/> when None.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<InstanceProgress<T>>> Watch(IEnumerable<T> instances, Option<WaitOptions> options = default, CancellationToken cancellationToken = default) =>
        instances is null || instances.Any(i => i is null)
            ? Failed(new InvalidRequestInput(nameof(instances), "it is required and may not hold null."))
            : Watching(new WaitTracker<T>(instances.Select(i => i.Uuid).ToSeq().Strict(), instances.ToSeq().Strict()), options.IfNone(DefaultWait) ?? DefaultWait, cancellationToken);

    /// <summary>Task form of <see cref="Wait(InstanceUuid, Option{WaitOptions})"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="options">Poll schedule and overall timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<T>> WaitAsync(InstanceUuid uuid, Option<WaitOptions> options = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Wait(uuid, options), cancellationToken);

    /// <summary>Task form of <see cref="Wait(InstanceUuid, Option{WaitOptions})"/> with the default wait options.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<T>> WaitAsync(InstanceUuid uuid, CancellationToken cancellationToken) => WaitAsync(uuid, default, cancellationToken);

    /// <summary>Task form of <see cref="Wait(T, Option{WaitOptions})"/>.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="options">Poll schedule and overall timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<T>> WaitAsync(T instance, Option<WaitOptions> options = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Wait(instance, options), cancellationToken);

    /// <summary>Task form of <see cref="Wait(T, Option{WaitOptions})"/> with the default wait options.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<T>> WaitAsync(T instance, CancellationToken cancellationToken) => WaitAsync(instance, default, cancellationToken);

    /// <summary>Task form of <see cref="WaitMany(IEnumerable{InstanceUuid}, Option{WaitOptions})"/>.</summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="options">Poll schedule and overall timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<Seq<T>>> WaitManyAsync(IEnumerable<InstanceUuid> uuids, Option<WaitOptions> options = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(WaitMany(uuids, options), cancellationToken);

    /// <summary>Task form of <see cref="WaitMany(IEnumerable{InstanceUuid}, Option{WaitOptions})"/> with the default wait options.</summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<Seq<T>>> WaitManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken) => WaitManyAsync(uuids, default, cancellationToken);

    /// <summary>Task form of <see cref="WaitMany(IEnumerable{T}, Option{WaitOptions})"/>.</summary>
    /// <param name="instances">The instances.</param>
    /// <param name="options">Poll schedule and overall timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<Seq<T>>> WaitManyAsync(IEnumerable<T> instances, Option<WaitOptions> options = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(WaitMany(instances, options), cancellationToken);

    /// <summary>Task form of <see cref="WaitMany(IEnumerable{T}, Option{WaitOptions})"/> with the default wait options.</summary>
    /// <param name="instances">The instances.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<Seq<T>>> WaitManyAsync(IEnumerable<T> instances, CancellationToken cancellationToken) => WaitManyAsync(instances, default, cancellationToken);

    private Aff<RT, Seq<T>> Waiting(Seq<InstanceUuid> uuids, Seq<T> known, Option<WaitOptions> options) =>
        from tracker in Eff(() => new WaitTracker<T>(uuids, known))
        from _ in AffMaybe<RT, Unit>(async rt =>
        {
            await foreach (var round in Rounds(tracker, rt, options.IfNone(DefaultWait) ?? DefaultWait, CancellationToken.None).ConfigureAwait(false))
            {
                if (round.IsFail)
                {
                    return round.Map(_ => unit);
                }
            }

            return unit;
        })
        select tracker.Results;

    /// <summary>Waits for instances in hand as <see cref="WaitMany(IEnumerable{T}, Option{WaitOptions})"/>, telling <paramref name="changed"/> of each change as it is seen.</summary>
    internal Aff<RT, Seq<T>> WaitReporting(Seq<T> known, Option<WaitOptions> options, Action<InstanceProgress<T>> changed) =>
        from tracker in Eff(() => new WaitTracker<T>(known.Map(x => x.Uuid), known))
        from _ in AffMaybe<RT, Unit>(async rt =>
        {
            await foreach (var round in Rounds(tracker, rt, options.IfNone(DefaultWait) ?? DefaultWait, CancellationToken.None).ConfigureAwait(false))
            {
                tracker.TakeChanges().Iter(changed);
                if (round.IsFail)
                {
                    return round.Map(_ => unit);
                }
            }

            return unit;
        })
        select tracker.Results;

    private async IAsyncEnumerable<Fin<InstanceProgress<T>>> Watching(WaitTracker<T> tracker, WaitOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var runtime = runner.Make(cancellationToken);
        try
        {
            await foreach (var round in Rounds(tracker, runtime, options, cancellationToken).ConfigureAwait(false))
            {
                foreach (var change in tracker.TakeChanges())
                {
                    yield return change;
                }

                if (round.IsFail)
                {
                    yield return round.Map(_ => default(InstanceProgress<T>)!);
                }
            }
        }
        finally
        {
            runtime.CancellationTokenSource?.Dispose();
        }
    }

    private IAsyncEnumerable<Fin<bool>> Rounds(WaitTracker<T> tracker, RT runtime, WaitOptions options, CancellationToken cancellationToken) =>
        tracker.Done
            ? One(Fin<bool>.Succ(true))
            : Polling.Rounds(
                StateReads.Round(api, this, tracker).Map(_ => tracker.Done),
                runtime,
                options,
                api.Clock,
                () => new WaitTimedOut(options.Timeout.IfNone(TimeSpan.Zero), tracker.Pending),
                $"Waiting for {tracker.Pending.Count} instance(s)",
                cancellationToken);

#pragma warning disable CS1998 // one-item streams need no await
    private static async IAsyncEnumerable<TItem> One<TItem>(TItem item)
    {
        yield return item;
    }

    private static async IAsyncEnumerable<Fin<InstanceProgress<T>>> Failed(LanguageExt.Common.Error error)
    {
        yield return Fin<InstanceProgress<T>>.Fail(error);
    }
#pragma warning restore CS1998
}
