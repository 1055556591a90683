using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>Task whitelists (<c>taskwhitelists/</c>): the task types a queue may run, listed in id order: read, find by name, create, replace (PUT) and change (PATCH).</summary>
/// <typeparam name="RT">The runtime the effects run in; <see cref="SaltantRuntime"/> for <see cref="SaltantClient"/>.</typeparam>
public sealed class TaskWhitelistsClient<RT>
    where RT : struct, HasCancel<RT>
{
    private static readonly ListSource<TaskWhitelist, TaskWhitelist> Source = new(TaskWhitelistRequests.List, Decoders.TaskWhitelistPage, q => q.Id, Option<CreationOrder<TaskWhitelist, TaskWhitelist>>.None);
    private readonly Api api;
    private readonly Runner<RT> runner;

    internal TaskWhitelistsClient(Api api, Runner<RT> runner)
    {
        this.api = api;
        this.runner = runner;
    }

    /// <summary><c>GET taskwhitelists/?filters&amp;page&amp;page_size</c>: one page, with the count of all that match.</summary>
    /// <param name="filters">Filters, from <see cref="TaskWhitelistFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<TaskWhitelist>> ListPage(Seq<Filter<TaskWhitelist>> filters = default, int page = 1, Option<int> pageSize = default) =>
        api.Send<RT, Page<TaskWhitelist>>(TaskWhitelistRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), Decoders.TaskWhitelistPage);

    /// <summary>Every matching whitelist, read as a snapshot: each once, whatever is created or changed meanwhile.</summary>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<TaskWhitelist>> List(Seq<Filter<TaskWhitelist>> filters = default) =>
        Snapshot(filters).All<RT>();

    /// <summary>Every matching whitelist, streamed as a snapshot with a few large pages read ahead; a failure is the last item.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<TaskWhitelist>> Stream(Seq<Filter<TaskWhitelist>> filters = default, CancellationToken cancellationToken = default) =>
        Snapshot(filters).Stream(runner.Make, cancellationToken);

    /// <summary><c>GET taskwhitelists/{id}/</c>; <see cref="NotFound"/> when there is none.</summary>
    /// <param name="id">The whitelist.</param>
    public Aff<RT, TaskWhitelist> Get(TaskWhitelistId id) =>
        api.Send<RT, TaskWhitelist>(TaskWhitelistRequests.Get(id), Decoders.TaskWhitelist);

    /// <summary>Reads many whitelists with bounded concurrency: one result per id, in order.</summary>
    /// <param name="ids">The whitelists.</param>
    public Aff<RT, Seq<Fin<TaskWhitelist>>> GetMany(IEnumerable<TaskWhitelistId> ids) =>
        api.Batch<RT, TaskWhitelistId, TaskWhitelist>(ids, nameof(ids), Get);

    /// <summary>Re-reads a whitelist in hand (saltant-py's <c>sync</c>).</summary>
    /// <param name="whitelist">The whitelist.</param>
    public Aff<RT, TaskWhitelist> Sync(TaskWhitelist whitelist) =>
        Api.Given<RT, TaskWhitelist, TaskWhitelist>(whitelist, nameof(whitelist), q => Get(q.Id));

    /// <summary><c>GET taskwhitelists/?name=…</c>: the whitelist with exactly this name, or None (names are unique).</summary>
    /// <param name="name">The name.</param>
    public Aff<RT, Option<TaskWhitelist>> FindByName(string name) =>
        Api.Given<RT, string, Option<TaskWhitelist>>(name, nameof(name), n => api.First<RT, TaskWhitelist>(TaskWhitelistRequests.ByName(n), Decoders.TaskWhitelistPage));

    /// <summary>The whitelist with exactly this name; <see cref="NameNotFound"/> when there is none.</summary>
    /// <param name="name">The name.</param>
    public Aff<RT, TaskWhitelist> GetByName(string name) =>
        Api.Require(FindByName(name), "task whitelist", name);

    /// <summary><c>POST taskwhitelists/</c>: a whitelist owned by the caller; sent once, never retried.</summary>
    /// <param name="draft">The new whitelist.</param>
    public Aff<RT, TaskWhitelist> Create(TaskWhitelistDraft draft) =>
        Api.Given<RT, TaskWhitelistDraft, TaskWhitelist>(draft, nameof(draft), d => api.Send<RT, TaskWhitelist>(TaskWhitelistRequests.Create(d), Decoders.TaskWhitelist));

    /// <summary>Creates many whitelists with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <param name="drafts">The new whitelists.</param>
    public Aff<RT, Seq<Fin<TaskWhitelist>>> CreateMany(IEnumerable<TaskWhitelistDraft> drafts) =>
        api.Batch<RT, TaskWhitelistDraft, TaskWhitelist>(drafts, nameof(drafts), Create);

    /// <summary><c>PUT taskwhitelists/{id}/</c>: every writable field (the owner or a superuser only).</summary>
    /// <param name="id">The whitelist.</param>
    /// <param name="draft">All its new values.</param>
    public Aff<RT, TaskWhitelist> Put(TaskWhitelistId id, TaskWhitelistDraft draft) =>
        Api.Given<RT, TaskWhitelistDraft, TaskWhitelist>(draft, nameof(draft), d => api.Send<RT, TaskWhitelist>(TaskWhitelistRequests.Put(id, d), Decoders.TaskWhitelist));

    /// <summary>Writes a whitelist in hand back, every field (saltant-py's <c>put</c>).</summary>
    /// <param name="whitelist">The whitelist as it should be.</param>
    public Aff<RT, TaskWhitelist> Put(TaskWhitelist whitelist) =>
        Api.Given<RT, TaskWhitelist, TaskWhitelist>(whitelist, nameof(whitelist), q => Put(q.Id, Drafts.Of(q)));

    /// <summary><c>PATCH taskwhitelists/{id}/</c>: only the fields the patch sets (the owner or a superuser only).</summary>
    /// <param name="id">The whitelist.</param>
    /// <param name="changes">The fields to change.</param>
    public Aff<RT, TaskWhitelist> Patch(TaskWhitelistId id, TaskWhitelistPatch changes) =>
        Api.Given<RT, TaskWhitelistPatch, TaskWhitelist>(changes, nameof(changes), c => api.Send<RT, TaskWhitelist>(TaskWhitelistRequests.Patch(id, c), Decoders.TaskWhitelist));

    // The snapshot List, Stream and ListAsync read.
    private Snapshot<TaskWhitelist, TaskWhitelist> Snapshot(Seq<Filter<TaskWhitelist>> filters) => new(api, Source, filters);

    /// <summary>Task form of <see cref="ListPage"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TaskWhitelist>>> ListPageAsync(Seq<Filter<TaskWhitelist>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(ListPage(filters, page, pageSize), cancellationToken);

    /// <summary>Task form of <see cref="ListPage"/>: the first page without filters, of the settings' page size.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TaskWhitelist>>> ListPageAsync(CancellationToken cancellationToken) => ListPageAsync(default, 1, default, cancellationToken);

    /// <summary>Task form of <see cref="List"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TaskWhitelist>>> ListAsync(Seq<Filter<TaskWhitelist>> filters = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Snapshot(filters).AllAsync, cancellationToken);

    /// <summary>Task form of <see cref="List"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TaskWhitelist>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get"/>.</summary>
    /// <param name="id">The whitelist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskWhitelist>> GetAsync(TaskWhitelistId id, CancellationToken cancellationToken = default) => runner.RunAsync(Get(id), cancellationToken);

    /// <summary>Task form of <see cref="GetMany"/>.</summary>
    /// <param name="ids">The whitelists.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TaskWhitelist>>>> GetManyAsync(IEnumerable<TaskWhitelistId> ids, CancellationToken cancellationToken = default) => runner.RunAsync(GetMany(ids), cancellationToken);

    /// <summary>Task form of <see cref="Sync"/>.</summary>
    /// <param name="whitelist">The whitelist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskWhitelist>> SyncAsync(TaskWhitelist whitelist, CancellationToken cancellationToken = default) => runner.RunAsync(Sync(whitelist), cancellationToken);

    /// <summary>Task form of <see cref="FindByName"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Option<TaskWhitelist>>> FindByNameAsync(string name, CancellationToken cancellationToken = default) => runner.RunAsync(FindByName(name), cancellationToken);

    /// <summary>Task form of <see cref="GetByName"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskWhitelist>> GetByNameAsync(string name, CancellationToken cancellationToken = default) => runner.RunAsync(GetByName(name), cancellationToken);

    /// <summary>Task form of <see cref="Create"/>.</summary>
    /// <param name="draft">The new whitelist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskWhitelist>> CreateAsync(TaskWhitelistDraft draft, CancellationToken cancellationToken = default) => runner.RunAsync(Create(draft), cancellationToken);

    /// <summary>Task form of <see cref="CreateMany"/>.</summary>
    /// <param name="drafts">The new whitelists.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TaskWhitelist>>>> CreateManyAsync(IEnumerable<TaskWhitelistDraft> drafts, CancellationToken cancellationToken = default) => runner.RunAsync(CreateMany(drafts), cancellationToken);

    /// <summary>Task form of <see cref="Put(TaskWhitelistId, TaskWhitelistDraft)"/>.</summary>
    /// <param name="id">The whitelist.</param>
    /// <param name="draft">All its new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskWhitelist>> PutAsync(TaskWhitelistId id, TaskWhitelistDraft draft, CancellationToken cancellationToken = default) => runner.RunAsync(Put(id, draft), cancellationToken);

    /// <summary>Task form of <see cref="Put(TaskWhitelist)"/>.</summary>
    /// <param name="whitelist">The whitelist as it should be.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskWhitelist>> PutAsync(TaskWhitelist whitelist, CancellationToken cancellationToken = default) => runner.RunAsync(Put(whitelist), cancellationToken);

    /// <summary>Task form of <see cref="Patch"/>.</summary>
    /// <param name="id">The whitelist.</param>
    /// <param name="changes">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TaskWhitelist>> PatchAsync(TaskWhitelistId id, TaskWhitelistPatch changes, CancellationToken cancellationToken = default) => runner.RunAsync(Patch(id, changes), cancellationToken);
}
