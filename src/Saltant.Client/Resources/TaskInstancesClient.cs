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
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <typeparam name="T">The instance record of this kind.</typeparam>
public sealed partial class TaskInstancesClient<TKind, T>
    where TKind : ITaskKind
    where T : TaskInstance<TKind>
{
    private readonly Api api;
    private readonly Decoder<T> decoder;
    private readonly ListSource<T, TaskInstance<TKind>> source;

    internal TaskInstancesClient(Api api, Decoder<T> decoder, Decoder<Page<T>> pageDecoder)
    {
        this.api = api;
        this.decoder = decoder;
        source = new(
            TaskInstanceRequests.List,
            pageDecoder,
            i => i.Uuid,
            Some(new CreationOrder<T, TaskInstance<TKind>>(i => i.DatetimeCreated, TaskInstanceFilters<TKind>.DatetimeCreated)));
    }

    /// <summary><c>GET {kind}taskinstances/?filters&amp;page&amp;page_size</c>: one page (newest first), with the count of all that match.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="filters">Filters, from <see cref="TaskInstanceFilters{TKind}"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<T>> ListPage<RT>(Seq<Filter<TaskInstance<TKind>>> filters = default, int page = 1, Option<int> pageSize = default)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, Page<T>>(TaskInstanceRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), source.Decoder);

    /// <summary>
    /// Every matching instance, newest first, read as a snapshot: each instance that existed when the
    /// read began (and matched throughout) exactly once; those launched meanwhile are left out.
    /// </summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<T>> List<RT>(Seq<Filter<TaskInstance<TKind>>> filters = default)
        where RT : struct, HasCancel<RT> =>
        new Snapshot<T, TaskInstance<TKind>>(api, source, filters).All<RT>();

    /// <summary>The snapshot of <see cref="List{RT}"/>, streamed in order with a few large parts read ahead; a failure is the last item.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<T>> Stream(Seq<Filter<TaskInstance<TKind>>> filters = default, CancellationToken cancellationToken = default) =>
        new Snapshot<T, TaskInstance<TKind>>(api, source, filters).Stream(cancellationToken);

    /// <summary><c>GET {kind}taskinstances/{uuid}/</c>; <see cref="NotFound"/> when there is none.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="uuid">The instance.</param>
    public Aff<RT, T> Get<RT>(InstanceUuid uuid)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, T>(TaskInstanceRequests.Get<TKind>(uuid), decoder);

    /// <summary>Reads many instances with bounded concurrency: one result per UUID, in order.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="uuids">The instances.</param>
    public Aff<RT, Seq<Fin<T>>> GetMany<RT>(IEnumerable<InstanceUuid> uuids)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, InstanceUuid, T>(uuids, nameof(uuids), Get<RT>);

    /// <summary>
    /// <c>POST {kind}taskinstances/</c>: launches an instance. The answer says <c>created</c> although
    /// the server has already queued it. Sent once, never retried.
    /// </summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="draft">Task type (of this kind), queue, arguments and name.</param>
    public Aff<RT, T> Create<RT>(TaskInstanceDraft<TKind> draft)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TaskInstanceDraft<TKind>, T>(draft, nameof(draft), d => api.Send<RT, T>(TaskInstanceRequests.Create(d), decoder));

    /// <summary>Launches many instances with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="drafts">The instances to launch.</param>
    public Aff<RT, Seq<Fin<T>>> CreateMany<RT>(IEnumerable<TaskInstanceDraft<TKind>> drafts)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, TaskInstanceDraft<TKind>, T>(drafts, nameof(drafts), Create<RT>);

    /// <summary><c>POST {kind}taskinstances/{uuid}/clone/</c>: launches a copy (same type, queue, arguments and name). Sent once, never retried.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="uuid">The instance to copy.</param>
    public Aff<RT, T> Clone<RT>(InstanceUuid uuid)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, T>(TaskInstanceRequests.Clone<TKind>(uuid), decoder);

    /// <summary>Clones many instances with bounded concurrency: one result per UUID, in order.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="uuids">The instances to copy.</param>
    public Aff<RT, Seq<Fin<T>>> CloneMany<RT>(IEnumerable<InstanceUuid> uuids)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, InstanceUuid, T>(uuids, nameof(uuids), Clone<RT>);

    /// <summary>
    /// <c>POST {kind}taskinstances/{uuid}/terminate/</c>: asks the server to stop an instance. The
    /// answer (202) is the instance as it was; its state becomes <c>terminated</c> shortly after.
    /// </summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="uuid">The instance.</param>
    public Aff<RT, T> Terminate<RT>(InstanceUuid uuid)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, T>(TaskInstanceRequests.Terminate<TKind>(uuid), decoder);

    /// <summary>Terminates many instances with bounded concurrency: one result per UUID, in order.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="uuids">The instances.</param>
    public Aff<RT, Seq<Fin<T>>> TerminateMany<RT>(IEnumerable<InstanceUuid> uuids)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, InstanceUuid, T>(uuids, nameof(uuids), Terminate<RT>);

    /// <summary>Task form of <see cref="ListPage{RT}"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<T>>> ListPageAsync(Seq<Filter<TaskInstance<TKind>>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        ListPage<SaltantRuntime>(filters, page, pageSize).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List{RT}"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<T>>> ListAsync(Seq<Filter<TaskInstance<TKind>>> filters = default, CancellationToken cancellationToken = default) =>
        List<SaltantRuntime>(filters).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List{RT}"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<T>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get{RT}"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> GetAsync(InstanceUuid uuid, CancellationToken cancellationToken = default) => Get<SaltantRuntime>(uuid).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="GetMany{RT}"/>.</summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> GetManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken = default) => GetMany<SaltantRuntime>(uuids).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Create{RT}"/>.</summary>
    /// <param name="draft">The instance to launch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> CreateAsync(TaskInstanceDraft<TKind> draft, CancellationToken cancellationToken = default) => Create<SaltantRuntime>(draft).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="CreateMany{RT}"/>.</summary>
    /// <param name="drafts">The instances to launch.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> CreateManyAsync(IEnumerable<TaskInstanceDraft<TKind>> drafts, CancellationToken cancellationToken = default) => CreateMany<SaltantRuntime>(drafts).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Clone{RT}"/>.</summary>
    /// <param name="uuid">The instance to copy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> CloneAsync(InstanceUuid uuid, CancellationToken cancellationToken = default) => Clone<SaltantRuntime>(uuid).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="CloneMany{RT}"/>.</summary>
    /// <param name="uuids">The instances to copy.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> CloneManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken = default) => CloneMany<SaltantRuntime>(uuids).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Terminate{RT}"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<T>> TerminateAsync(InstanceUuid uuid, CancellationToken cancellationToken = default) => Terminate<SaltantRuntime>(uuid).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="TerminateMany{RT}"/>.</summary>
    /// <param name="uuids">The instances.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<T>>>> TerminateManyAsync(IEnumerable<InstanceUuid> uuids, CancellationToken cancellationToken = default) => TerminateMany<SaltantRuntime>(uuids).RunAsync(cancellationToken);
}
