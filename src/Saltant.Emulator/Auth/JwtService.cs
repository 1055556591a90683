using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Auth;

/// <summary>
/// simplejwt-compatible HS256 tokens signed with a key private to one emulator, so a token from one
/// emulator is garbage to another. Expiry is judged by the emulator's clock.
/// </summary>
internal sealed class JwtService(TimeProvider clock, TimeSpan accessLifetime, TimeSpan refreshLifetime)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(int userId, string tokenType)
    {
        var now = clock.GetUtcNow();
        var life = tokenType == "access" ? accessLifetime : refreshLifetime;
        var header = B64(Encoding.UTF8.GetBytes("{\"typ\":\"JWT\",\"alg\":\"HS256\"}"));
        var payload = B64(JsonOut.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("token_type", tokenType);
            w.WriteNumber("exp", (now + life).ToUnixTimeSeconds());
            w.WriteNumber("iat", now.ToUnixTimeSeconds());
            w.WriteString("jti", Guid.NewGuid().ToString("N"));
            w.WriteNumber("user_id", userId);
            w.WriteEndObject();
        }));
        var signingInput = header + "." + payload;
        return signingInput + "." + B64(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>Validates a token; the error texts are simplejwt's TokenError messages.</summary>
    public bool TryValidate(string token, string expectedType, out int userId, out string error)
    {
        userId = 0;
        error = "Token is invalid or expired";
        var parts = token.Split('.');
        if (parts.Length != 3) return false;
        byte[] sig, payloadBytes;
        try { sig = FromB64(parts[2]); payloadBytes = FromB64(parts[1]); }
        catch (FormatException) { return false; }
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(sig, expected)) return false;
        JsonObject payload;
        try { payload = JsonNode.Parse(payloadBytes) as JsonObject ?? throw new JsonException(); }
        catch (JsonException) { return false; }
        if (payload["exp"] is not JsonValue expNode || !expNode.TryGetValue(out long exp) || exp <= clock.GetUtcNow().ToUnixTimeSeconds()) return false;
        if (payload["token_type"]?.GetValue<string>() != expectedType) { error = "Token has wrong type"; return false; }
        if (payload["jti"] is null) { error = "Token has no id"; return false; }
        if (payload["user_id"] is not JsonValue uid || !uid.TryGetValue(out userId)) { error = "Token contained no recognizable user identification"; return false; }
        return true;
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromB64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException() };
        return Convert.FromBase64String(s);
    }
}
