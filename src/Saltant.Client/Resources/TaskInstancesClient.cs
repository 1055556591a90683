using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// Task instances of one kind (<c>containertaskinstances/</c> or <c>executabletaskinstances/</c>),
/// listed newest first: read, launch, clone, terminate (singly or in bounded batches), and wait
/// until finished (in <c>TaskInstancesClient.Waits.cs</c>). Drafts and filters are of this kind
/// only: a draft made from a container type's id cannot be launched here as an executable instance.
/// </summary>
/// <typeparam name="RT">The runtime the effects run in; <see cref="SaltantRuntime"/> for <see cref="SaltantClient"/>.</typeparam>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <typeparam name="T">The instance record of this kind.</typeparam>
public sealed partial class TaskInstancesClient<RT, TKind, T>
    where RT : struct, HasCancel<RT>
    where TKind : ITaskKind
    where T : TaskInstance<TKind>
{
    private readonly Api api;
    private readonly Runner<RT> runner;
    private readonly Decoder<T> decoder;
    private readonly ListSource<T, TaskInstance<TKind>> source;
    private readonly Func<TaskTypeId<TKind>, Aff<RT, TaskType<TKind>>> readType;

    internal TaskInstancesClient(Api api, Runner<RT> runner, Decoder<T> decoder, Decoder<Page<T>> pageDecoder, Func<TaskTypeId<TKind>, Aff<RT, TaskType<TKind>>> readType)
    {
        this.api = api;
        this.readType = readType;
        this.runner = runner;
        this.decoder = decoder;
        source = new(
            TaskInstanceRequests.List,
            pageDecoder,
            i => i.Uuid,
            Some(new CreationOrder<T, TaskInstance<TKind>>(
                i => i.DatetimeCreated,
                TaskInstanceFilters<TKind>.DatetimeCreated,
                // An instance's state and finish time change; nothing else about it does.
                Seq("name", "user", "task_type", "task_queue", "datetime_created"))));
    }

    /// <summary><c>GET {kind}taskinstances/?filters&amp;page&amp;page_size</c>: one page (newest first), with the count of all that match.</summary>
    /// <param name="filters">Filters, from <see cref="TaskInstanceFilters{TKind}"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<T>> ListPage(Seq<Filter<TaskInstance<TKind>>> filters = default, int page = 1, Option<int> pageSize = default) =>
        api.Send<RT, Page<T>>(TaskInstanceRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), source.Decoder);

    /// <summary>
    /// Every matching instance, newest first, read as a snapshot: each instance that existed when the
    /// read began (and matched throughout) exactly once; those launched meanwhile are left out.
    /// </summary>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<T>> List(Seq<Filter<TaskInstance<TKind>>> filters = default) =>
        Snapshot(filters).All<RT>();

    /// <summary>The snapshot of <see cref="List"/>, streamed in order with a few large parts read ahead; a failure is the last item.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<T>> Stream(Seq<Filter<TaskInstance<TKind>>> filters = default, CancellationToken cancellationToken = default) =>
        Snapshot(filters).Stream(runner.Make, cancellationToken);

    /// <summary><c>GET {kind}taskinstances/{uuid}/</c>; <see cref="NotFound"/> when there is none.</summary>
    /// <param name="uuid">The instance.</param>
    public Aff<RT, T> Get(InstanceUuid uuid) =>
        api.Send<RT, T>(TaskInstanceRequests.Get<TKind>(uuid), decoder);

    /// <summary>Reads many instances with bounded concurrency: one result per UUID, in order.</summary>
    /// <param name="uuids">The instances.</param>
    public Aff<RT, Seq<Fin<T>>> GetMany(IEnumerable<InstanceUuid> uuids) =>
        api.Batch<RT, InstanceUuid, T>(uuids, nameof(uuids), Get);

    /// <summary>Re-reads an instance in hand (saltant-py's <c>sync</c>).</summary>
    /// <param name="instance">The instance.</param>
    public Aff<RT, T> Sync(T instance) =>
        Api.Given<RT, T, T>(instance, nameof(instance), i => Get(i.Uuid));

    /// <summary>
    /// <c>POST {kind}taskinstances/</c>: launches an instance. The answer says <c>created</c> although
    /// the server has already queued it. Sent once, never retried.
    /// </summary>
    /// <param name="draft">Task type (of this kind), queue, arguments and name.</param>
    public Aff<RT, T> Create(TaskInstanceDraft<TKind> draft) =>
        Api.Given<RT, TaskInstanceDraft<TKind>, T>(draft, nameof(draft), d => api.Send<RT, T>(TaskInstanceRequests.Create(d), decoder));

    /// <summary>Launches many instances with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <param name="drafts">The instances to launch.</param>
    public Aff<RT, Seq<Fin<T>>> CreateMany(IEnumerable<TaskInstanceDraft<TKind>> drafts) =>
        api.Batch<RT, TaskInstanceDraft<TKind>, T>(drafts, nameof(drafts), Create);

    /// <summary><c>POST {kind}taskinstances/{uuid}/clone/</c>: launches a copy (same type, queue, arguments and name). Sent once, never retried.</summary>
    /// <param name="uuid">The instance to copy.</param>
    public Aff<RT, T> Clone(InstanceUuid uuid) =>
        api.Send<RT, T>(TaskInstanceRequests.Clone<TKind>(uuid), decoder);

    /// <summary>Clones many instances with bounded concurrency: one result per UUID, in order.</summary>
    /// <param name="uuids">The instances to copy.</param>
    public Aff<RT, Seq<Fin<T>>> CloneMany(IEnumerable<InstanceUuid> uuids) =>
        api.Batch<RT, InstanceUuid, T>(uuids, nameof(uuids), Clone);

    /// <summary>
    /// <c>POST {kind}taskinstances/{uuid}/terminate/</c>: asks the server to stop an instance. The
    /// answer (202) is the instance as it was; its state becomes <c>terminated</c> shortly after.
    /// </summary>
    /// <param name="uuid">The instance.</param>
    public Aff<RT, T> Terminate(InstanceUuid uuid) =>
        api.Send<RT, T>(TaskInstanceRequests.Terminate<TKind>(uuid), decoder);

    /// <summary>Terminates many instances with bounded concurrency: one result per UUID, in order.</summary>
    /// <param name="uuids">The instances.</param>
    public Aff<RT, Seq<Fin<T>>> TerminateMany(IEnumerable<InstanceUuid> uuids) =>
        api.Batch<RT, InstanceUuid, T>(uuids, nameof(uuids), Terminate);

    // The snapshot List, Stream and ListAsync read.
    private Snapshot<T, TaskInstance<TKind>> Snapshot(Seq<Filter<TaskInstance<TKind>>> filters) => new(api, source, filters);

    /// <summary>Task form of <see cref="ListPage"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<T>>> ListPageAsync(Seq<Filter<TaskInstance<TKind>>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(ListPage(filters, page, pageSize), cancellationToken);

    /// <summary>Task form of <see cref="ListPage"/>: the first page without filters, of the settings' page size.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<T>>> ListPageAsync(CancellationToken cancellationToken) => ListPageAsync(default, 1, default, cancellationToken);

    /// <summary>Task form of <see cref="List"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<T>>> ListAsync(Seq<Filter<TaskInstance<TKind>>> filters = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Snapshot(filters).AllAsync, cancellationToken);

    /// <summary>Task form of <see cref="List"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<T>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> GetAsync(InstanceUuid uuid, CancellationToken cancellationToken = default) => runner.RunAsync(Get(uuid), cancellationToken);

    /// <summary>Task form of <see cref="GetMany"/>.</summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> GetManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken = default) => runner.RunAsync(GetMany(uuids), cancellationToken);

    /// <summary>Task form of <see cref="Sync"/>.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> SyncAsync(T instance, CancellationToken cancellationToken = default) => runner.RunAsync(Sync(instance), cancellationToken);

    /// <summary>Task form of <see cref="Create"/>.</summary>
    /// <param name="draft">The instance to launch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> CreateAsync(TaskInstanceDraft<TKind> draft, CancellationToken cancellationToken = default) => runner.RunAsync(Create(draft), cancellationToken);

    /// <summary>Task form of <see cref="CreateMany"/>.</summary>
    /// <param name="drafts">The instances to launch.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> CreateManyAsync(IEnumerable<TaskInstanceDraft<TKind>> drafts, CancellationToken cancellationToken = default) => runner.RunAsync(CreateMany(drafts), cancellationToken);

    /// <summary>Task form of <see cref="Clone"/>.</summary>
    /// <param name="uuid">The instance to copy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> CloneAsync(InstanceUuid uuid, CancellationToken cancellationToken = default) => runner.RunAsync(Clone(uuid), cancellationToken);

    /// <summary>Task form of <see cref="CloneMany"/>.</summary>
    /// <param name="uuids">The instances to copy.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> CloneManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken = default) => runner.RunAsync(CloneMany(uuids), cancellationToken);

    /// <summary>Task form of <see cref="Terminate"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> TerminateAsync(InstanceUuid uuid, CancellationToken cancellationToken = default) => runner.RunAsync(Terminate(uuid), cancellationToken);

    /// <summary>Task form of <see cref="TerminateMany"/>.</summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> TerminateManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken = default) => runner.RunAsync(TerminateMany(uuids), cancellationToken);
}
