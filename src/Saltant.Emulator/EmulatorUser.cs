namespace Saltant.Emulator;

/// <summary>A seeded user: username, DRF token, password (for <c>token/</c>) and whether a superuser.</summary>
/// <param name="Username">Login name; the email is <c>&lt;username&gt;@example.com</c>.</param>
/// <param name="Token">DRF API token (<c>Authorization: Token …</c>).</param>
/// <param name="Password">Password for obtaining JWTs.</param>
/// <param name="IsSuperuser">Superusers may edit anyone's queues, whitelists and task types.</param>
public sealed record EmulatorUser(string Username, string Token, string Password, bool IsSuperuser = false)
{
    /// <summary>The user's email, as saltant's fixtures make it.</summary>
    public string Email => Username + "@example.com";

    /// <summary>Parses the command line form <c>NAME:TOKEN:PASSWORD[:superuser]</c>.</summary>
    public static EmulatorUser Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Split(':');
        if (parts.Length is < 3 or > 4 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new FormatException($"Expected NAME:TOKEN:PASSWORD[:superuser], got '{spec}'.");
        if (parts.Length == 4 && parts[3] != "superuser") throw new FormatException($"The fourth part must be 'superuser', got '{parts[3]}'.");
        return new EmulatorUser(parts[0], parts[1], parts[2], parts.Length == 4);
    }

    /// <summary>A user with a fresh random 40-hex-digit token, like DRF's.</summary>
    public static EmulatorUser WithFreshToken(string username, string password, bool isSuperuser = false) =>
        new(username, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)), password, isSuperuser);
}
