using LanguageExt;
using Saltant.Domain;
using Saltant.Http;

namespace Saltant.Client;

/// <summary>A named resource that can be created and replaced (PUT): task types, queues, whitelists.</summary>
/// <typeparam name="TRecord">The record served.</typeparam>
/// <typeparam name="TKey">Its id.</typeparam>
/// <typeparam name="TFilter">The type its filters are typed on: the record, or for task types the kind's <see cref="TaskType{TKind}"/>.</typeparam>
/// <typeparam name="TDraft">The full set of writable fields.</typeparam>
public abstract class WritableResourceClient<TRecord, TKey, TFilter, TDraft> : NamedResourceClient<TRecord, TKey, TFilter>
{
    private readonly Func<TDraft, ApiRequest> create;
    private readonly Func<TKey, TDraft, ApiRequest> put;
    private readonly Func<TRecord, TKey> keyOf;
    private readonly Func<TRecord, TDraft> draftOf;

    private protected WritableResourceClient(
        SaltantConnection connection,
        Settings settings,
        ResourceRoutes<TRecord, TKey, TFilter> routes,
        Func<TDraft, ApiRequest> create,
        Func<TKey, TDraft, ApiRequest> put,
        Func<TRecord, TDraft> draftOf)
        : base(connection, settings, routes)
    {
        this.create = create;
        this.put = put;
        keyOf = routes.KeyOf;
        this.draftOf = draftOf;
    }

    /// <summary>Creates a record owned by the caller; what the draft leaves at its defaults gets the server's defaults. Sent once, never retried.</summary>
    /// <param name="draft">The new record.</param>
    public Aff<SaltantRuntime, TRecord> Create(TDraft draft) => Calls.Given(draft, nameof(draft), d => Send(create(d)));

    /// <summary>Creates many records with bounded concurrency: one result per draft, in order, failures included.</summary>
    /// <param name="drafts">The new records.</param>
    public Aff<SaltantRuntime, Seq<Fin<TRecord>>> CreateMany(IEnumerable<TDraft> drafts) =>
        Calls.Given(drafts, nameof(drafts), d => Calls.Batch(d, Create, Settings.BatchConcurrency));

    /// <summary>Replaces every writable field (the owner or a superuser only).</summary>
    /// <param name="key">The record.</param>
    /// <param name="draft">All its new values.</param>
    public Aff<SaltantRuntime, TRecord> Put(TKey key, TDraft draft) => Calls.Given(draft, nameof(draft), d => Send(put(key, d)));

    /// <summary>Writes a record in hand back, every field (saltant-py's <c>put</c>).</summary>
    /// <param name="record">The record as it should be.</param>
    public Aff<SaltantRuntime, TRecord> Put(TRecord record) => Calls.Given(record, nameof(record), r => Put(keyOf(r), draftOf(r)));

    /// <summary>Task form of <see cref="Create"/>.</summary>
    /// <param name="draft">The new record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TRecord>> CreateAsync(TDraft draft, CancellationToken cancellationToken = default) => Create(draft).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="CreateMany"/>.</summary>
    /// <param name="drafts">The new records.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TRecord>>>> CreateManyAsync(IEnumerable<TDraft> drafts, CancellationToken cancellationToken = default) => CreateMany(drafts).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Put(TKey, TDraft)"/>.</summary>
    /// <param name="key">The record.</param>
    /// <param name="draft">All its new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TRecord>> PutAsync(TKey key, TDraft draft, CancellationToken cancellationToken = default) => Put(key, draft).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Put(TRecord)"/>.</summary>
    /// <param name="record">The record as it should be.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TRecord>> PutAsync(TRecord record, CancellationToken cancellationToken = default) => Put(record).RunAsync(cancellationToken);
}

/// <summary>A writable resource that can also be changed field by field (PATCH): queues and whitelists.</summary>
/// <typeparam name="TRecord">The record served.</typeparam>
/// <typeparam name="TKey">Its id.</typeparam>
/// <typeparam name="TDraft">The full set of writable fields.</typeparam>
/// <typeparam name="TPatch">The fields to change, each optional.</typeparam>
public abstract class PatchableResourceClient<TRecord, TKey, TDraft, TPatch> : WritableResourceClient<TRecord, TKey, TRecord, TDraft>
{
    private readonly Func<TKey, TPatch, ApiRequest> patch;

    private protected PatchableResourceClient(
        SaltantConnection connection,
        Settings settings,
        ResourceRoutes<TRecord, TKey, TRecord> routes,
        Func<TDraft, ApiRequest> create,
        Func<TKey, TDraft, ApiRequest> put,
        Func<TRecord, TDraft> draftOf,
        Func<TKey, TPatch, ApiRequest> patch)
        : base(connection, settings, routes, create, put, draftOf) => this.patch = patch;

    /// <summary>Changes only the fields the patch sets (the owner or a superuser only).</summary>
    /// <param name="key">The record.</param>
    /// <param name="changes">The fields to change.</param>
    public Aff<SaltantRuntime, TRecord> Patch(TKey key, TPatch changes) => Calls.Given(changes, nameof(changes), c => Send(patch(key, c)));

    /// <summary>Task form of <see cref="Patch"/>.</summary>
    /// <param name="key">The record.</param>
    /// <param name="changes">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TRecord>> PatchAsync(TKey key, TPatch changes, CancellationToken cancellationToken = default) => Patch(key, changes).RunAsync(cancellationToken);
}
