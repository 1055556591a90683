using LanguageExt;
using LanguageExt.Common;
using LanguageExt.Effects.Traits;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// One run of a sweep, step by step: read the type and queue, refuse a bad sweep whole, read what
/// the server already holds by name, create what is missing (the first alone, so a refusal that
/// would refuse every set stops the sweep before the rest), wait with list-based rounds, run failed
/// sets again by cloning. A create or clone whose answer was lost is settled by reading by name,
/// and sent again only when the failure proves the server never saw it; never blindly.
/// </summary>
internal sealed class SweepRun<RT, TKind, T>
    where RT : struct, HasCancel<RT>
    where TKind : ITaskKind
    where T : TaskInstance<TKind>
{
    private readonly TaskInstancesClient<RT, TKind, T> client;
    private readonly TaskTypeId<TKind> type;
    private readonly TaskQueueId queue;
    private readonly SweepOptions options;
    private readonly SweepState<T> state;
    private readonly int resends;
    private readonly Seq<Filter<TaskInstance<TKind>>> mine;

    internal SweepRun(TaskInstancesClient<RT, TKind, T> client, TaskTypeId<TKind> type, TaskQueueId queue, SweepOptions options, SweepState<T> state, int resends, Option<Username> owner)
    {
        this.resends = resends;

        // Instances of the sweep's task type, and the caller's own when the credentials name the
        // caller (a username and password); a token does not say whose it is.
        mine = Seq1(TaskInstanceFilters<TKind>.TaskType.Is(type)) + owner.Map(o => TaskInstanceFilters<TKind>.Owner.Is(o.Value)).ToSeq();
        this.client = client;
        this.type = type;
        this.queue = queue;
        this.options = options;
        this.state = state;
    }

    /// <summary>The whole sweep: every set's result in input order, or what stopped it (a rejection, a cancellation, the wait's timeout).</summary>
    internal Aff<RT, Seq<SweepResult<T>>> Run(Aff<RT, TaskType<TKind>> readType, Aff<RT, TaskQueue> readQueue) =>
        from taskType in readType
        from taskQueue in readQueue
        from _1 in Checked(SweepChecks.Problems(state.Name, state.Items, taskType))
        from found in client.List(TaskInstanceFilters<TKind>.Name.StartsWith(SweepNames.Prefix(state.Name)).Cons(mine))
        from _2 in Do(() => state.Found(found))
        from _3 in state.WithoutInstance.IsEmpty
            ? unitAff
            : from _ in Checked(taskQueue.Active ? Seq<SweepProblem>() : Seq1(new SweepProblem("(queue)", $"the queue \"{taskQueue.Name}\" is inactive, so the server accepts no instances on it")))
              from r in CreateMissing(state.WithoutInstance)
              select r
        from _4 in WaitAndRerun()
        select state.Complete();

    private Aff<RT, Unit> Checked(Seq<SweepProblem> problems) =>
        problems.IsEmpty ? unitAff : FailAff<RT, Unit>(new SweepRejected(state.Name, problems));

    // The first create alone: a refusal for the type, queue or whitelist would refuse every set, and
    // then nothing else is sent. After it, the rest side by side, at most the concurrency at once.
    private Aff<RT, Unit> CreateMissing(Seq<SweepItem> missing) =>
        from _ in Create(missing.Head, first: true)
        from rest in Parallel.Window(missing.Tail.Map(item => Create(item, first: false)).Strict(), options.Concurrency)
        select unit;

    private Aff<RT, Unit> Create(SweepItem item, bool first) =>
        Settled(
            client.Create(Draft(item)),
            item,
            SweepStep.Created,
            resend: () => client.Create(Draft(item)),
            stopsSweep: e => first && e is ValidationFailed or PermissionDenied or AuthenticationFailed);

    private Aff<RT, Unit> Clone(SweepItem item, T failed) =>
        Settled(client.Clone(failed.Uuid), item, SweepStep.Cloned, resend: () => client.Clone(failed.Uuid), stopsSweep: _ => false);

    // A new instance for a set, with a lost answer settled by reading. The set's own refusal stops
    // the set (its result says why); a cancellation, or a refusal that stops the sweep, stops all.
    private Aff<RT, Unit> Settled(Aff<RT, T> send, SweepItem item, SweepStep step, Func<Aff<RT, T>> resend, Func<Error, bool> stopsSweep) =>
        Lossy(send, item, step, resend, resendsLeft: resends)
        | @catch(e => IsCancellation(e) || stopsSweep(e) ? FailAff<RT, Unit>(e) : Stopped(item, e));

    private Aff<RT, Unit> Lossy(Aff<RT, T> send, SweepItem item, SweepStep step, Func<Aff<RT, T>> resend, int resendsLeft) =>
        Taken(send, item, step)
        | @catch(e => SweepErrors.AnswerLost(e) ? Resolve(item, step, e, resend, resendsLeft) : FailAff<RT, Unit>(e));

    private Aff<RT, Unit> Taken(Aff<RT, T> send, SweepItem item, SweepStep step) =>
        send.Bind(instance => Do(() => state.Added(item.Key, instance, step)));

    // Reads the set's instances by exact name: one the set does not know yet is the lost answer's.
    // If there is none, the request is sent again only when the failure proves it never reached the
    // server (no connection was ever made; at most the settings' MaxRetries times). After anything
    // else (a timeout, a reset, a 502 or 504 from a gateway) the server may still be working on it
    // and a read now proves nothing: the set stops, unsettled, and the next run of the sweep settles it.
    private Aff<RT, Unit> Resolve(SweepItem item, SweepStep step, Error lost, Func<Aff<RT, T>> resend, int resendsLeft) =>
        // A failed read leaves the set unsettled: the lost answer is what the set ends with.
        from named in client.List(TaskInstanceFilters<TKind>.Name.Is(SweepNames.InstanceName(state.Name, item.Key)).Cons(mine))
            | @catch(e => IsCancellation(e) ? FailAff<RT, Seq<T>>(e) : FailAff<RT, Seq<T>>(lost))
        let fresh = named.Filter(i => !state.Knows(item.Key, i.Uuid)).OrderBy(i => i.DatetimeCreated).ToSeq()
        from _ in fresh.IsEmpty
            ? NeverArrived(lost) && resendsLeft > 0 ? Lossy(resend(), item, step, resend, resendsLeft - 1) : FailAff<RT, Unit>(lost)
            : Do(() => fresh.Iter(i => state.Added(item.Key, i, step)))
        select unit;

    private Aff<RT, Unit> Stopped(SweepItem item, Error error) =>
        Do(() => state.Stop(item.Key, error));

    // Waits for every unfinished latest instance, then clones the failed ones that have runs left,
    // and waits again, until no set has a failed run left to retry.
    private Aff<RT, Unit> WaitAndRerun() =>
        from waited in client.WaitReporting(state.Latest.Filter(i => !i.State.IsFinished).Strict(), options.Wait, state.Read)
        from _ in Do(() => state.Settle(waited))
        let rerun = state.ToRerun(options.RetryFailed)
        from more in rerun.IsEmpty
            ? unitAff
            : from cloned in Parallel.Window(rerun.Map(x => Clone(x.Item, x.Failed)).Strict(), options.Concurrency)
              from again in WaitAndRerun()
              select unit
        select unit;

    private TaskInstanceDraft<TKind> Draft(SweepItem item) =>
        new TaskInstanceDraft<TKind>(type, queue) { Arguments = item.Arguments ?? Json.EmptyObject, Name = SweepNames.InstanceName(state.Name, item.Key) };

    // A change to the run's state, as a step of the pipeline.
    private static Aff<RT, Unit> Do(Action change) =>
        Eff(() =>
        {
            change();
            return unit;
        });

    private static bool NeverArrived(Error e) => e is TransportFailed { MayHaveReachedServer: false };


    private static bool IsCancellation(Error e) => e is Cancelled || e.Is(Errors.Cancelled);
}
