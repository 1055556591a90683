using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// One round of a wait: the states of its pending instances, read from filtered list pages rather
/// than one request per instance. On a server that pays about 18 ms per request and serves two at
/// a time, a page of 1,000 records costs about what 30 single reads do, and 1,000 waits cost one
/// page a round instead of 1,000 reads. The unfinished ones are listed by state within the
/// instances' creation window, queues and owners (other users' instances are filtered out by the
/// server, others of one's own by UUID); those missing from it are looked up among the finished
/// ones the same way; whatever is still unaccounted for (a state saltant does not define, say),
/// and any wait of only a handful of instances, is read one by one.
/// </summary>
internal static class StateReads
{
    /// <summary>Up to this many instances are read one by one: fewer requests than that cannot be saved.</summary>
    internal const int DirectReads = 4;

    private static readonly Seq<TaskState> Unfinished = Seq(TaskState.CreatedState, TaskState.PublishedState, TaskState.RunningState);
    private static readonly Seq<TaskState> Finished = Seq(TaskState.SuccessfulState, TaskState.FailedState, TaskState.TerminatedState);

    /// <summary>Reads the pending instances' states into the tracker.</summary>
    internal static Aff<RT, Unit> Round<RT, TKind, T>(Api api, TaskInstancesClient<RT, TKind, T> instances, WaitTracker<T> tracker)
        where RT : struct, HasCancel<RT>
        where TKind : ITaskKind
        where T : TaskInstance<TKind> =>
        // The round is one effect run again and again: what is pending is read when it runs, not when it is made.
        from unknown in Eff(() => tracker.PendingUnknown)
        from _ in ReadEach<RT, TKind, T>(instances, tracker, unknown)
        from __ in tracker.PendingKnown.Count <= DirectReads
            ? ReadEach<RT, TKind, T>(instances, tracker, tracker.Pending)
            : ByState<RT, TKind, T>(api, instances, tracker, tracker.PendingKnown, Unfinished)
                .Bind(seen => Left(tracker.PendingKnown, seen) is var left && left.Count <= DirectReads
                    ? ReadEach<RT, TKind, T>(instances, tracker, left.Map(i => i.Uuid))
                    : ByState<RT, TKind, T>(api, instances, tracker, left, Finished)
                        .Bind(found => ReadEach<RT, TKind, T>(instances, tracker, Left(left, found).Map(i => i.Uuid))))
        select unit;

    /// <summary>One read per instance, side by side (the batch concurrency); the first failure ends the round.</summary>
    private static Aff<RT, Unit> ReadEach<RT, TKind, T>(TaskInstancesClient<RT, TKind, T> instances, WaitTracker<T> tracker, Seq<InstanceUuid> uuids)
        where RT : struct, HasCancel<RT>
        where TKind : ITaskKind
        where T : TaskInstance<TKind> =>
        uuids.IsEmpty
            ? unitAff
            : instances.GetMany(uuids).Bind(reads =>
            {
                // What was read is seen (a watch reports it) before a failed read ends the round.
                reads.Iter(read => read.IfSucc(tracker.Saw));
                return reads.Sequence().Match(Succ: _ => unitAff, Fail: FailAff<RT, Unit>);
            });

    /// <summary>
    /// The instances in <paramref name="states"/> within the window of <paramref name="among"/>
    /// (creation times, queues, owners), every page of them; the UUIDs found are returned.
    /// </summary>
    private static Aff<RT, LanguageExt.HashSet<InstanceUuid>> ByState<RT, TKind, T>(
        Api api, TaskInstancesClient<RT, TKind, T> instances, WaitTracker<T> tracker, Seq<T> among, Seq<TaskState> states)
        where RT : struct, HasCancel<RT>
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var filters = Seq(
            TaskInstanceFilters<TKind>.State.In(states),
            TaskInstanceFilters<TKind>.DatetimeCreated.Between(among.Map(i => i.DatetimeCreated).Min(), among.Map(i => i.DatetimeCreated).Max()),
            TaskInstanceFilters<TKind>.TaskQueue.In(among.Map(i => i.TaskQueue).Distinct().ToSeq()),
            TaskInstanceFilters<TKind>.Owner.In(among.Map(i => i.User.Value).Distinct().ToSeq()));
        return Pages<RT, TKind, T>(api, instances, tracker, filters, 1, LanguageExt.HashSet<InstanceUuid>.Empty).Map(found => found.Intersect(among.Map(i => i.Uuid)));
    }

    /// <summary>Page <paramref name="number"/> on, each record taken by the tracker; every UUID read is returned.</summary>
    private static Aff<RT, LanguageExt.HashSet<InstanceUuid>> Pages<RT, TKind, T>(
        Api api, TaskInstancesClient<RT, TKind, T> instances, WaitTracker<T> tracker, Seq<Filter<TaskInstance<TKind>>> filters, int number, LanguageExt.HashSet<InstanceUuid> seen)
        where RT : struct, HasCancel<RT>
        where TKind : ITaskKind
        where T : TaskInstance<TKind> =>
        instances.ListPage(filters, number, SnapshotPlan.MaxPartSize)
            .Bind(page => PageChecks.Check(page, number, new RequestInfo("GET", new Uri(api.Settings.ApiRoot, TKind.Kind.InstancesRoute() + "/").AbsoluteUri))
                .Match(SuccessAff<RT, Page<T>>, FailAff<RT, Page<T>>))
            .Bind(page =>
            {
                page.Results.Iter(tracker.Saw);
                var all = seen.Union(page.Results.Map(r => r.Uuid));

                // Never more pages than the count allows: a server whose next link runs on is not followed past it.
                return page.Next.IsNone || (long)number * SnapshotPlan.MaxPartSize >= page.Count
                    ? SuccessAff<RT, LanguageExt.HashSet<InstanceUuid>>(all)
                    : Pages<RT, TKind, T>(api, instances, tracker, filters, number + 1, all);
            });

    private static Seq<T> Left<T>(Seq<T> among, LanguageExt.HashSet<InstanceUuid> seen)
        where T : TaskInstance =>
        among.Filter(i => !seen.Contains(i.Uuid)).ToSeq();
}
