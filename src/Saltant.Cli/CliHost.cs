using System.Collections;
using Spectre.Console;

namespace Saltant.Cli;

/// <summary>
/// Everything the tool takes from the process, injectable so tests run it in-process: the standard
/// streams, the environment variables (which also locate the config file), and whether a person is
/// at a terminal (live displays, masked prompts).
/// </summary>
internal sealed class CliHost
{
    /// <summary>Standard output: results (tables, JSON, ids).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: error sentences and progress lines.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Standard input: answers to prompts when not interactive.</summary>
    public required TextReader In { get; init; }

    /// <summary>The environment variables (SALTANT_*, XDG_CONFIG_HOME, HOME).</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    /// <summary>Whether standard output is a terminal a person watches: live progress and masked prompts.</summary>
    public bool Interactive { get; init; }

    /// <summary>The width tables are laid out in; the terminal's when null and interactive, very wide otherwise (no wrapping in pipes).</summary>
    public int? Width { get; init; }

    /// <summary>The clock the live wait table's elapsed times are read from.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The console tables and live displays are drawn on; built over <see cref="Out"/> when null.</summary>
    public IAnsiConsole? Console { get; init; }

    /// <summary>The real process: its streams, its environment, and a terminal check.</summary>
    public static CliHost FromProcess()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        var interactive = !System.Console.IsOutputRedirected && !System.Console.IsInputRedirected;
        return new CliHost
        {
            Out = System.Console.Out,
            Error = System.Console.Error,
            In = System.Console.In,
            Environment = environment,
            Interactive = interactive,
            Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(System.Console.Out),
                Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            }),
            Width = System.Console.IsOutputRedirected ? 4096 : null,
        };
    }

    /// <summary>The console to draw on, configured for this host.</summary>
    public IAnsiConsole MakeConsole()
    {
        var console = Console ?? AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (Width is int width)
        {
            console.Profile.Width = width;
        }
        else if (Console is null)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
