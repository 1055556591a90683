using LanguageExt;
using Saltant.Domain;
using Saltant.Http;

namespace Saltant.Client;

/// <summary>Turns the settings' authentication into the credential source the connection sends with.</summary>
internal static class Credentials
{
    /// <summary>
    /// The source for an authentication. JWT sources log in and refresh through the same
    /// connection (those requests are anonymous), which exists only after the source: hence the thunk.
    /// </summary>
    internal static ICredentialSource For(Authentication authentication, Func<SaltantConnection> connection, TimeProvider clock) =>
        authentication.Match<ICredentialSource>(
            token => new TokenCredentialSource(token.Key),
            login => new JwtCredentialSource(
                ct => connection().Send<SaltantRuntime, JwtPair>(JwtRequests.Obtain(login.Username, login.Password), Decoders.JwtPair).RunAsync(ct),
                (refresh, ct) => connection().Send<SaltantRuntime, JwtAccess>(JwtRequests.Refresh(refresh), Decoders.JwtAccess).RunAsync(ct),
                clock),
            jwt => new JwtCredentialSource(
                new JwtPair(jwt.Access, jwt.Refresh),
                (refresh, ct) => connection().Send<SaltantRuntime, JwtAccess>(JwtRequests.Refresh(refresh), Decoders.JwtAccess).RunAsync(ct),
                clock));
}
