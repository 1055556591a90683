using System.Text.Json;
using System.Text.Json.Nodes;
using LanguageExt;
using Saltant.Domain;

namespace Saltant.Cli.Config;

/// <summary>
/// The config file, <c>config.json</c> under <c>$XDG_CONFIG_HOME/saltant/</c> (or
/// <c>~/.config/saltant/</c>): named profiles, each a set of settings named like the environment
/// variables without their <c>SALTANT_</c> prefix, in lower case (<c>api_url</c>, <c>auth_token</c>,
/// <c>username</c>, <c>timeout</c>, …), and the profile used when none is named:
/// <code>{ "default_profile": "work", "profiles": { "work": { "api_url": "https://host/api/", "auth_token": "…" } } }</code>
/// saltant-cli's YAML keys map as <c>saltant-api-url</c> → <c>api_url</c> and
/// <c>saltant-auth-token</c> → <c>auth_token</c>.
/// </summary>
internal sealed class ConfigFile
{
    /// <summary>The file's name inside the config directory.</summary>
    public const string FileName = "config.json";

    private const string Prefix = "SALTANT_";

    private ConfigFile(string? defaultProfile, SortedDictionary<string, SortedDictionary<string, string>> profiles)
    {
        DefaultProfile = defaultProfile;
        Profiles = profiles;
    }

    /// <summary>The profile used when none is named.</summary>
    public string? DefaultProfile { get; private set; }

    /// <summary>Each profile's settings, keyed by the lower-case short names (<c>api_url</c>).</summary>
    public SortedDictionary<string, SortedDictionary<string, string>> Profiles { get; }

    /// <summary>An empty file.</summary>
    public static ConfigFile Empty() => new(null, new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal));

    /// <summary>The config directory: <c>$XDG_CONFIG_HOME/saltant</c>, else <c>$HOME/.config/saltant</c>; null when neither is set.</summary>
    /// <param name="environment">The environment variables.</param>
    public static string? Directory(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.TryGetValue("XDG_CONFIG_HOME", out var xdg) && !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "saltant");
        }

        var home = environment.TryGetValue("HOME", out var h) && !string.IsNullOrEmpty(h) ? h
            : environment.TryGetValue("USERPROFILE", out var u) && !string.IsNullOrEmpty(u) ? u
            : null;
        return home is null ? null : Path.Combine(home, ".config", "saltant");
    }

    /// <summary>The default config file's path, or null when there is no config directory.</summary>
    /// <param name="environment">The environment variables.</param>
    public static string? DefaultPath(IReadOnlyDictionary<string, string?> environment) =>
        Directory(environment) is string dir ? Path.Combine(dir, FileName) : null;

    /// <summary>The environment variable a profile key stands for (<c>api_url</c> → <c>SALTANT_API_URL</c>).</summary>
    /// <param name="key">The profile key.</param>
    public static string VariableFor(string key) => Prefix + key.Replace('-', '_').ToUpperInvariant();

    /// <summary>The profile key for an environment variable (<c>SALTANT_API_URL</c> → <c>api_url</c>).</summary>
    /// <param name="variable">The variable.</param>
    public static string KeyFor(string variable) => variable[Prefix.Length..].ToLowerInvariant();

    /// <summary>Reads and checks the file; a <see cref="SetupError"/> when it cannot be read or is malformed.</summary>
    /// <param name="path">The file.</param>
    public static Fin<ConfigFile> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SetupError($"The config file {path} could not be read: {e.Message}");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return new SetupError($"The config file {path} is not valid JSON: {e.Message}");
        }

        if (root is not JsonObject top)
        {
            return new SetupError($"The config file {path} must hold a JSON object with \"profiles\".");
        }

        var file = Empty();
        if (top["default_profile"] is JsonNode d)
        {
            if (d.GetValueKind() != JsonValueKind.String)
            {
                return new SetupError($"The config file {path} has a \"default_profile\" that is not a string.");
            }

            file.DefaultProfile = d.GetValue<string>();
        }

        if (top["profiles"] is JsonNode p && p is not JsonObject)
        {
            return new SetupError($"The config file {path} has \"profiles\" that is not an object of profiles.");
        }

        foreach (var (name, node) in top["profiles"] as JsonObject ?? [])
        {
            if (node is not JsonObject values)
            {
                return new SetupError($"The config file {path} has a profile \"{name}\" that is not an object.");
            }

            var profile = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                if (!SettingsVariables.All.Contains(VariableFor(key)))
                {
                    return new SetupError($"The config file {path} has an unknown setting \"{key}\" in profile \"{name}\"; known settings are {string.Join(", ", SettingsVariables.All.Select(KeyFor))}.");
                }

                switch (value?.GetValueKind())
                {
                    case JsonValueKind.String:
                        profile[key] = value.GetValue<string>();
                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        profile[key] = value.ToJsonString();
                        break;
                    default:
                        return new SetupError($"The config file {path} has a setting \"{key}\" in profile \"{name}\" that is not a string, number or boolean.");
                }
            }

            file.Profiles[name] = profile;
        }

        return file;
    }

    /// <summary>Sets a profile, making it the default when the file has none.</summary>
    /// <param name="name">The profile's name.</param>
    /// <param name="values">Its settings by short name.</param>
    public void SetProfile(string name, SortedDictionary<string, string> values)
    {
        Profiles[name] = values;
        DefaultProfile ??= name;
    }

    /// <summary>Makes a profile the default.</summary>
    /// <param name="name">The profile's name.</param>
    public void SetDefault(string name) => DefaultProfile = name;

    /// <summary>
    /// Writes the file readable and writable by its owner only (mode 0600, the directory 0700):
    /// written to a new file with that mode, then moved over the old one.
    /// </summary>
    /// <param name="path">The file.</param>
    public Fin<Unit> Save(string path)
    {
        try
        {
            Write(path);
            return Prelude.unit;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SetupError($"The config file {path} could not be written: {e.Message}");
        }
    }

    private void Write(string path)
    {
        var top = new JsonObject();
        if (DefaultProfile is not null)
        {
            top["default_profile"] = DefaultProfile;
        }

        var profiles = new JsonObject();
        foreach (var (name, values) in Profiles)
        {
            var profile = new JsonObject();
            foreach (var (key, value) in values)
            {
                profile[key] = value;
            }

            profiles[name] = profile;
        }

        top["profiles"] = profiles;
        var text = top.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var ownerOnly = !OperatingSystem.IsWindows();
        if (!System.IO.Directory.Exists(dir))
        {
            if (ownerOnly)
            {
                System.IO.Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            else
            {
                System.IO.Directory.CreateDirectory(dir);
            }
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly)
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        if (ownerOnly)
        {
            // The create mode is filtered by the umask and ignored for an existing file: set it outright.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
