using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>Users (<c>users/</c>): read-only, keyed by username, listed in username order.</summary>
/// <typeparam name="RT">The runtime the effects run in; <see cref="SaltantRuntime"/> for <see cref="SaltantClient"/>.</typeparam>
public sealed class UsersClient<RT>
    where RT : struct, HasCancel<RT>
{
    private static readonly ListSource<User, User> Source = new(UserRequests.List, Decoders.UserPage, u => u.Username, LanguageExt.Option<CreationOrder<User, User>>.None);
    private readonly Api api;
    private readonly Runner<RT> runner;

    internal UsersClient(Api api, Runner<RT> runner)
    {
        this.api = api;
        this.runner = runner;
    }

    /// <summary><c>GET users/?filters&amp;page&amp;page_size</c>: one page, with the count of all that match.</summary>
    /// <param name="filters">Filters, from <see cref="UserFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<User>> ListPage(Seq<Filter<User>> filters = default, int page = 1, Option<int> pageSize = default) =>
        api.Send<RT, Page<User>>(UserRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), Decoders.UserPage);

    /// <summary>Every matching user, read as a snapshot (each once, see <see cref="Stream(Seq{Filter{User}}, CancellationToken)"/>).</summary>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<User>> List(Seq<Filter<User>> filters = default) =>
        Snapshot(filters).All<RT>();

    /// <summary>
    /// Every matching user, streamed in order with a few large pages read ahead; each user once, even
    /// if users are added meanwhile. A failure is the last item; nothing is thrown.
    /// </summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<User>> Stream(Seq<Filter<User>> filters = default, CancellationToken cancellationToken = default) =>
        Snapshot(filters).Stream(runner.Make, cancellationToken);

    /// <summary><c>GET users/{username}/</c>; <see cref="NotFound"/> when there is no such user.</summary>
    /// <param name="username">The username.</param>
    public Aff<RT, User> Get(Username username) =>
        api.Send<RT, User>(UserRequests.Get(username), Decoders.User);

    /// <summary>Reads many users with bounded concurrency: one result per username, in order.</summary>
    /// <param name="usernames">The usernames.</param>
    public Aff<RT, Seq<Fin<User>>> GetMany(IEnumerable<Username> usernames) =>
        api.Batch<RT, Username, User>(usernames, nameof(usernames), Get);

    /// <summary>Re-reads a user in hand (saltant-py's <c>sync</c>).</summary>
    /// <param name="user">The user.</param>
    public Aff<RT, User> Sync(User user) =>
        Api.Given<RT, User, User>(user, nameof(user), u => Get(u.Username));

    // The snapshot List, Stream and ListAsync read.
    private Snapshot<User, User> Snapshot(Seq<Filter<User>> filters) => new(api, Source, filters);

    /// <summary>Task form of <see cref="ListPage"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<User>>> ListPageAsync(Seq<Filter<User>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(ListPage(filters, page, pageSize), cancellationToken);

    /// <summary>Task form of <see cref="ListPage"/>: the first page without filters, of the settings' page size.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<User>>> ListPageAsync(CancellationToken cancellationToken) => ListPageAsync(default, 1, default, cancellationToken);

    /// <summary>Task form of <see cref="List"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<User>>> ListAsync(Seq<Filter<User>> filters = default, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Snapshot(filters).AllAsync, cancellationToken);

    /// <summary>Task form of <see cref="List"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<User>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get"/>.</summary>
    /// <param name="username">The username.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<User>> GetAsync(Username username, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Get(username), cancellationToken);

    /// <summary>Task form of <see cref="GetMany"/>.</summary>
    /// <param name="usernames">The usernames.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<User>>>> GetManyAsync(IEnumerable<Username> usernames, CancellationToken cancellationToken = default) =>
        runner.RunAsync(GetMany(usernames), cancellationToken);

    /// <summary>Task form of <see cref="Sync"/>.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<User>> SyncAsync(User user, CancellationToken cancellationToken = default) => runner.RunAsync(Sync(user), cancellationToken);
}
