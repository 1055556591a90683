using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Store;

namespace Saltant.Emulator.Auth;

/// <summary>
/// DRF's authentication chain as saltant configures it: Token, then JWT (Bearer). Failures are 403
/// (the first class, session auth, sends no WWW-Authenticate header, so DRF downgrades 401 to 403).
/// </summary>
internal sealed class Authenticator(EmulatorStore store, JwtService jwt)
{
    /// <summary>Returns the user, null for anonymous, or an error response for bad credentials.</summary>
    public UserRecord? Authenticate(ApiRequest request, out ApiResponse? failure)
    {
        failure = null;
        var header = request.Authorization;
        if (string.IsNullOrEmpty(header)) return null;
        var parts = header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;

        if (parts[0].Equals("token", StringComparison.OrdinalIgnoreCase))
        {
            if (parts.Length == 1) { failure = ApiResponse.Detail(403, "Invalid token header. No credentials provided."); return null; }
            if (parts.Length > 2) { failure = ApiResponse.Detail(403, "Invalid token header. Token string should not contain spaces."); return null; }
            lock (store.Sync)
            {
                if (store.UsersByToken.TryGetValue(parts[1], out var user)) return user;
            }
            failure = ApiResponse.Detail(403, "Invalid token.");
            return null;
        }

        if (parts[0] == "Bearer")
        {
            if (parts.Length != 2)
            {
                failure = Coded("Authorization header must contain two space-delimited values", "bad_authorization_header");
                return null;
            }
            if (!jwt.TryValidate(parts[1], "access", out int userId, out var error))
            {
                failure = ApiResponse.Json(403, JsonOut.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("detail", "Given token not valid for any token type");
                    w.WriteString("code", "token_not_valid");
                    w.WriteStartArray("messages");
                    w.WriteStartObject();
                    w.WriteString("token_class", "AccessToken");
                    w.WriteString("token_type", "access");
                    w.WriteString("message", error);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
                return null;
            }
            lock (store.Sync)
            {
                var user = store.UserById(userId);
                if (user is not null) return user;
            }
            failure = Coded("User not found", "user_not_found");
            return null;
        }
        // Unknown schemes (Basic: not enabled on saltant) are simply not credentials.
        return null;
    }

    private static ApiResponse Coded(string detail, string code) => ApiResponse.Json(403, JsonOut.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("detail", detail);
        w.WriteString("code", code);
        w.WriteEndObject();
    }));
}
