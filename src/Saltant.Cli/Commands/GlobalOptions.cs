using System.CommandLine;

namespace Saltant.Cli.Commands;

/// <summary>Options every command takes (recursive on the root).</summary>
internal sealed class GlobalOptions
{
    /// <summary>--output table|json|quiet.</summary>
    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "How to print results: table (for people), json (one JSON document with the server's field names) or quiet (ids only).",
        HelpName = "table|json|quiet",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    };

    /// <summary>--quiet: ids only.</summary>
    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only ids or UUIDs, one a line (same as --output quiet).",
        Recursive = true,
    };

    /// <summary>--profile NAME.</summary>
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Use this profile of the config file; its values win over the environment.",
        HelpName = "name",
        Recursive = true,
    };

    /// <summary>--config PATH.</summary>
    public Option<string?> ConfigPath { get; } = new("--config", "-c", "--config-path")
    {
        Description = "Read this config file instead of $XDG_CONFIG_HOME/saltant/config.json.",
        HelpName = "path",
        Recursive = true,
    };

    /// <summary>Makes the options, with the output choices checked.</summary>
    public GlobalOptions() => Output.AcceptOnlyFromAmong("table", "json", "quiet");

    /// <summary>Adds them to the root.</summary>
    /// <param name="root">The root command.</param>
    public void AddTo(RootCommand root)
    {
        root.Add(Output);
        root.Add(Quiet);
        root.Add(Profile);
        root.Add(ConfigPath);
    }
}
