using LanguageExt;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>
/// A JWT as the credential source keeps it: the secret, its header value and its claims, read once
/// when the token arrives, so a request costs no parsing (a token is sent many times, received once).
/// </summary>
internal sealed class JwtToken
{
    private JwtToken(Secret value, string header, Option<DateTimeOffset> expiry, Option<DateTimeOffset> issuedAt)
    {
        Value = value;
        Header = header;
        Expiry = expiry;
        IssuedAt = issuedAt;
    }

    /// <summary>The token itself.</summary>
    internal Secret Value { get; }

    /// <summary>The Authorization header value, <c>Bearer …</c>.</summary>
    internal string Header { get; }

    /// <summary>When it expires, if it says.</summary>
    internal Option<DateTimeOffset> Expiry { get; }

    /// <summary>When it was issued, if it says.</summary>
    internal Option<DateTimeOffset> IssuedAt { get; }

    /// <summary>How many tokens have had their claims read, in this process (for tests: one read per token received).</summary>
    internal static long ClaimReads => Interlocked.Read(ref claimReads);

    private static long claimReads;

    /// <summary>Reads a token's claims (once).</summary>
    internal static JwtToken Of(Secret token)
    {
        Interlocked.Increment(ref claimReads);
        var claims = JwtExpiry.Claims(token.Reveal());
        return new JwtToken(token, "Bearer " + token.Reveal(), claims.Expiry, claims.IssuedAt);
    }

    /// <inheritdoc />
    public override string ToString() => "Bearer ***";
}
