using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>Requests of <c>users/</c>, which the server serves read-only (GET).</summary>
public static class UserRequests
{
    private const string Resource = "users";

    /// <summary><c>GET users/?filters&amp;page&amp;page_size</c>, ordered by username.</summary>
    /// <param name="filters">Filters, from <see cref="UserFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page, from 1 (the server's default is 100).</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a filter with a problem or a page or size below 1.</returns>
    public static Fin<ApiRequest> List(Seq<Filter<User>> filters = default, Option<int> page = default, Option<int> pageSize = default) =>
        RequestShapes.List(Resource, filters, page, pageSize);

    /// <summary>
    /// <c>GET users/{username}/</c>. The server's route matches no username that is empty or holds
    /// <c>.</c> or <c>/</c> (its key pattern is <c>[^/.]+</c>), so those are refused here rather
    /// than answered 404 there; list with <c>UserFilters.Username.Is(name)</c> to find such a user.
    /// </summary>
    /// <param name="username">The username.</param>
    public static Fin<ApiRequest> Get(Username username)
    {
        var name = username.Value ?? "";
        if (name.Length == 0)
        {
            return new InvalidRequestInput("username", "it is empty.");
        }

        if (name.Contains('.', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal))
        {
            return new InvalidRequestInput("username", $"the server's users/{{username}}/ route cannot match \"{name}\" because it holds '.' or '/'; list users filtered on the username instead.");
        }

        return RequestShapes.Read(Seq(Resource, name), "users/{username}/");
    }
}
