using System.CommandLine;

namespace Saltant.Cli.Commands;

/// <summary>
/// The options shared by many commands: how to print, and where the settings come from. Each is
/// added only where it applies (recursively on the resource groups; selectively under
/// <c>config</c>; not at all on <c>emulator</c> and <c>completion</c>), so help never offers one
/// that would be ignored.
/// </summary>
internal sealed class GlobalOptions
{
    /// <summary>--output table|json|quiet.</summary>
    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "How to print results: table (for people), json (one JSON document with the server's field names) or quiet (ids only).",
        HelpName = "table|json|quiet",
        DefaultValueFactory = _ => "table",
    };

    /// <summary>--quiet: ids only.</summary>
    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only ids or UUIDs, one a line (same as --output quiet).",
    };

    /// <summary>--profile NAME.</summary>
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Use this profile of the config file; its values win over the environment.",
        HelpName = "name",
    };

    /// <summary>--config PATH.</summary>
    public Option<string?> ConfigPath { get; } = new("--config", "-c", "--config-path")
    {
        Description = "Read this config file instead of $XDG_CONFIG_HOME/saltant/config.json.",
        HelpName = "path",
    };

    /// <summary>Makes the options, with the output choices checked.</summary>
    public GlobalOptions() => Output.AcceptOnlyFromAmong("table", "json", "quiet");

    /// <summary>Adds every option to a group that talks to the server, for all its subcommands.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The group.</returns>
    public Command AddTo(Command group)
    {
        foreach (var option in new Option[] { Output, Quiet, Profile, ConfigPath })
        {
            group.Add(option);
        }

        Output.Recursive = Quiet.Recursive = Profile.Recursive = ConfigPath.Recursive = true;
        return group;
    }

    /// <summary>Adds the output options (<c>-o</c>, <c>-q</c>) to one command.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The command.</returns>
    public Command AddOutputTo(Command command)
    {
        command.Add(Output);
        command.Add(Quiet);
        return command;
    }

    /// <summary>Refuses output options that contradict each other: <c>-q</c> with <c>-o json</c> or <c>-o table</c>.</summary>
    /// <param name="parse">The parse result.</param>
    public LanguageExt.Fin<LanguageExt.Unit> Check(ParseResult parse) =>
        parse.GetResult(Output) is { Implicit: false } && parse.GetValue(Quiet) && parse.GetValue(Output) is var mode and not "quiet"
            ? Steps.Usage<LanguageExt.Unit>($"--quiet and --output {mode} exclude each other: use one (--quiet is --output quiet).")
            : LanguageExt.Prelude.unit;
}
