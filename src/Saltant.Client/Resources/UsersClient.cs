using LanguageExt;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>Users (<c>users/</c>): read-only, keyed by username, ordered by username.</summary>
public sealed class UsersClient : ResourceClient<User, Username, User>
{
    internal UsersClient(SaltantConnection connection, Settings settings)
        : base(connection, settings, new ResourceRoutes<User, Username, User>(
            UserRequests.List,
            UserRequests.Get,
            u => u.Username,
            _ => FinFail<ApiRequest>(new InvalidRequestInput("name", "users have no name field; use the username")),
            "user",
            Decoders.User,
            Decoders.UserPage))
    {
    }
}
