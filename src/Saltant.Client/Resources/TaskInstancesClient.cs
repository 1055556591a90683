using LanguageExt;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// Task instances of one kind (<c>containertaskinstances/</c> or <c>executabletaskinstances/</c>):
/// list (newest first), read, launch, clone, terminate, and wait until finished; each singly or
/// in bounded-concurrency batches. Drafts and filters are of this kind only: a draft made from a
/// container type's id cannot be launched here as an executable instance.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <typeparam name="T">The instance type of this kind.</typeparam>
public sealed class TaskInstancesClient<TKind, T> : ResourceClient<T, InstanceUuid, TaskInstance<TKind>>
    where TKind : ITaskKind
    where T : TaskInstance<TKind>
{
    private readonly TimeProvider clock;

    internal TaskInstancesClient(SaltantConnection connection, Settings settings, Decoder<T> record, Decoder<Page<T>> page, TimeProvider clock)
        : base(connection, settings, new ResourceRoutes<T, InstanceUuid, TaskInstance<TKind>>(
            TaskInstanceRequests.List,
            uuid => TaskInstanceRequests.Get<TKind>(uuid),
            i => i.Uuid,
            _ => FinFail<ApiRequest>(new InvalidRequestInput("name", "instance names are not unique; filter the list by name instead")),
            TKind.Kind == TaskKind.Container ? "container task instance" : "executable task instance",
            record,
            page)) =>
        this.clock = clock;

    /// <summary>The wait used when none is given: back off from 100 ms to the settings' refresh period, no overall limit.</summary>
    public WaitOptions DefaultWait => WaitOptions.BackingOffTo(Settings.WaitRefreshPeriod);

    /// <summary>Launches an instance. The answer says <c>created</c> although the server has already queued it. Sent once, never retried.</summary>
    /// <param name="draft">Task type, queue, arguments and name.</param>
    public Aff<SaltantRuntime, T> Create(TaskInstanceDraft<TKind> draft) => Calls.Given(draft, nameof(draft), d => Send(TaskInstanceRequests.Create(d)));

    /// <summary>Launches many instances with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <param name="drafts">The instances to launch.</param>
    public Aff<SaltantRuntime, Seq<Fin<T>>> CreateMany(IEnumerable<TaskInstanceDraft<TKind>> drafts) =>
        Calls.Given(drafts, nameof(drafts), d => Calls.Batch(d, Create, Settings.BatchConcurrency));

    /// <summary>Launches a copy of an instance (same type, queue, arguments and name). Sent once, never retried.</summary>
    /// <param name="uuid">The instance to copy.</param>
    public Aff<SaltantRuntime, T> Clone(InstanceUuid uuid) => Send(TaskInstanceRequests.Clone<TKind>(uuid));

    /// <summary>Launches a copy of an instance in hand.</summary>
    /// <param name="instance">The instance to copy.</param>
    public Aff<SaltantRuntime, T> Clone(T instance) => Calls.Given(instance, nameof(instance), i => Clone(i.Uuid));

    /// <summary>Clones many instances with bounded concurrency: one result per UUID, in order.</summary>
    /// <param name="uuids">The instances to copy.</param>
    public Aff<SaltantRuntime, Seq<Fin<T>>> CloneMany(IEnumerable<InstanceUuid> uuids) =>
        Calls.Given(uuids, nameof(uuids), u => Calls.Batch(u, Clone, Settings.BatchConcurrency));

    /// <summary>
    /// Asks the server to terminate an instance. The answer (202) is the instance as it was; its
    /// state becomes <c>terminated</c> shortly after if it was published or running.
    /// </summary>
    /// <param name="uuid">The instance.</param>
    public Aff<SaltantRuntime, T> Terminate(InstanceUuid uuid) => Send(TaskInstanceRequests.Terminate<TKind>(uuid));

    /// <summary>Terminates an instance in hand.</summary>
    /// <param name="instance">The instance.</param>
    public Aff<SaltantRuntime, T> Terminate(T instance) => Calls.Given(instance, nameof(instance), i => Terminate(i.Uuid));

    /// <summary>Terminates many instances with bounded concurrency: one result per UUID, in order.</summary>
    /// <param name="uuids">The instances.</param>
    public Aff<SaltantRuntime, Seq<Fin<T>>> TerminateMany(IEnumerable<InstanceUuid> uuids) =>
        Calls.Given(uuids, nameof(uuids), u => Calls.Batch(u, Terminate, Settings.BatchConcurrency));

    /// <summary>Waits until the instance has finished (successful, failed or terminated) and returns it as last read.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="options">Polling schedule and overall timeout; <see cref="DefaultWait"/> when None.</param>
    public Aff<SaltantRuntime, T> Wait(InstanceUuid uuid, Option<WaitOptions> options = default) =>
        WaitMany(Seq1(uuid), options).Map(all => all.Head);

    /// <summary>Waits until an instance in hand has finished.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="options">Polling schedule and overall timeout.</param>
    public Aff<SaltantRuntime, T> Wait(T instance, Option<WaitOptions> options = default) => Calls.Given(instance, nameof(instance), i => Wait(i.Uuid, options));

    /// <summary>
    /// Waits until every instance has finished, polling the unfinished ones each round with
    /// bounded concurrency; returns them in input order. Fails with <see cref="WaitTimedOut"/>
    /// (naming the unfinished ones) when the overall timeout passes.
    /// </summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="options">Polling schedule and overall timeout.</param>
    public Aff<SaltantRuntime, Seq<T>> WaitMany(IEnumerable<InstanceUuid> uuids, Option<WaitOptions> options = default) =>
        Calls.Given(uuids, nameof(uuids), u => Calls.Given(options.IfNone(DefaultWait), nameof(options), wait =>
            AffMaybe<SaltantRuntime, Seq<T>>(async rt => await InstanceWatcher.WaitAllAsync(
                u.ToList(), ReadForWatch, wait, Settings.BatchConcurrency, clock, rt.CancellationToken).ConfigureAwait(false))));

    /// <summary>
    /// Streams every state change of the instances until all have finished, for progress
    /// displays: each instance's first reading, then one item per change. A failure (including a
    /// timeout or cancellation) is the last item; nothing is thrown.
    /// </summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="options">Polling schedule and overall timeout.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<InstanceProgress<T>>> Watch(IEnumerable<InstanceUuid> uuids, Option<WaitOptions> options = default, CancellationToken cancellationToken = default) =>
        uuids is null || options.IfNone(DefaultWait) is null
            ? AsyncFailure<InstanceProgress<T>>(new InvalidRequestInput(uuids is null ? nameof(uuids) : nameof(options), "it is required but was null."))
            : InstanceWatcher.Watch(uuids.ToList(), ReadForWatch, options.IfNone(DefaultWait), Settings.BatchConcurrency, clock, cancellationToken);

#pragma warning disable CS1998 // a one-item stream needs no await
    private static async IAsyncEnumerable<Fin<TItem>> AsyncFailure<TItem>(LanguageExt.Common.Error error)
    {
        yield return Fin<TItem>.Fail(error);
    }
#pragma warning restore CS1998

    /// <summary>Task form of <see cref="Create"/>.</summary>
    /// <param name="draft">The instance to launch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> CreateAsync(TaskInstanceDraft<TKind> draft, CancellationToken cancellationToken = default) => Create(draft).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="CreateMany"/>.</summary>
    /// <param name="drafts">The instances to launch.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> CreateManyAsync(IEnumerable<TaskInstanceDraft<TKind>> drafts, CancellationToken cancellationToken = default) => CreateMany(drafts).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Clone(InstanceUuid)"/>.</summary>
    /// <param name="uuid">The instance to copy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> CloneAsync(InstanceUuid uuid, CancellationToken cancellationToken = default) => Clone(uuid).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Clone(T)"/>.</summary>
    /// <param name="instance">The instance to copy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> CloneAsync(T instance, CancellationToken cancellationToken = default) => Clone(instance).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="CloneMany"/>.</summary>
    /// <param name="uuids">The instances to copy.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> CloneManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken = default) => CloneMany(uuids).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Terminate(InstanceUuid)"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> TerminateAsync(InstanceUuid uuid, CancellationToken cancellationToken = default) => Terminate(uuid).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Terminate(T)"/>.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> TerminateAsync(T instance, CancellationToken cancellationToken = default) => Terminate(instance).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="TerminateMany"/>.</summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> TerminateManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken = default) => TerminateMany(uuids).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Wait(InstanceUuid, Option{WaitOptions})"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="options">Polling schedule and overall timeout; null for <see cref="DefaultWait"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<T>> WaitAsync(InstanceUuid uuid, WaitOptions? options = null, CancellationToken cancellationToken = default) => Wait(uuid, Optional(options)).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Wait(T, Option{WaitOptions})"/>.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="options">Polling schedule and overall timeout; null for <see cref="DefaultWait"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<T>> WaitAsync(T instance, WaitOptions? options = null, CancellationToken cancellationToken = default) => Wait(instance, Optional(options)).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="WaitMany"/>.</summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="options">Polling schedule and overall timeout; null for <see cref="DefaultWait"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<Fin<Seq<T>>> WaitManyAsync(IEnumerable<InstanceUuid> uuids, WaitOptions? options = null, CancellationToken cancellationToken = default) => WaitMany(uuids, Optional(options)).RunAsync(cancellationToken);

    private Task<Fin<T>> ReadForWatch(InstanceUuid uuid, CancellationToken cancellationToken) => Get(uuid).RunAsync(cancellationToken);
}
