using Saltant.Domain;

namespace Saltant.DependencyInjection;

/// <summary>
/// How configuration keys map to the environment variables the settings are validated from: a
/// key is the variable's name without <c>SALTANT_</c>, in PascalCase (<c>Saltant:ApiUrl</c> is
/// <c>SALTANT_API_URL</c>, <c>Saltant:AuthToken</c> is <c>SALTANT_AUTH_TOKEN</c>, …).
/// </summary>
public static class SaltantConfigurationKeys
{
    /// <summary>The configuration section read by default.</summary>
    public const string DefaultSection = "Saltant";

    /// <summary>Each configuration key and the environment variable it stands for.</summary>
    public static IReadOnlyDictionary<string, string> ToVariables { get; } =
        SettingsVariables.All.ToDictionary(KeyOf, v => v, StringComparer.OrdinalIgnoreCase);

    /// <summary>The configuration key of an environment variable, e.g. <c>ApiUrl</c> for <c>SALTANT_API_URL</c>.</summary>
    /// <param name="variable">A variable from <see cref="SettingsVariables"/>.</param>
    public static string KeyOf(string variable) =>
        string.Concat(variable["SALTANT_".Length..]
            .Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()));
}
