using System.CommandLine;
using Saltant.Cli.Config;
using Saltant.Client;
using Saltant.Domain;
using Spectre.Console;

namespace Saltant.Cli.Commands;

/// <summary><c>config</c>: init (ask, check, save), list, use, path.</summary>
internal static class ConfigCommands
{
    /// <summary>Builds the command group.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory) => new("config", "The config file: named profiles of server URL and credentials.")
    {
        Init(factory),
        List(factory),
        Use(factory),
        PathCommand(factory),
    };

    private static Command Init(CommandFactory factory)
    {
        var url = new Option<string?>("--url") { Description = "The API's URL, e.g. https://host/api/ (asked when omitted).", HelpName = "url" };
        var token = new Option<string?>("--token") { Description = "The auth token (asked when omitted; prefer the prompt, which keeps it out of your shell history).", HelpName = "token" };
        var name = new Option<string?>("--name") { Description = "The profile's name (asked when omitted; --profile works too).", HelpName = "profile" };
        var noCheck = new Option<bool>("--no-check") { Description = "Save without checking the token against the server." };
        var force = new Option<bool>("--force") { Description = "Replace an existing profile of that name without asking." };
        var makeDefault = new Option<bool>("--default") { Description = "Make this profile the default (the first profile saved always is)." };
        var command = new Command("init", "Ask for the server's URL, a token and a profile name, check them against the server, and save them (readable by you only).")
        {
            url, token, name, noCheck, force, makeDefault,
        };
        return factory.WithAction(command, async invocation =>
        {
            var parse = invocation.Parse;
            var path = FilePath(invocation);
            var file = File.Exists(path) ? ConfigFile.Load(path) : ConfigFile.Empty();
            var prompts = new Prompts(invocation);

            var apiUrl = parse.GetValue(url) ?? prompts.Ask("URL of the saltant server's API (e.g. https://host/api/)", secret: false, fallback: null);
            var authToken = parse.GetValue(token) ?? prompts.Ask("Auth token for the saltant server", secret: true, fallback: null);
            var profile = parse.GetValue(name) ?? invocation.Profile ?? prompts.Ask("Profile name", secret: false, fallback: file.DefaultProfile ?? "default");

            if (file.Profiles.ContainsKey(profile) && !parse.GetValue(force)
                && !prompts.Confirm($"Profile \"{profile}\" already exists in {path}. Replace it?"))
            {
                invocation.Host.Error.WriteLine("Nothing was changed.");
                return ExitCodes.Success;
            }

            var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [ConfigFile.KeyFor(SettingsVariables.ApiUrl)] = apiUrl.Trim(),
                [ConfigFile.KeyFor(SettingsVariables.AuthToken)] = authToken.Trim(),
            };
            var variables = values.ToDictionary(kv => ConfigFile.VariableFor(kv.Key), kv => (string?)kv.Value, StringComparer.Ordinal);
            var settings = Settings.FromEnvironment(variables).Match(s => s, e => throw CliFailure.Config(e.Message));

            if (!parse.GetValue(noCheck))
            {
                using var client = SaltantClient.Create(settings);
                Invocation.Unwrap(await client.TestAuthenticationAsync(invocation.CancellationToken).ConfigureAwait(false));
            }

            file.SetProfile(profile, values);
            if (parse.GetValue(makeDefault))
            {
                file.SetDefault(profile);
            }

            file.Save(path);
            invocation.Host.Out.WriteLine($"Saved profile \"{profile}\" to {path}{(file.DefaultProfile == profile ? " (the default profile)" : "")}.");
            return ExitCodes.Success;
        });
    }

    private static Command List(CommandFactory factory) =>
        factory.WithAction(new Command("list", "List the profiles: name, URL, and which is the default (never the credentials)."), invocation =>
        {
            var path = FilePath(invocation);
            var file = File.Exists(path) ? ConfigFile.Load(path) : throw CliFailure.Config($"There is no config file at {path}; run 'saltant config init'.");
            if (invocation.Printer.Mode == Output.OutputMode.Quiet)
            {
                foreach (var name in file.Profiles.Keys)
                {
                    invocation.Host.Out.WriteLine(name);
                }

                return Task.FromResult(ExitCodes.Success);
            }

            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn("profile");
            table.AddColumn("api_url");
            table.AddColumn("default");
            foreach (var (name, values) in file.Profiles)
            {
                table.AddRow(new Text(name), new Text(values.GetValueOrDefault("api_url", "")), new Text(name == file.DefaultProfile ? "yes" : ""));
            }

            invocation.Console.Write(table);
            return Task.FromResult(ExitCodes.Success);
        });

    private static Command Use(CommandFactory factory)
    {
        var name = new Argument<string>("profile") { Description = "The profile to use when none is named." };
        return factory.WithAction(new Command("use", "Make a profile the default.") { name }, invocation =>
        {
            var path = FilePath(invocation);
            var profile = invocation.Parse.GetValue(name)!;
            var file = File.Exists(path) ? ConfigFile.Load(path) : throw CliFailure.Config($"There is no config file at {path}; run 'saltant config init'.");
            if (!file.Profiles.ContainsKey(profile))
            {
                throw CliFailure.Config($"There is no profile \"{profile}\" in {path}.");
            }

            file.SetDefault(profile);
            file.Save(path);
            invocation.Host.Out.WriteLine($"\"{profile}\" is now the default profile.");
            return Task.FromResult(ExitCodes.Success);
        });
    }

    private static Command PathCommand(CommandFactory factory) =>
        factory.WithAction(new Command("path", "Print the config file's path."), invocation =>
        {
            invocation.Host.Out.WriteLine(FilePath(invocation));
            return Task.FromResult(ExitCodes.Success);
        });

    private static string FilePath(Invocation invocation) =>
        invocation.ConfigPath ?? ConfigFile.DefaultPath(invocation.Host.Environment)
            ?? throw CliFailure.Config("There is no config directory: set XDG_CONFIG_HOME or HOME, or pass --config PATH.");

    /// <summary>Asks questions: Spectre prompts (the token masked) at a terminal, plain lines on standard error and input otherwise.</summary>
    private sealed class Prompts(Invocation invocation)
    {
        public string Ask(string question, bool secret, string? fallback)
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
                throw CliFailure.Usage($"No answer for \"{question}\": standard input ended.");
            }

            line = line.Trim();
            return line.Length > 0 ? line
                : fallback ?? throw CliFailure.Usage($"\"{question}\" needs an answer.");
        }

        public bool Confirm(string question)
        {
            if (invocation.Host.Interactive)
            {
                return invocation.Console.Confirm(Markup.Escape(question), defaultValue: false);
            }

            var answer = Ask(question + " (y/N)", secret: false, fallback: "n");
            return answer.StartsWith('y') || answer.StartsWith('Y');
        }
    }
}
