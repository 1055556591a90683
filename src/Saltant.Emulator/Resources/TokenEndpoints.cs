using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Validation;

namespace Saltant.Emulator.Resources;

/// <summary>
/// simplejwt's <c>token/</c> and <c>token/refresh/</c>: no authentication classes at all (a bad
/// Authorization header is ignored), POST only, 401 for bad credentials or tokens.
/// </summary>
internal static class TokenEndpoints
{
    public static ApiResponse Obtain(ApiContext ctx, ApiRequest req)
    {
        if (req.Method != "POST") return ApiResponse.MethodNotAllowed(req.Method);
        if (!req.TryGetData(out var data, out var bad)) return bad!;
        if (!data.IsMapping) return FieldErrors.NotAMapping(data);
        var e = new FieldErrors();
        Fields.Char(data, "username", e, out var username, required: true);
        Fields.Char(data, "password", e, out var password, required: true);
        if (e.Any) return e.ToResponse();
        // simplejwt 4.3's PasswordField is a plain CharField: the password is trimmed like the username.
        Store.UserRecord? user;
        lock (ctx.Store.Sync) user = ctx.Store.Users.FirstOrDefault(u => u.Username == username && u.Password == password);
        if (user is null) return ApiResponse.Detail(401, "No active account found with the given credentials");
        var refresh = ctx.Jwt.Issue(user.Id, "refresh");
        var access = ctx.Jwt.Issue(user.Id, "access");
        return ApiResponse.Json(200, JsonOut.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("refresh", refresh);
            w.WriteString("access", access);
            w.WriteEndObject();
        }));
    }

    public static ApiResponse Refresh(ApiContext ctx, ApiRequest req)
    {
        if (req.Method != "POST") return ApiResponse.MethodNotAllowed(req.Method);
        if (!req.TryGetData(out var data, out var bad)) return bad!;
        if (!data.IsMapping) return FieldErrors.NotAMapping(data);
        var e = new FieldErrors();
        Fields.Char(data, "refresh", e, out var token, required: true);
        if (e.Any) return e.ToResponse();
        if (!ctx.Jwt.TryValidate(token!, "refresh", out int userId, out var error))
        {
            return ApiResponse.Json(401, JsonOut.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("detail", error);
                w.WriteString("code", "token_not_valid");
                w.WriteEndObject();
            }));
        }
        var access = ctx.Jwt.Issue(userId, "access");
        return ApiResponse.Json(200, JsonOut.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("access", access);
            w.WriteEndObject();
        }));
    }
}
