using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>Task queues (<c>taskqueues/</c>), listed in id order: read, find by name, create, replace (PUT) and change (PATCH).</summary>
public sealed class TaskQueuesClient
{
    private static readonly ListSource<TaskQueue, TaskQueue> Source = new(TaskQueueRequests.List, Decoders.TaskQueuePage, q => q.Id, Option<CreationOrder<TaskQueue, TaskQueue>>.None);
    private readonly Api api;

    internal TaskQueuesClient(Api api) => this.api = api;

    /// <summary><c>GET taskqueues/?filters&amp;page&amp;page_size</c>: one page, with the count of all that match.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="filters">Filters, from <see cref="TaskQueueFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<TaskQueue>> ListPage<RT>(Seq<Filter<TaskQueue>> filters = default, int page = 1, Option<int> pageSize = default)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, Page<TaskQueue>>(TaskQueueRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), Decoders.TaskQueuePage);

    /// <summary>Every matching queue, read as a snapshot: each once, whatever is created or changed meanwhile.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<TaskQueue>> List<RT>(Seq<Filter<TaskQueue>> filters = default)
        where RT : struct, HasCancel<RT> =>
        new Snapshot<TaskQueue, TaskQueue>(api, Source, filters).All<RT>();

    /// <summary>Every matching queue, streamed as a snapshot with a few large pages read ahead; a failure is the last item.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<TaskQueue>> Stream(Seq<Filter<TaskQueue>> filters = default, CancellationToken cancellationToken = default) =>
        new Snapshot<TaskQueue, TaskQueue>(api, Source, filters).Stream(cancellationToken);

    /// <summary><c>GET taskqueues/{id}/</c>; <see cref="NotFound"/> when there is none.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="id">The queue.</param>
    public Aff<RT, TaskQueue> Get<RT>(TaskQueueId id)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, TaskQueue>(TaskQueueRequests.Get(id), Decoders.TaskQueue);

    /// <summary>Reads many queues with bounded concurrency: one result per id, in order.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="ids">The queues.</param>
    public Aff<RT, Seq<Fin<TaskQueue>>> GetMany<RT>(IEnumerable<TaskQueueId> ids)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, TaskQueueId, TaskQueue>(ids, nameof(ids), Get<RT>);

    /// <summary>Re-reads a queue in hand (saltant-py's <c>sync</c>).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="queue">The queue.</param>
    public Aff<RT, TaskQueue> Sync<RT>(TaskQueue queue)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TaskQueue, TaskQueue>(queue, nameof(queue), q => Get<RT>(q.Id));

    /// <summary><c>GET taskqueues/?name=…</c>: the queue with exactly this name, or None (names are unique).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="name">The name.</param>
    public Aff<RT, Option<TaskQueue>> FindByName<RT>(string name)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, string, Option<TaskQueue>>(name, nameof(name), n => api.First<RT, TaskQueue>(TaskQueueRequests.ByName(n), Decoders.TaskQueuePage));

    /// <summary>The queue with exactly this name; <see cref="NameNotFound"/> when there is none.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="name">The name.</param>
    public Aff<RT, TaskQueue> GetByName<RT>(string name)
        where RT : struct, HasCancel<RT> =>
        Api.Require(FindByName<RT>(name), "task queue", name);

    /// <summary><c>POST taskqueues/</c>: a queue owned by the caller; sent once, never retried.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="draft">The new queue.</param>
    public Aff<RT, TaskQueue> Create<RT>(TaskQueueDraft draft)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TaskQueueDraft, TaskQueue>(draft, nameof(draft), d => api.Send<RT, TaskQueue>(TaskQueueRequests.Create(d), Decoders.TaskQueue));

    /// <summary>Creates many queues with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="drafts">The new queues.</param>
    public Aff<RT, Seq<Fin<TaskQueue>>> CreateMany<RT>(IEnumerable<TaskQueueDraft> drafts)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, TaskQueueDraft, TaskQueue>(drafts, nameof(drafts), Create<RT>);

    /// <summary><c>PUT taskqueues/{id}/</c>: every writable field (the owner or a superuser only).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="id">The queue.</param>
    /// <param name="draft">All its new values.</param>
    public Aff<RT, TaskQueue> Put<RT>(TaskQueueId id, TaskQueueDraft draft)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TaskQueueDraft, TaskQueue>(draft, nameof(draft), d => api.Send<RT, TaskQueue>(TaskQueueRequests.Put(id, d), Decoders.TaskQueue));

    /// <summary>Writes a queue in hand back, every field (saltant-py's <c>put</c>).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="queue">The queue as it should be.</param>
    public Aff<RT, TaskQueue> Put<RT>(TaskQueue queue)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TaskQueue, TaskQueue>(queue, nameof(queue), q => Put<RT>(q.Id, Drafts.Of(q)));

    /// <summary><c>PATCH taskqueues/{id}/</c>: only the fields the patch sets (the owner or a superuser only).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="id">The queue.</param>
    /// <param name="changes">The fields to change.</param>
    public Aff<RT, TaskQueue> Patch<RT>(TaskQueueId id, TaskQueuePatch changes)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TaskQueuePatch, TaskQueue>(changes, nameof(changes), c => api.Send<RT, TaskQueue>(TaskQueueRequests.Patch(id, c), Decoders.TaskQueue));

    /// <summary>Task form of <see cref="ListPage{RT}"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TaskQueue>>> ListPageAsync(Seq<Filter<TaskQueue>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        ListPage<SaltantRuntime>(filters, page, pageSize).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List{RT}"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TaskQueue>>> ListAsync(Seq<Filter<TaskQueue>> filters = default, CancellationToken cancellationToken = default) =>
        List<SaltantRuntime>(filters).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List{RT}"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TaskQueue>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get{RT}"/>.</summary>
    /// <param name="id">The queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> GetAsync(TaskQueueId id, CancellationToken cancellationToken = default) => Get<SaltantRuntime>(id).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="GetMany{RT}"/>.</summary>
    /// <param name="ids">The queues.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TaskQueue>>>> GetManyAsync(IEnumerable<TaskQueueId> ids, CancellationToken cancellationToken = default) => GetMany<SaltantRuntime>(ids).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Sync{RT}"/>.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> SyncAsync(TaskQueue queue, CancellationToken cancellationToken = default) => Sync<SaltantRuntime>(queue).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="FindByName{RT}"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Option<TaskQueue>>> FindByNameAsync(string name, CancellationToken cancellationToken = default) => FindByName<SaltantRuntime>(name).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="GetByName{RT}"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> GetByNameAsync(string name, CancellationToken cancellationToken = default) => GetByName<SaltantRuntime>(name).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Create{RT}"/>.</summary>
    /// <param name="draft">The new queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> CreateAsync(TaskQueueDraft draft, CancellationToken cancellationToken = default) => Create<SaltantRuntime>(draft).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="CreateMany{RT}"/>.</summary>
    /// <param name="drafts">The new queues.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TaskQueue>>>> CreateManyAsync(IEnumerable<TaskQueueDraft> drafts, CancellationToken cancellationToken = default) => CreateMany<SaltantRuntime>(drafts).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Put{RT}(TaskQueueId, TaskQueueDraft)"/>.</summary>
    /// <param name="id">The queue.</param>
    /// <param name="draft">All its new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> PutAsync(TaskQueueId id, TaskQueueDraft draft, CancellationToken cancellationToken = default) => Put<SaltantRuntime>(id, draft).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Put{RT}(TaskQueue)"/>.</summary>
    /// <param name="queue">The queue as it should be.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> PutAsync(TaskQueue queue, CancellationToken cancellationToken = default) => Put<SaltantRuntime>(queue).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Patch{RT}"/>.</summary>
    /// <param name="id">The queue.</param>
    /// <param name="changes">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> PatchAsync(TaskQueueId id, TaskQueuePatch changes, CancellationToken cancellationToken = default) => Patch<SaltantRuntime>(id, changes).RunAsync(cancellationToken);
}
