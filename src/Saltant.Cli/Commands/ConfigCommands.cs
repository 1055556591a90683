using System.CommandLine;
using Saltant.Cli.Config;
using Saltant.Client;
using Saltant.Domain;
using Spectre.Console;
using static LanguageExt.AffExtensions;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Commands;

/// <summary><c>config</c>: init (ask, check, save), list, use, path.</summary>
internal static class ConfigCommands
{
    /// <summary>Builds the command group: <c>--config</c> applies to every subcommand, <c>--profile</c> to init, <c>-o</c>/<c>-q</c> to list.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory)
    {
        var group = new Command("config", "The config file: named profiles of server URL and credentials.")
        {
            Init(factory),
            List(factory),
            Use(factory),
            PathCommand(factory),
        };
        factory.Globals.ConfigPath.Recursive = true;
        group.Add(factory.Globals.ConfigPath);
        return group;
    }

    private static Command Init(CommandFactory factory)
    {
        var url = new Option<string?>("--url") { Description = "The API's URL, e.g. https://host/api/ (asked when omitted).", HelpName = "url" };
        var token = new Option<string?>("--token") { Description = "The auth token (asked when omitted; prefer the prompt, which keeps it out of your shell history).", HelpName = "token" };
        var name = new Option<string?>("--name") { Description = "The profile's name (asked when omitted; --profile works too).", HelpName = "profile" };
        var noCheck = new Option<bool>("--no-check") { Description = "Save without checking the token against the server." };
        var force = new Option<bool>("--force") { Description = "Replace an existing profile of that name without asking." };
        var makeDefault = new Option<bool>("--default") { Description = "Make this profile the default (the first profile saved always is)." };
        var command = new Command("init", "Ask for the server's URL, a token and a profile name, check them against the server (offering to enter the token again when it is refused), and save them (readable by you only).")
        {
            url, token, name, noCheck, force, makeDefault, factory.Globals.Profile,
        };
        return factory.WithAction(command, invocation =>
        {
            var parse = invocation.Parse;
            var prompts = new Prompts(invocation);
            return
                from path in FilePath(invocation).Lift()
                from file in (File.Exists(path) ? ConfigFile.Load(path) : ConfigFile.Empty()).Lift()
                from apiUrl in (parse.GetValue(url) is { } u ? u : prompts.Ask("URL of the saltant server's API (e.g. https://host/api/)", secret: false, fallback: null)).Lift()
                from firstToken in (parse.GetValue(token) is { } t ? t : prompts.Ask("Auth token for the saltant server", secret: true, fallback: null)).Lift()
                from profile in ((parse.GetValue(name) ?? invocation.Profile) is { } n ? n : prompts.Ask("Profile name", secret: false, fallback: file.DefaultProfile ?? "default")).Lift()
                from outcome in file.Profiles.ContainsKey(profile) && !parse.GetValue(force)
                    && !prompts.Confirm($"Profile \"{profile}\" already exists in {path}. Replace it?")
                    ? SuccessAff<SaltantRuntime, Outcome>(Outcome.Of(i => i.Host.Error.WriteLine("Nothing was changed.")))
                    : from authToken in parse.GetValue(noCheck) ? SuccessAff<SaltantRuntime, string>(firstToken) : Checked(prompts, apiUrl.Trim(), firstToken)
                      from saved in Save(file, path, profile, apiUrl.Trim(), authToken.Trim(), parse.GetValue(makeDefault)).Lift()
                      select Outcome.Line(
                          $"Saved profile \"{profile}\" to {path}{(file.DefaultProfile == profile ? " (the default profile)" : "")}"
                          + (parse.GetValue(noCheck) ? "; the token was not checked." : $"; {apiUrl.Trim()} accepted the token."))
                select outcome;
        });
    }

    /// <summary>
    /// The token once the server accepts it. A refused token is asked for again (the other answers
    /// are kept) for as long as the person wants to retry; any other failure ends the command.
    /// </summary>
    private static LanguageExt.Aff<SaltantRuntime, string> Checked(Prompts prompts, string apiUrl, string authToken)
    {
        return Settings.FromEnvironment(Variables(apiUrl, authToken.Trim())).Match(
            Right: settings => Checked(prompts, apiUrl, authToken, settings),
            Left: e => FailAff<SaltantRuntime, string>(new SetupError(e.Message)));
    }

    private static LanguageExt.Aff<SaltantRuntime, string> Checked(Prompts prompts, string apiUrl, string authToken, Settings settings) =>
        Steps.Async(async ct =>
        {
            using var client = SaltantClient.Create(settings);
            var result = await client.TestAuthenticationAsync(ct).ConfigureAwait(false);
            return FinSucc(result.Match(Succ: _ => LanguageExt.Option<LanguageExt.Common.Error>.None, Fail: e => Some(UrlHint.For(settings.ApiRoot, e))));
        }).Bind(failure => failure.Match(
            None: () => SuccessAff<SaltantRuntime, string>(authToken),
            Some: error => error is AuthenticationFailed && prompts.Confirm($"The server did not accept the token ({error.Message}) Enter it again?")
                ? prompts.Ask("Auth token for the saltant server", secret: true, fallback: null).Lift().Bind(again => Checked(prompts, apiUrl, again))
                : FailAff<SaltantRuntime, string>(error)));

    private static Dictionary<string, string?> Variables(string apiUrl, string authToken) => new(StringComparer.Ordinal)
    {
        [SettingsVariables.ApiUrl] = apiUrl,
        [SettingsVariables.AuthToken] = authToken,
    };

    private static LanguageExt.Fin<LanguageExt.Unit> Save(ConfigFile file, string path, string profile, string apiUrl, string authToken, bool makeDefault)
    {
        file.SetProfile(profile, new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ConfigFile.KeyFor(SettingsVariables.ApiUrl)] = apiUrl,
            [ConfigFile.KeyFor(SettingsVariables.AuthToken)] = authToken,
        });
        if (makeDefault)
        {
            file.SetDefault(profile);
        }

        return file.Save(path);
    }

    private static Command List(CommandFactory factory) =>
        factory.WithAction(factory.Globals.AddOutputTo(new Command("list", "List the profiles: name, URL, and which is the default (never the credentials).")), invocation =>
            from path in FilePath(invocation).Lift()
            from file in Existing(path).Lift()
            select Outcome.Of(i => ShowProfiles(i, file)));

    private static void ShowProfiles(Invocation invocation, ConfigFile file)
    {
        switch (invocation.Printer.Mode)
        {
            case Output.OutputMode.Quiet:
                foreach (var name in file.Profiles.Keys)
                {
                    invocation.Host.Out.WriteLine(name);
                }

                break;
            case Output.OutputMode.Json:
                var profiles = new System.Text.Json.Nodes.JsonArray();
                foreach (var (name, values) in file.Profiles)
                {
                    // As a JsonNode: the generic Add<T> serializes through reflection (a trim and AOT warning).
                    profiles.Add((System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                    {
                        ["profile"] = name,
                        ["api_url"] = values.GetValueOrDefault("api_url"),
                        ["default"] = name == file.DefaultProfile,
                    });
                }

                invocation.Host.Out.WriteLine(profiles.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                break;
            default:
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumn("profile");
                table.AddColumn("api_url");
                table.AddColumn("default");
                foreach (var (name, values) in file.Profiles)
                {
                    table.AddRow(new Text(name), new Text(values.GetValueOrDefault("api_url", "")), new Text(name == file.DefaultProfile ? "yes" : ""));
                }

                invocation.Console.Write(table);
                break;
        }
    }

    private static Command Use(CommandFactory factory)
    {
        var name = new Argument<string>("profile") { Description = "The profile to use when none is named." };
        return factory.WithAction(new Command("use", "Make a profile the default.") { name }, invocation =>
            from path in FilePath(invocation).Lift()
            from file in Existing(path).Lift()
            let profile = invocation.Parse.GetValue(name)!
            from known in (file.Profiles.ContainsKey(profile) ? FinSucc(profile) : Steps.Setup<string>($"There is no profile \"{profile}\" in {path}.")).Lift()
            from saved in Steps.Sync(() =>
            {
                file.SetDefault(profile);
                return file.Save(path);
            })
            select Outcome.Line($"\"{profile}\" is now the default profile."));
    }

    private static Command PathCommand(CommandFactory factory) =>
        factory.WithAction(new Command("path", "Print the config file's path."), invocation =>
            from path in FilePath(invocation).Lift()
            select Outcome.Line(path));

    private static LanguageExt.Fin<ConfigFile> Existing(string path) =>
        File.Exists(path) ? ConfigFile.Load(path) : Steps.Setup<ConfigFile>($"There is no config file at {path}; run 'saltant config init'.");

    private static LanguageExt.Fin<string> FilePath(Invocation invocation) =>
        (invocation.ConfigPath ?? ConfigFile.DefaultPath(invocation.Host.Environment)) is { } path
            ? FinSucc(path)
            : Steps.Setup<string>("There is no config directory: set XDG_CONFIG_HOME or HOME, or pass --config PATH.");

    /// <summary>Asks questions: Spectre prompts (the token masked) at a terminal, plain lines on standard error and input otherwise.</summary>
    private sealed class Prompts(Invocation invocation)
    {
        public LanguageExt.Fin<string> Ask(string question, bool secret, string? fallback)
        {
            if (invocation.Host.Interactive)
            {
                var prompt = new TextPrompt<string>(Markup.Escape(question) + ":");
                if (secret)
                {
                    prompt.Secret();
                }

                if (fallback is not null)
                {
                    prompt.DefaultValue(fallback);
                }

                return invocation.Console.Prompt(prompt).Trim();
            }

            var error = invocation.Host.Error;
            error.Write(fallback is null ? $"{question}: " : $"{question} [{fallback}]: ");
            error.Flush();
            var line = invocation.Host.In.ReadLine();
            error.WriteLine(); // the answer was not echoed: end the prompt's line
            if (line is null)
            {
                return Steps.Usage<string>($"No answer for \"{question}\": standard input ended.");
            }

            line = line.Trim();
            return line.Length > 0 ? line
                : fallback is not null ? fallback
                : Steps.Usage<string>($"\"{question}\" needs an answer.");
        }

        /// <summary>A yes or no; no when there is no answer (standard input ended).</summary>
        public bool Confirm(string question)
        {
            if (invocation.Host.Interactive)
            {
                return invocation.Console.Confirm(Markup.Escape(question), defaultValue: false);
            }

            return Ask(question + " (y/N)", secret: false, fallback: "n").Match(
                Succ: answer => answer.StartsWith('y') || answer.StartsWith('Y'),
                Fail: _ => false);
        }
    }
}
