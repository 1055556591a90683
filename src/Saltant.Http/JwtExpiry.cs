using System.Buffers.Text;
using System.Text.Json;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>Reads the <c>exp</c> and <c>iat</c> claims of a JWT without validating it (the server validates; the client only plans refreshes).</summary>
internal static class JwtExpiry
{
    /// <summary>When the token expires, if it is a JWT with a numeric <c>exp</c> claim.</summary>
    internal static Option<DateTimeOffset> Of(string token) => Claim(token, "exp");

    /// <summary>When the token was issued, if it is a JWT with a numeric <c>iat</c> claim.</summary>
    internal static Option<DateTimeOffset> IssuedAt(string token) => Claim(token, "iat");

    private static Option<DateTimeOffset> Claim(string token, string claim)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return None;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.ValueKind == JsonValueKind.Object &&
                   doc.RootElement.TryGetProperty(claim, out var exp) &&
                   exp.TryGetInt64(out var seconds) &&
                   seconds is > 0 and < 253402300799
                ? Some(DateTimeOffset.FromUnixTimeSeconds(seconds))
                : None;
        }
        catch (FormatException)
        {
            return None;
        }
        catch (JsonException)
        {
            return None;
        }
    }
}
