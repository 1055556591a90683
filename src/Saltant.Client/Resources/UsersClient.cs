using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>Users (<c>users/</c>): read-only, keyed by username, listed in username order.</summary>
public sealed class UsersClient
{
    private static readonly ListSource<User, User> Source = new(UserRequests.List, Decoders.UserPage, u => u.Username, LanguageExt.Option<CreationOrder<User, User>>.None);
    private readonly Api api;

    internal UsersClient(Api api) => this.api = api;

    /// <summary><c>GET users/?filters&amp;page&amp;page_size</c>: one page, with the count of all that match.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="filters">Filters, from <see cref="UserFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page; the settings' page size when None.</param>
    public Aff<RT, Page<User>> ListPage<RT>(Seq<Filter<User>> filters = default, int page = 1, Option<int> pageSize = default)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, Page<User>>(UserRequests.List(filters, page, pageSize.IfNone(api.Settings.PageSize)), Decoders.UserPage);

    /// <summary>Every matching user, read as a snapshot (each once, see <see cref="Stream(Seq{Filter{User}}, CancellationToken)"/>).</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="filters">Filters.</param>
    public Aff<RT, Seq<User>> List<RT>(Seq<Filter<User>> filters = default)
        where RT : struct, HasCancel<RT> =>
        new Snapshot<User, User>(api, Source, filters).All<RT>();

    /// <summary>
    /// Every matching user, streamed in order with a few large pages read ahead; each user once, even
    /// if users are added meanwhile. A failure is the last item; nothing is thrown.
    /// </summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Ends the stream with a <see cref="Cancelled"/> item.</param>
    public IAsyncEnumerable<Fin<User>> Stream(Seq<Filter<User>> filters = default, CancellationToken cancellationToken = default) =>
        new Snapshot<User, User>(api, Source, filters).Stream(cancellationToken);

    /// <summary><c>GET users/{username}/</c>; <see cref="NotFound"/> when there is no such user.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="username">The username.</param>
    public Aff<RT, User> Get<RT>(Username username)
        where RT : struct, HasCancel<RT> =>
        api.Send<RT, User>(UserRequests.Get(username), Decoders.User);

    /// <summary>Reads many users with bounded concurrency: one result per username, in order.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="usernames">The usernames.</param>
    public Aff<RT, Seq<Fin<User>>> GetMany<RT>(IEnumerable<Username> usernames)
        where RT : struct, HasCancel<RT> =>
        api.Batch<RT, Username, User>(usernames, nameof(usernames), Get<RT>);

    /// <summary>Task form of <see cref="ListPage{RT}"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Page<User>>> ListPageAsync(Seq<Filter<User>> filters = default, int page = 1, Option<int> pageSize = default, CancellationToken cancellationToken = default) =>
        ListPage<SaltantRuntime>(filters, page, pageSize).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List{RT}"/>.</summary>
    /// <param name="filters">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<User>>> ListAsync(Seq<Filter<User>> filters = default, CancellationToken cancellationToken = default) =>
        List<SaltantRuntime>(filters).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="List{RT}"/> without filters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<Seq<User>>> ListAsync(CancellationToken cancellationToken) => ListAsync(default, cancellationToken);

    /// <summary>Task form of <see cref="Get{RT}"/>.</summary>
    /// <param name="username">The username.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<User>> GetAsync(Username username, CancellationToken cancellationToken = default) =>
        Get<SaltantRuntime>(username).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="GetMany{RT}"/>.</summary>
    /// <param name="usernames">The usernames.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public Task<Fin<Seq<Fin<User>>>> GetManyAsync(IEnumerable<Username> usernames, CancellationToken cancellationToken = default) =>
        GetMany<SaltantRuntime>(usernames).RunAsync(cancellationToken);
}
