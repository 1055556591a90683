using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Cli.Config;

/// <summary>
/// Where the settings come from, and which source wins:
/// <list type="number">
/// <item>the config file: <c>--config PATH</c>, else <c>config.json</c> in the config directory (absent is fine);</item>
/// <item>the profile: <c>--profile NAME</c>, else <c>SALTANT_PROFILE</c>, else the file's <c>default_profile</c>;</item>
/// <item>precedence: the more explicit source wins. Environment variables override the file's
/// default profile; a profile named with <c>--profile</c> or <c>SALTANT_PROFILE</c> overrides the
/// environment. Credentials are taken whole from one source: a token from one and a password from
/// the other are never mixed.</item>
/// </list>
/// The result goes through <see cref="Settings.FromEnvironment"/>, so every setting is checked
/// the same way whatever its source.
/// </summary>
internal static class SettingsResolver
{
    /// <summary>The variable that names a profile, like <c>--profile</c>.</summary>
    public const string ProfileVariable = "SALTANT_PROFILE";

    private static readonly string[] CredentialVariables =
    [
        SettingsVariables.AuthToken, SettingsVariables.Username, SettingsVariables.Password,
        SettingsVariables.JwtAccessToken, SettingsVariables.JwtRefreshToken,
    ];

    /// <summary>Resolves the settings, or a configuration error naming every problem.</summary>
    /// <param name="environment">The environment variables.</param>
    /// <param name="configPath">An explicit config file (<c>--config</c>), or null.</param>
    /// <param name="profile">An explicit profile (<c>--profile</c>), or null.</param>
    public static Fin<Settings> Resolve(IReadOnlyDictionary<string, string?> environment, string? configPath, string? profile) =>
        Merge(environment, configPath, profile).Bind(merged => Settings.FromEnvironment(merged).Match(
            Right: Fin<Settings>.Succ,
            Left: e => Fin<Settings>.Fail(new SetupError(e.Message + Hint(environment, configPath)))));

    /// <summary>The variables the settings are read from, after merging the file's profile in.</summary>
    /// <param name="environment">The environment variables.</param>
    /// <param name="configPath">An explicit config file, or null.</param>
    /// <param name="profile">An explicit profile, or null.</param>
    public static Fin<IReadOnlyDictionary<string, string?>> Merge(IReadOnlyDictionary<string, string?> environment, string? configPath, string? profile)
    {
        var named = !string.IsNullOrEmpty(profile) ? profile
            : environment.TryGetValue(ProfileVariable, out var p) && !string.IsNullOrEmpty(p) ? p
            : null;

        var path = configPath ?? ConfigFile.DefaultPath(environment);
        ConfigFile? file = null;
        if (configPath is not null && !File.Exists(configPath))
        {
            return new SetupError($"The config file {configPath} does not exist.");
        }

        if (path is not null && File.Exists(path))
        {
            switch (ConfigFile.Load(path).Case)
            {
                case Error error:
                    return error;
                case ConfigFile loaded:
                    file = loaded;
                    break;
            }
        }

        SortedDictionary<string, string>? values = null;
        if (named is not null)
        {
            if (file is null || !file.Profiles.TryGetValue(named, out values))
            {
                return new SetupError(file is null
                    ? $"There is no profile \"{named}\": no config file was found (run 'saltant config init')."
                    : $"There is no profile \"{named}\" in {path}; it has {Names(file)}.");
            }
        }
        else if (file?.DefaultProfile is string fallback)
        {
            if (!file.Profiles.TryGetValue(fallback, out values))
            {
                return new SetupError($"The default profile \"{fallback}\" named in {path} does not exist; it has {Names(file)}.");
            }
        }

        var fromFile = (values ?? new SortedDictionary<string, string>()).ToDictionary(kv => ConfigFile.VariableFor(kv.Key), kv => (string?)kv.Value, StringComparer.Ordinal);
        return Fin<IReadOnlyDictionary<string, string?>>.Succ(named is not null ? Overlay(environment, fromFile) : Overlay(fromFile, environment));
    }

    private static Dictionary<string, string?> Overlay(IReadOnlyDictionary<string, string?> lower, IReadOnlyDictionary<string, string?> upper)
    {
        var result = new Dictionary<string, string?>(lower, StringComparer.Ordinal);
        if (CredentialVariables.Any(v => upper.TryGetValue(v, out var value) && !string.IsNullOrEmpty(value)))
        {
            foreach (var v in CredentialVariables)
            {
                result.Remove(v);
            }
        }

        foreach (var (key, value) in upper)
        {
            if (!string.IsNullOrEmpty(value))
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static string Names(ConfigFile file) =>
        file.Profiles.Count == 0 ? "no profiles" : "profiles " + string.Join(", ", file.Profiles.Keys.Select(k => $"\"{k}\""));

    private static string Hint(IReadOnlyDictionary<string, string?> environment, string? configPath)
    {
        var path = configPath ?? ConfigFile.DefaultPath(environment);
        return path is not null && File.Exists(path)
            ? ""
            : $" Set {SettingsVariables.ApiUrl} and {SettingsVariables.AuthToken}, or run 'saltant config init'.";
    }
}
