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
            return Paginator.Filtered(req, Filters, ctx.Store.Users.OrderBy(u => u.Username, StringComparer.Ordinal), 100, Serializers.User);
        }
    }
}
