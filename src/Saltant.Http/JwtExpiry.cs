using System.Buffers.Text;
using System.Text.Json;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>Reads the <c>exp</c> and <c>iat</c> claims of a JWT without validating it (the server validates; the client only plans refreshes).</summary>
internal static class JwtExpiry
{
    /// <summary>When the token expires and when it was issued, each if it is a JWT with that numeric claim; one parse for both.</summary>
    internal static (Option<DateTimeOffset> Expiry, Option<DateTimeOffset> IssuedAt) Claims(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (None, None);
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? (Claim(doc.RootElement, "exp"), Claim(doc.RootElement, "iat"))
                : (None, None);
        }
        catch (FormatException)
        {
            return (None, None);
        }
        catch (JsonException)
        {
            return (None, None);
        }
    }

    private static Option<DateTimeOffset> Claim(JsonElement payload, string claim) =>
        payload.TryGetProperty(claim, out var value) &&
        value.TryGetInt64(out var seconds) &&
        seconds is > 0 and < 253402300799
            ? Some(DateTimeOffset.FromUnixTimeSeconds(seconds))
            : None;
}
