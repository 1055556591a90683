using LanguageExt;
using Saltant.Domain;
using Saltant.Http;

namespace Saltant.Client;

/// <summary>
/// What every resource's client offers: one page, a read-ahead stream, the whole list, a read by
/// key, and re-reading a record in hand; each as an <c>Aff</c> and as a <c>Task&lt;Fin&lt;T&gt;&gt;</c>.
/// </summary>
/// <typeparam name="TRecord">The record served.</typeparam>
/// <typeparam name="TKey">Its key (id, UUID or username).</typeparam>
/// <typeparam name="TFilter">The type its filters are typed on.</typeparam>
public abstract class ResourceClient<TRecord, TKey, TFilter>
{
    private readonly Lister<TRecord, TFilter> lister;
    private readonly Func<TKey, Fin<ApiRequest>> get;
    private readonly Func<TRecord, TKey> keyOf;

    private protected ResourceClient(SaltantConnection connection, Settings settings, ResourceRoutes<TRecord, TKey, TFilter> routes)
    {
        Connection = connection;
        Settings = settings;
        RecordDecoder = routes.Record;
        lister = new Lister<TRecord, TFilter>(connection, settings, routes.List, routes.Page);
        get = routes.Get;
        keyOf = routes.KeyOf;
    }

    private protected SaltantConnection Connection { get; }

    private protected Settings Settings { get; }

    private protected Decoder<TRecord> RecordDecoder { get; }

    private protected Lister<TRecord, TFilter> Lister => lister;

    /// <summary>One page, in the server's order, with the total count.</summary>
    /// <param name="filters">Filters for this resource.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<SaltantRuntime, Page<TRecord>> ListPage(Seq<Filter<TFilter>> filters = default, int page = 1, Option<int> pageSize = default) =>
        lister.Page(filters, page, pageSize);

    /// <summary>
    /// Every matching record, streamed page by page: after the first page, further pages are
    /// fetched ahead concurrently (the settings' read-ahead) and yielded in order. Memory holds a
    /// few pages at most. A failure arrives as the last item; nothing is thrown.
    /// </summary>
    /// <param name="filters">Filters for this resource.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<TRecord>> Stream(Seq<Filter<TFilter>> filters = default, CancellationToken cancellationToken = default) =>
        lister.Stream(filters, cancellationToken);

    /// <summary>Every matching record, collected from the stream.</summary>
    /// <param name="filters">Filters for this resource.</param>
    public Aff<SaltantRuntime, Seq<TRecord>> List(Seq<Filter<TFilter>> filters = default) => lister.All(filters);

    /// <summary>The record with this key; <see cref="NotFound"/> when there is none.</summary>
    /// <param name="key">The key.</param>
    public Aff<SaltantRuntime, TRecord> Get(TKey key) => Calls.Send(Connection, get(key), RecordDecoder);

    /// <summary>Re-reads a record in hand (saltant-py's <c>sync</c>).</summary>
    /// <param name="record">The record.</param>
    public Aff<SaltantRuntime, TRecord> Sync(TRecord record) => Calls.Given(record, nameof(record), r => Get(keyOf(r)));

    /// <summary>Reads many records with bounded concurrency (the settings' batch concurrency): one result per key, in order.</summary>
    /// <param name="keys">The keys.</param>
    public Aff<SaltantRuntime, Seq<Fin<TRecord>>> GetMany(IEnumerable<TKey> keys) =>
        Calls.Given(keys, nameof(keys), k => Calls.Batch(k, Get, Settings.BatchConcurrency));

    /// <summary>Task form of <see cref="ListPage"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<TRecord>>> ListPageAsync(Seq<Filter<TFilter>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        ListPage(filters, page, pageSize).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<TRecord>>> ListAsync(Seq<Filter<TFilter>> filters = default, CancellationToken cancellationToken = default) =>
        List(filters).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Get"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TRecord>> GetAsync(TKey key, CancellationToken cancellationToken = default) => Get(key).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Sync"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TRecord>> SyncAsync(TRecord record, CancellationToken cancellationToken = default) => Sync(record).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="GetMany"/>.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<TRecord>>>> GetManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default) => GetMany(keys).RunAsync(cancellationToken);

    private protected Aff<SaltantRuntime, TRecord> Send(ApiRequest request) => Calls.Send(Connection, request, RecordDecoder);
}

/// <summary>A resource whose records have unique names: adds lookups by name.</summary>
/// <typeparam name="TRecord">The record served.</typeparam>
/// <typeparam name="TKey">Its key.</typeparam>
/// <typeparam name="TFilter">The type its filters are typed on.</typeparam>
public abstract class NamedResourceClient<TRecord, TKey, TFilter> : ResourceClient<TRecord, TKey, TFilter>
{
    private readonly Func<string, Fin<ApiRequest>> byName;
    private readonly string resourceName;

    private protected NamedResourceClient(SaltantConnection connection, Settings settings, ResourceRoutes<TRecord, TKey, TFilter> routes)
        : base(connection, settings, routes)
    {
        byName = routes.ByName;
        resourceName = routes.ResourceName;
    }

    /// <summary>The record with exactly this name, or None (names are unique).</summary>
    /// <param name="name">The name.</param>
    public Aff<SaltantRuntime, Option<TRecord>> FindByName(string name) => Calls.Given(name, nameof(name), n => Lister.FindByName(byName(n)));

    /// <summary>The record with exactly this name; fails with <see cref="NameNotFound"/> when there is none.</summary>
    /// <param name="name">The name.</param>
    public Aff<SaltantRuntime, TRecord> GetByName(string name) => Calls.Require(FindByName(name), resourceName, name);

    /// <summary>Task form of <see cref="FindByName"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Option<TRecord>>> FindByNameAsync(string name, CancellationToken cancellationToken = default) => FindByName(name).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="GetByName"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<TRecord>> GetByNameAsync(string name, CancellationToken cancellationToken = default) => GetByName(name).RunAsync(cancellationToken);
}
