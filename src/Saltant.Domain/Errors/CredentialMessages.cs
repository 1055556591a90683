namespace Saltant.Domain;

/// <summary>
/// Tells a 403 about credentials from a 403 about permissions. saltant answers 403 (not 401) when
/// a token is missing, malformed, unknown or expired; the only way to tell is the <c>detail</c>
/// text that Django REST framework and simplejwt write, and simplejwt's <c>code</c>.
/// </summary>
public static class CredentialMessages
{
    /// <summary>The <c>code</c> values that DRF and simplejwt give authentication failures.</summary>
    public static readonly LanguageExt.Seq<string> Codes = LanguageExt.Prelude.Seq(
        "not_authenticated",
        "authentication_failed",
        "token_not_valid",
        "bad_authorization_header",
        "user_not_found",
        "user_inactive",
        "no_active_account",
        "password_changed");

    /// <summary>The <c>detail</c> texts of DRF's and simplejwt's authentication failures.</summary>
    public static readonly LanguageExt.Seq<string> Details = LanguageExt.Prelude.Seq(
        // Django REST framework: exceptions.NotAuthenticated, exceptions.AuthenticationFailed.
        "Authentication credentials were not provided.",
        "Incorrect authentication credentials.",
        // DRF TokenAuthentication and BasicAuthentication.
        "Invalid token.",
        "Invalid username/password.",
        "User inactive or deleted.",
        // simplejwt JWTAuthentication and its token checks.
        "Given token not valid for any token type",
        "Token contained no recognizable user identification",
        "User not found",
        "User is inactive",
        "Token is invalid or expired",
        "Token is blacklisted",
        "No active account found with the given credentials");

    // Families of messages that differ only in their tail ("... No credentials provided.").
    private static readonly string[] Prefixes =
    [
        "Invalid token header.",
        "Invalid basic header.",
        "Authorization header must contain",
        "Token has ",
    ];

    /// <summary>Whether a 403 with this <c>detail</c> (and <c>code</c>, if any) means the credentials were not accepted.</summary>
    /// <param name="detail">The <c>detail</c> text.</param>
    /// <param name="code">The <c>code</c>, when the server sent one.</param>
    public static bool AreAboutCredentials(string detail, string? code) =>
        (code is not null && Codes.Exists(c => c == code))
        || Details.Exists(d => d == detail)
        || Prefixes.Any(p => detail.StartsWith(p, StringComparison.Ordinal));
}
