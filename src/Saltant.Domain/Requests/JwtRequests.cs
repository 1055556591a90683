using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>Requests of <c>token/</c> and <c>token/refresh/</c>, which issue JWTs and are sent without credentials.</summary>
public static class JwtRequests
{
    /// <summary>
    /// <c>POST token/</c> with username and password: 200 with a refresh and an access token.
    /// Safe to repeat (a second pair only replaces the first; nothing is created on the server);
    /// sent anonymously.
    /// </summary>
    /// <param name="username">The user.</param>
    /// <param name="password">The password (it goes into the body, which <see cref="ApiRequest.ToString"/> never prints).</param>
    public static ApiRequest Obtain(Username username, Secret password) =>
        new(HttpVerb.Post, Seq1("token"), Seq<(string, string)>(),
            new RequestBody.JsonBody(Json.Object(
                ("username", Json.Of(username.Value ?? "")),
                ("password", Json.Of(password.Reveal())))),
            200, SafeToRetry: true, "token/", Anonymous: true);

    /// <summary><c>POST token/refresh/</c> with a refresh token: 200 with a new access token. Safe to repeat; sent anonymously.</summary>
    /// <param name="refresh">The refresh token.</param>
    public static ApiRequest Refresh(Secret refresh) =>
        new(HttpVerb.Post, Seq("token", "refresh"), Seq<(string, string)>(),
            new RequestBody.JsonBody(Json.Object(("refresh", Json.Of(refresh.Reveal())))),
            200, SafeToRetry: true, "token/refresh/", Anonymous: true);
}
