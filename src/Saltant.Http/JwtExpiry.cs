using System.Buffers.Text;
using System.Text.Json;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>Reads the <c>exp</c> claim of a JWT without validating it (the server validates; the client only plans refreshes).</summary>
internal static class JwtExpiry
{
    /// <summary>When the token expires, if it is a JWT with a numeric <c>exp</c> claim.</summary>
    internal static Option<DateTimeOffset> Of(string token)
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
                   doc.RootElement.TryGetProperty("exp", out var exp) &&
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
