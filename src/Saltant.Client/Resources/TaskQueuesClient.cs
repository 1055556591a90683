using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>Task queues (<c>taskqueues/</c>), listed in id order: read, find by name, create, replace (PUT) and change (PATCH).</summary>
/// <typeparam name="RT">The runtime the effects run in; <see cref="SaltantRuntime"/> for <see cref="SaltantClient"/>.</typeparam>
public sealed class TaskQueuesClient<RT>
    where RT : struct, HasCancel<RT>
{
    private static readonly ListSource<TaskQueue, TaskQueue> Source = new(TaskQueueRequests.List, Decoders.TaskQueuePage, q => q.Id, Option<CreationOrder<TaskQueue, TaskQueue>>.None);
    private readonly Api api;
    private readonly Runner<RT> runner;

    internal TaskQueuesClient(Api api, Runner<RT> runner)
    {
        this.api = api;
        this.runner = runner;
    }

    /// <summary><c>GET taskqueues/?filters&amp;page&amp;page_size</c>: one page, with the count of all that match.</summary>
    /// <param name="filters">Filters, from <see cref="TaskQueueFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<TaskQueue>> ListPage(Seq<Filter<TaskQueue>> filters = default, int page = 1, Option<int> pageSize = default) =>
        api.Send<RT, Page<TaskQueue>>(TaskQueueRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), Decoders.TaskQueuePage);

    /// <summary>Every matching queue, read as a snapshot: each once, whatever is created or changed meanwhile.</summary>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<TaskQueue>> List(Seq<Filter<TaskQueue>> filters = default) =>
        Snapshot(filters).All<RT>();

    /// <summary>Every matching queue, streamed as a snapshot with a few large pages read ahead; a failure is the last item.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<TaskQueue>> Stream(Seq<Filter<TaskQueue>> filters = default, CancellationToken cancellationToken = default) =>
        Snapshot(filters).Stream(runner.Make, cancellationToken);

    /// <summary><c>GET taskqueues/{id}/</c>; <see cref="NotFound"/> when there is none.</summary>
    /// <param name="id">The queue.</param>
    public Aff<RT, TaskQueue> Get(TaskQueueId id) =>
        api.Send<RT, TaskQueue>(TaskQueueRequests.Get(id), Decoders.TaskQueue);

    /// <summary>Reads many queues with bounded concurrency: one result per id, in order.</summary>
    /// <param name="ids">The queues.</param>
    public Aff<RT, Seq<Fin<TaskQueue>>> GetMany(IEnumerable<TaskQueueId> ids) =>
        api.Batch<RT, TaskQueueId, TaskQueue>(ids, nameof(ids), Get);

    /// <summary>Re-reads a queue in hand (saltant-py's <c>sync</c>).</summary>
    /// <param name="queue">The queue.</param>
    public Aff<RT, TaskQueue> Sync(TaskQueue queue) =>
        Api.Given<RT, TaskQueue, TaskQueue>(queue, nameof(queue), q => Get(q.Id));

    /// <summary><c>GET taskqueues/?name=…</c>: the queue with exactly this name, or None (names are unique).</summary>
    /// <param name="name">The name.</param>
    public Aff<RT, Option<TaskQueue>> FindByName(string name) =>
        Api.Given<RT, string, Option<TaskQueue>>(name, nameof(name), n => api.First<RT, TaskQueue>(TaskQueueRequests.ByName(n), Decoders.TaskQueuePage));

    /// <summary>The queue with exactly this name; <see cref="NameNotFound"/> when there is none.</summary>
    /// <param name="name">The name.</param>
    public Aff<RT, TaskQueue> GetByName(string name) =>
        Api.Require(FindByName(name), "task queue", name);

    /// <summary><c>POST taskqueues/</c>: a queue owned by the caller; sent once, never retried.</summary>
    /// <param name="draft">The new queue.</param>
    public Aff<RT, TaskQueue> Create(TaskQueueDraft draft) =>
        Api.Given<RT, TaskQueueDraft, TaskQueue>(draft, nameof(draft), d => api.Send<RT, TaskQueue>(TaskQueueRequests.Create(d), Decoders.TaskQueue));

    /// <summary>Creates many queues with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <param name="drafts">The new queues.</param>
    public Aff<RT, Seq<Fin<TaskQueue>>> CreateMany(IEnumerable<TaskQueueDraft> drafts) =>
        api.Batch<RT, TaskQueueDraft, TaskQueue>(drafts, nameof(drafts), Create);

    /// <summary><c>PUT taskqueues/{id}/</c>: every writable field (the owner or a superuser only).</summary>
    /// <param name="id">The queue.</param>
    /// <param name="draft">All its new values.</param>
    public Aff<RT, TaskQueue> Put(TaskQueueId id, TaskQueueDraft draft) =>
        Api.Given<RT, TaskQueueDraft, TaskQueue>(draft, nameof(draft), d => api.Send<RT, TaskQueue>(TaskQueueRequests.Put(id, d), Decoders.TaskQueue));

    /// <summary>Writes a queue in hand back, every field (saltant-py's <c>put</c>).</summary>
    /// <param name="queue">The queue as it should be.</param>
    public Aff<RT, TaskQueue> Put(TaskQueue queue) =>
        Api.Given<RT, TaskQueue, TaskQueue>(queue, nameof(queue), q => Put(q.Id, Drafts.Of(q)));

    /// <summary><c>PATCH taskqueues/{id}/</c>: only the fields the patch sets (the owner or a superuser only).</summary>
    /// <param name="id">The queue.</param>
    /// <param name="changes">The fields to change.</param>
    public Aff<RT, TaskQueue> Patch(TaskQueueId id, TaskQueuePatch changes) =>
        Api.Given<RT, TaskQueuePatch, TaskQueue>(changes, nameof(changes), c => api.Send<RT, TaskQueue>(TaskQueueRequests.Patch(id, c), Decoders.TaskQueue));

    // The snapshot List, Stream and ListAsync read.
    private Snapshot<TaskQueue, TaskQueue> Snapshot(Seq<Filter<TaskQueue>> filters) => new(api, Source, filters);

    /// <summary>Task form of <see cref="ListPage"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TaskQueue>>> ListPageAsync(Seq<Filter<TaskQueue>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(ListPage(filters, page, pageSize), cancellationToken);

    /// <summary>Task form of <see cref="ListPage"/>: the first page without filters, of the settings' page size.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TaskQueue>>> ListPageAsync(CancellationToken cancellationToken) => ListPageAsync(default, 1, default, cancellationToken);

    /// <summary>Task form of <see cref="List"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TaskQueue>>> ListAsync(Seq<Filter<TaskQueue>> filters = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Snapshot(filters).AllAsync, cancellationToken);

    /// <summary>Task form of <see cref="List"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TaskQueue>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get"/>.</summary>
    /// <param name="id">The queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> GetAsync(TaskQueueId id, CancellationToken cancellationToken = default) => runner.RunAsync(Get(id), cancellationToken);

    /// <summary>Task form of <see cref="GetMany"/>.</summary>
    /// <param name="ids">The queues.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TaskQueue>>>> GetManyAsync(IEnumerable<TaskQueueId> ids, CancellationToken cancellationToken = default) => runner.RunAsync(GetMany(ids), cancellationToken);

    /// <summary>Task form of <see cref="Sync"/>.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> SyncAsync(TaskQueue queue, CancellationToken cancellationToken = default) => runner.RunAsync(Sync(queue), cancellationToken);

    /// <summary>Task form of <see cref="FindByName"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Option<TaskQueue>>> FindByNameAsync(string name, CancellationToken cancellationToken = default) => runner.RunAsync(FindByName(name), cancellationToken);

    /// <summary>Task form of <see cref="GetByName"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> GetByNameAsync(string name, CancellationToken cancellationToken = default) => runner.RunAsync(GetByName(name), cancellationToken);

    /// <summary>Task form of <see cref="Create"/>.</summary>
    /// <param name="draft">The new queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> CreateAsync(TaskQueueDraft draft, CancellationToken cancellationToken = default) => runner.RunAsync(Create(draft), cancellationToken);

    /// <summary>Task form of <see cref="CreateMany"/>.</summary>
    /// <param name="drafts">The new queues.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TaskQueue>>>> CreateManyAsync(IEnumerable<TaskQueueDraft> drafts, CancellationToken cancellationToken = default) => runner.RunAsync(CreateMany(drafts), cancellationToken);

    /// <summary>Task form of <see cref="Put(TaskQueueId, TaskQueueDraft)"/>.</summary>
    /// <param name="id">The queue.</param>
    /// <param name="draft">All its new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> PutAsync(TaskQueueId id, TaskQueueDraft draft, CancellationToken cancellationToken = default) => runner.RunAsync(Put(id, draft), cancellationToken);

    /// <summary>Task form of <see cref="Put(TaskQueue)"/>.</summary>
    /// <param name="queue">The queue as it should be.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> PutAsync(TaskQueue queue, CancellationToken cancellationToken = default) => runner.RunAsync(Put(queue), cancellationToken);

    /// <summary>Task form of <see cref="Patch"/>.</summary>
    /// <param name="id">The queue.</param>
    /// <param name="changes">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskQueue>> PatchAsync(TaskQueueId id, TaskQueuePatch changes, CancellationToken cancellationToken = default) => runner.RunAsync(Patch(id, changes), cancellationToken);
}
