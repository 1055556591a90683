using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Query;
using Saltant.Emulator.Store;

namespace Saltant.Emulator.Resources;

/// <summary><c>users/</c>: read-only, keyed by username, ordered by username.</summary>
internal static class UsersEndpoint
{
    private static readonly FilterField<UserRecord>[] Filters =
    [
        new("username", FilterType.Char, Lookups.Char, u => u.Username),
        new("email", FilterType.Char, Lookups.Char, u => u.Email),
    ];

    public static ApiResponse Handle(ApiContext ctx, ApiRequest req, RouteMatch route)
    {
        if (req.Method != "GET") return ApiResponse.MethodNotAllowed(req.Method);
        lock (ctx.Store.Sync)
        {
            if (route.Kind == RouteKind.Detail)
            {
                var user = ctx.Store.Users.FirstOrDefault(u => u.Username == route.Key);
                return user is null ? ApiResponse.NotFound() : ApiResponse.Json(200, JsonOut.Write(w => Serializers.User(w, user)));
            }
            var predicates = FilterSet.Build(req, Filters, out var error);
            if (predicates is null) return error!;
            var items = ctx.Store.Users.Where(u => predicates.All(p => p(u))).OrderBy(u => u.Username, StringComparer.Ordinal).ToList();
            return Paginator.Page(req, items, 100, Serializers.User);
        }
    }
}
