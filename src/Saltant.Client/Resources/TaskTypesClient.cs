using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>
/// Task types of one kind (<c>containertasktypes/</c> or <c>executabletasktypes/</c>), listed in id
/// order: read, find by name, create and replace (PUT; the server has no PATCH for task types). Ids
/// and drafts are of this kind only.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <typeparam name="TType">The task type record of this kind.</typeparam>
/// <typeparam name="TDraft">Its full set of writable fields.</typeparam>
public sealed class TaskTypesClient<TKind, TType, TDraft>
    where TKind : ITaskKind
    where TType : TaskType<TKind>
    where TDraft : ITaskTypeDraft<TKind>
{
    private readonly Api api;
    private readonly Decoder<TType> decoder;
    private readonly Func<TType, TDraft> draftOf;
    private readonly ListSource<TType, TaskType<TKind>> source;
    private readonly string resource;

    internal TaskTypesClient(Api api, Decoder<TType> decoder, Decoder<Page<TType>> pageDecoder, Func<TType, TDraft> draftOf)
    {
        this.api = api;
        this.decoder = decoder;
        this.draftOf = draftOf;
        source = new(TaskTypeRequests.List, pageDecoder, t => t.Id, Option<CreationOrder<TType, TaskType<TKind>>>.None);
        resource = TKind.Kind == TaskKind.Container ? "container task type" : "executable task type";
    }

    /// <summary><c>GET {kind}tasktypes/?filters&amp;page&amp;page_size</c>: one page, with the count of all that match.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="filters">Filters, from <see cref="TaskTypeFilters{TKind}"/>, <see cref="ContainerTaskTypeFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<TType>> ListPage<RT>(Seq<Filter<TaskType<TKind>>> filters = default, int page = 1, Option<int> pageSize = default)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, Page<TType>>(TaskTypeRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), source.Decoder);

    /// <summary>Every matching task type, read as a snapshot: each once, whatever is created or changed meanwhile.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<TType>> List<RT>(Seq<Filter<TaskType<TKind>>> filters = default)
        where RT : struct, HasCancel<RT> =>
        new Snapshot<TType, TaskType<TKind>>(api, source, filters).All<RT>();

    /// <summary>Every matching task type, streamed as a snapshot with a few large pages read ahead; a failure is the last item.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<TType>> Stream(Seq<Filter<TaskType<TKind>>> filters = default, CancellationToken cancellationToken = default) =>
        new Snapshot<TType, TaskType<TKind>>(api, source, filters).Stream(cancellationToken);

    /// <summary><c>GET {kind}tasktypes/{id}/</c>; <see cref="NotFound"/> when there is none.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="id">The task type.</param>
    public Aff<RT, TType> Get<RT>(TaskTypeId<TKind> id)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, TType>(TaskTypeRequests.Get(id), decoder);

    /// <summary>Reads many task types with bounded concurrency: one result per id, in order.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="ids">The task types.</param>
    public Aff<RT, Seq<Fin<TType>>> GetMany<RT>(IEnumerable<TaskTypeId<TKind>> ids)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, TaskTypeId<TKind>, TType>(ids, nameof(ids), Get<RT>);

    /// <summary>Re-reads a task type in hand (saltant-py's <c>sync</c>).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="type">The task type.</param>
    public Aff<RT, TType> Sync<RT>(TType type)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TType, TType>(type, nameof(type), t => Get<RT>(t.Id));

    /// <summary><c>GET {kind}tasktypes/?name=…</c>: the task type with exactly this name, or None (names are unique).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="name">The name.</param>
    public Aff<RT, Option<TType>> FindByName<RT>(string name)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, string, Option<TType>>(name, nameof(name), n => api.First<RT, TType>(TaskTypeRequests.ByName<TKind>(n), source.Decoder));

    /// <summary>The task type with exactly this name; <see cref="NameNotFound"/> when there is none.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="name">The name.</param>
    public Aff<RT, TType> GetByName<RT>(string name)
        where RT : struct, HasCancel<RT> =>
        Api.Require(FindByName<RT>(name), resource, name);

    /// <summary><c>POST {kind}tasktypes/</c>: a task type owned by the caller; sent once, never retried.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="draft">The new task type.</param>
    public Aff<RT, TType> Create<RT>(TDraft draft)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TDraft, TType>(draft, nameof(draft), d => api.Send<RT, TType>(TaskTypeRequests.Create(d), decoder));

    /// <summary>Creates many task types with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="drafts">The new task types.</param>
    public Aff<RT, Seq<Fin<TType>>> CreateMany<RT>(IEnumerable<TDraft> drafts)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, TDraft, TType>(drafts, nameof(drafts), Create<RT>);

    /// <summary><c>PUT {kind}tasktypes/{id}/</c>: every writable field (the owner or a superuser only).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="id">The task type.</param>
    /// <param name="draft">All its new values.</param>
    public Aff<RT, TType> Put<RT>(TaskTypeId<TKind> id, TDraft draft)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TDraft, TType>(draft, nameof(draft), d => api.Send<RT, TType>(TaskTypeRequests.Put(id, d), decoder));

    /// <summary>Writes a task type in hand back, every field (saltant-py's <c>put</c>).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="type">The task type as it should be.</param>
    public Aff<RT, TType> Put<RT>(TType type)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TType, TType>(type, nameof(type), t => Put<RT>(t.Id, draftOf(t)));

    /// <summary>Task form of <see cref="ListPage{RT}"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TType>>> ListPageAsync(Seq<Filter<TaskType<TKind>>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        ListPage<SaltantRuntime>(filters, page, pageSize).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List{RT}"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TType>>> ListAsync(Seq<Filter<TaskType<TKind>>> filters = default, CancellationToken cancellationToken = default) =>
        List<SaltantRuntime>(filters).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List{RT}"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TType>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get{RT}"/>.</summary>
    /// <param name="id">The task type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> GetAsync(TaskTypeId<TKind> id, CancellationToken cancellationToken = default) => Get<SaltantRuntime>(id).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="GetMany{RT}"/>.</summary>
    /// <param name="ids">The task types.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TType>>>> GetManyAsync(IEnumerable<TaskTypeId<TKind>> ids, CancellationToken cancellationToken = default) => GetMany<SaltantRuntime>(ids).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Sync{RT}"/>.</summary>
    /// <param name="type">The task type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> SyncAsync(TType type, CancellationToken cancellationToken = default) => Sync<SaltantRuntime>(type).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="FindByName{RT}"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Option<TType>>> FindByNameAsync(string name, CancellationToken cancellationToken = default) => FindByName<SaltantRuntime>(name).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="GetByName{RT}"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> GetByNameAsync(string name, CancellationToken cancellationToken = default) => GetByName<SaltantRuntime>(name).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Create{RT}"/>.</summary>
    /// <param name="draft">The new task type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> CreateAsync(TDraft draft, CancellationToken cancellationToken = default) => Create<SaltantRuntime>(draft).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="CreateMany{RT}"/>.</summary>
    /// <param name="drafts">The new task types.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TType>>>> CreateManyAsync(IEnumerable<TDraft> drafts, CancellationToken cancellationToken = default) => CreateMany<SaltantRuntime>(drafts).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Put{RT}(TaskTypeId{TKind}, TDraft)"/>.</summary>
    /// <param name="id">The task type.</param>
    /// <param name="draft">All its new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> PutAsync(TaskTypeId<TKind> id, TDraft draft, CancellationToken cancellationToken = default) => Put<SaltantRuntime>(id, draft).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Put{RT}(TType)"/>.</summary>
    /// <param name="type">The task type as it should be.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TType>> PutAsync(TType type, CancellationToken cancellationToken = default) => Put<SaltantRuntime>(type).RunAsync(cancellationToken);
}
