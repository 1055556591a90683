namespace Saltant.Domain;

/// <summary>
/// How the client proves who it is: exactly one of a DRF token, a username and password to log in
/// for JWTs, or a JWT access/refresh pair already obtained. A closed set: the cases below are the
/// only ones. Credentials are held in <see cref="Secret"/>s and never printed.
/// </summary>
/// <remarks>
/// The factories (<see cref="Token"/>, <see cref="Login"/>, <see cref="Jwt"/>) do not fail; whether
/// the parts are usable (not blank, no spaces in a token) is checked when settings are made, so
/// every problem is reported together with the other settings' problems.
/// </remarks>
public abstract record Authentication
{
    // Private so that no case can be added outside this file.
    private Authentication() { }

    /// <summary>A Django REST Framework token, sent as <c>Authorization: Token &lt;key&gt;</c>.</summary>
    /// <param name="Key">The token's key.</param>
    public sealed record DrfToken(Secret Key) : Authentication
    {
        /// <summary>Always <c>Token(***)</c>.</summary>
        public override string ToString() => "Token(***)";
    }

    /// <summary>
    /// A username and password, exchanged at <c>token/</c> for a JWT pair before the first request;
    /// requests then carry <c>Authorization: Bearer &lt;access&gt;</c>.
    /// </summary>
    /// <param name="Username">The user to log in as (not a secret).</param>
    /// <param name="Password">The user's password.</param>
    public sealed record JwtLogin(Username Username, Secret Password) : Authentication
    {
        /// <summary>The username and <c>***</c> for the password.</summary>
        public override string ToString() => $"JwtLogin({Username}, ***)";
    }

    /// <summary>
    /// A JWT pair already obtained from <c>token/</c>: requests carry
    /// <c>Authorization: Bearer &lt;access&gt;</c>, and the refresh token renews the access token
    /// at <c>token/refresh/</c>.
    /// </summary>
    /// <param name="Access">The access token.</param>
    /// <param name="Refresh">The refresh token.</param>
    public sealed record JwtTokens(Secret Access, Secret Refresh) : Authentication
    {
        /// <summary>Always <c>JwtTokens(***, ***)</c>.</summary>
        public override string ToString() => "JwtTokens(***, ***)";
    }

    /// <summary>
    /// A DRF token, as saltant-py and saltant-cli use. Surrounding whitespace is dropped: keys never
    /// contain any, and a trailing newline from a file or a shell is a common slip.
    /// </summary>
    /// <param name="key">The token's key (without the <c>Token </c> prefix).</param>
    public static Authentication Token(string key) => new DrfToken(new Secret(TrimToken(key)));

    /// <summary>
    /// A username and password to log in with for JWTs. The username is trimmed (saltant usernames
    /// have no spaces); the password is kept exactly as given.
    /// </summary>
    /// <param name="username">The username.</param>
    /// <param name="password">The password.</param>
    public static Authentication Login(string username, string password) =>
        new JwtLogin(new Username((username ?? "").Trim()), new Secret(password ?? ""));

    /// <summary>A JWT access/refresh pair already obtained; surrounding whitespace is dropped.</summary>
    /// <param name="access">The access token.</param>
    /// <param name="refresh">The refresh token.</param>
    public static Authentication Jwt(string access, string refresh) =>
        new JwtTokens(new Secret(TrimToken(access)), new Secret(TrimToken(refresh)));

    /// <summary>Calls the function for this case: an exhaustive match that the compiler checks for callers.</summary>
    /// <typeparam name="R">The result type.</typeparam>
    /// <param name="token">Called for <see cref="DrfToken"/>.</param>
    /// <param name="login">Called for <see cref="JwtLogin"/>.</param>
    /// <param name="jwt">Called for <see cref="JwtTokens"/>.</param>
    public R Match<R>(Func<DrfToken, R> token, Func<JwtLogin, R> login, Func<JwtTokens, R> jwt) => this switch
    {
        DrfToken t => token(t),
        JwtLogin l => login(l),
        JwtTokens j => jwt(j),
        _ => throw new InvalidOperationException("Authentication is a closed set."),
    };

    private static string TrimToken(string? text) => (text ?? "").Trim();
}
