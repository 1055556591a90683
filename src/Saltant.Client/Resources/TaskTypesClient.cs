using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>
/// Task types of one kind (<c>containertasktypes/</c> or <c>executabletasktypes/</c>), listed in id
/// order: read, find by name, create and replace (PUT; the server has no PATCH for task types). Ids
/// and drafts are of this kind only.
/// </summary>
/// <typeparam name="RT">The runtime the effects run in; <see cref="SaltantRuntime"/> for <see cref="SaltantClient"/>.</typeparam>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <typeparam name="TType">The task type record of this kind.</typeparam>
/// <typeparam name="TDraft">Its full set of writable fields.</typeparam>
public sealed class TaskTypesClient<RT, TKind, TType, TDraft>
    where RT : struct, HasCancel<RT>
    where TKind : ITaskKind
    where TType : TaskType<TKind>
    where TDraft : ITaskTypeDraft<TKind>
{
    private readonly Api api;
    private readonly Runner<RT> runner;
    private readonly Decoder<TType> decoder;
    private readonly Func<TType, TDraft> draftOf;
    private readonly ListSource<TType, TaskType<TKind>> source;
    private readonly string resource;

    internal TaskTypesClient(Api api, Runner<RT> runner, Decoder<TType> decoder, Decoder<Page<TType>> pageDecoder, Func<TType, TDraft> draftOf)
    {
        this.api = api;
        this.runner = runner;
        this.decoder = decoder;
        this.draftOf = draftOf;
        source = new(TaskTypeRequests.List, pageDecoder, t => t.Id, Option<CreationOrder<TType, TaskType<TKind>>>.None);
        resource = TKind.Kind == TaskKind.Container ? "container task type" : "executable task type";
    }

    /// <summary><c>GET {kind}tasktypes/?filters&amp;page&amp;page_size</c>: one page, with the count of all that match.</summary>
    /// <param name="filters">Filters, from <see cref="TaskTypeFilters{TKind}"/>, <see cref="ContainerTaskTypeFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<TType>> ListPage(Seq<Filter<TaskType<TKind>>> filters = default, int page = 1, Option<int> pageSize = default) =>
        api.Send<RT, Page<TType>>(TaskTypeRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), source.Decoder);

    /// <summary>Every matching task type, read as a snapshot: each once, whatever is created or changed meanwhile.</summary>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<TType>> List(Seq<Filter<TaskType<TKind>>> filters = default) =>
        Snapshot(filters).All<RT>();

    /// <summary>Every matching task type, streamed as a snapshot with a few large pages read ahead; a failure is the last item.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<TType>> Stream(Seq<Filter<TaskType<TKind>>> filters = default, CancellationToken cancellationToken = default) =>
        Snapshot(filters).Stream(runner.Make, cancellationToken);

    /// <summary><c>GET {kind}tasktypes/{id}/</c>; <see cref="NotFound"/> when there is none.</summary>
    /// <param name="id">The task type.</param>
    public Aff<RT, TType> Get(TaskTypeId<TKind> id) =>
        api.Send<RT, TType>(TaskTypeRequests.Get(id), decoder);

    /// <summary>Reads many task types with bounded concurrency: one result per id, in order.</summary>
    /// <param name="ids">The task types.</param>
    public Aff<RT, Seq<Fin<TType>>> GetMany(IEnumerable<TaskTypeId<TKind>> ids) =>
        api.Batch<RT, TaskTypeId<TKind>, TType>(ids, nameof(ids), Get);

    /// <summary>Re-reads a task type in hand (saltant-py's <c>sync</c>).</summary>
    /// <param name="type">The task type.</param>
    public Aff<RT, TType> Sync(TType type) =>
        Api.Given<RT, TType, TType>(type, nameof(type), t => Get(t.Id));

    /// <summary><c>GET {kind}tasktypes/?name=…</c>: the task type with exactly this name, or None (names are unique).</summary>
    /// <param name="name">The name.</param>
    public Aff<RT, Option<TType>> FindByName(string name) =>
        Api.Given<RT, string, Option<TType>>(name, nameof(name), n => api.First<RT, TType>(TaskTypeRequests.ByName<TKind>(n), source.Decoder));

    /// <summary>The task type with exactly this name; <see cref="NameNotFound"/> when there is none.</summary>
    /// <param name="name">The name.</param>
    public Aff<RT, TType> GetByName(string name) =>
        Api.Require(FindByName(name), resource, name);

    /// <summary><c>POST {kind}tasktypes/</c>: a task type owned by the caller; sent once, never retried.</summary>
    /// <param name="draft">The new task type.</param>
    public Aff<RT, TType> Create(TDraft draft) =>
        Api.Given<RT, TDraft, TType>(draft, nameof(draft), d => api.Send<RT, TType>(TaskTypeRequests.Create(d), decoder));

    /// <summary>Creates many task types with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <param name="drafts">The new task types.</param>
    public Aff<RT, Seq<Fin<TType>>> CreateMany(IEnumerable<TDraft> drafts) =>
        api.Batch<RT, TDraft, TType>(drafts, nameof(drafts), Create);

    /// <summary><c>PUT {kind}tasktypes/{id}/</c>: every writable field (the owner or a superuser only).</summary>
    /// <param name="id">The task type.</param>
    /// <param name="draft">All its new values.</param>
    public Aff<RT, TType> Put(TaskTypeId<TKind> id, TDraft draft) =>
        Api.Given<RT, TDraft, TType>(draft, nameof(draft), d => api.Send<RT, TType>(TaskTypeRequests.Put(id, d), decoder));

    /// <summary>Writes a task type in hand back, every field (saltant-py's <c>put</c>).</summary>
    /// <param name="type">The task type as it should be.</param>
    public Aff<RT, TType> Put(TType type) =>
        Api.Given<RT, TType, TType>(type, nameof(type), t => Put(t.Id, draftOf(t)));

    // The snapshot List, Stream and ListAsync read.
    private Snapshot<TType, TaskType<TKind>> Snapshot(Seq<Filter<TaskType<TKind>>> filters) => new(api, source, filters);

    /// <summary>Task form of <see cref="ListPage"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TType>>> ListPageAsync(Seq<Filter<TaskType<TKind>>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(ListPage(filters, page, pageSize), cancellationToken);

    /// <summary>Task form of <see cref="ListPage"/>: the first page without filters, of the settings' page size.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TType>>> ListPageAsync(CancellationToken cancellationToken) => ListPageAsync(default, 1, default, cancellationToken);

    /// <summary>Task form of <see cref="List"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TType>>> ListAsync(Seq<Filter<TaskType<TKind>>> filters = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Snapshot(filters).AllAsync, cancellationToken);

    /// <summary>Task form of <see cref="List"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TType>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get"/>.</summary>
    /// <param name="id">The task type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> GetAsync(TaskTypeId<TKind> id, CancellationToken cancellationToken = default) => runner.RunAsync(Get(id), cancellationToken);

    /// <summary>Task form of <see cref="GetMany"/>.</summary>
    /// <param name="ids">The task types.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TType>>>> GetManyAsync(IEnumerable<TaskTypeId<TKind>> ids, CancellationToken cancellationToken = default) => runner.RunAsync(GetMany(ids), cancellationToken);

    /// <summary>Task form of <see cref="Sync"/>.</summary>
    /// <param name="type">The task type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> SyncAsync(TType type, CancellationToken cancellationToken = default) => runner.RunAsync(Sync(type), cancellationToken);

    /// <summary>Task form of <see cref="FindByName"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Option<TType>>> FindByNameAsync(string name, CancellationToken cancellationToken = default) => runner.RunAsync(FindByName(name), cancellationToken);

    /// <summary>Task form of <see cref="GetByName"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> GetByNameAsync(string name, CancellationToken cancellationToken = default) => runner.RunAsync(GetByName(name), cancellationToken);

    /// <summary>Task form of <see cref="Create"/>.</summary>
    /// <param name="draft">The new task type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> CreateAsync(TDraft draft, CancellationToken cancellationToken = default) => runner.RunAsync(Create(draft), cancellationToken);

    /// <summary>Task form of <see cref="CreateMany"/>.</summary>
    /// <param name="drafts">The new task types.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TType>>>> CreateManyAsync(IEnumerable<TDraft> drafts, CancellationToken cancellationToken = default) => runner.RunAsync(CreateMany(drafts), cancellationToken);

    /// <summary>Task form of <see cref="Put(TaskTypeId{TKind}, TDraft)"/>.</summary>
    /// <param name="id">The task type.</param>
    /// <param name="draft">All its new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> PutAsync(TaskTypeId<TKind> id, TDraft draft, CancellationToken cancellationToken = default) => runner.RunAsync(Put(id, draft), cancellationToken);

    /// <summary>Task form of <see cref="Put(TType)"/>.</summary>
    /// <param name="type">The task type as it should be.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> PutAsync(TType type, CancellationToken cancellationToken = default) => runner.RunAsync(Put(type), cancellationToken);
}
