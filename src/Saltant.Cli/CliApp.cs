using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using Saltant.Cli.Commands;
using Saltant.Cli.Config;
using Saltant.Cli.Output;
using Saltant.Domain;

namespace Saltant.Cli;

/// <summary>
/// The <c>saltant</c> tool: builds the command tree over a <see cref="CliHost"/> and runs one
/// command line, returning its exit code. Nothing escapes as an exception or a stack trace.
/// </summary>
internal static class CliApp
{
    /// <summary>The tool's version, without build metadata.</summary>
    /// <remarks>
    /// The informational version carries a pre-release suffix; the Native AOT build does not keep that
    /// attribute, so it falls back to the assembly's own version (major.minor.patch).
    /// </remarks>
    public static string Version { get; } =
        (typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(CliApp).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0").Split('+')[0];

    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, without the program's name.</param>
    /// <param name="host">Streams, environment and terminal.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliHost host, CancellationToken cancellationToken = default)
    {
        var root = Build(host);

        // saltant-cli's "saltant --setup" is this tool's "saltant config init"; keep the old spelling working.
        if (args.Count > 0 && args[0] == "--setup")
        {
            args = ["config", "init", .. args.Skip(1)];
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is null or ParseErrorAction)
        {
            foreach (var error in ParseErrors.Describe(parse))
            {
                host.Error.WriteLine($"error: {error}");
            }

            host.Error.WriteLine($"Run '{ParseErrors.CommandPath(parse.CommandResult.Command)} --help' for usage.");
            host.Error.Flush();
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            var code = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            host.Out.Flush();
            return code;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not a user error: still one sentence, no stack trace.
            host.Error.WriteLine($"error: unexpected failure ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>The command tree.</summary>
    /// <param name="host">The host the commands run on.</param>
    public static RootCommand Build(CliHost host)
    {
        var globals = new GlobalOptions();
        var factory = new CommandFactory(host, globals);
        var root = new RootCommand("saltant: the command-line client for saltant task servers (Saltant.Functional).")
        {
            globals.AddTo(UserCommands.Build(factory)),
            globals.AddTo(TaskQueueCommands.Build(factory)),
            globals.AddTo(TaskWhitelistCommands.Build(factory)),
            globals.AddTo(TaskTypeCommands.Container(factory)),
            globals.AddTo(TaskTypeCommands.Executable(factory)),
            globals.AddTo(InstanceCommands.Build(factory, "container-task-instances", Views.ContainerTaskInstance, c => c.ContainerTaskInstances)),
            globals.AddTo(InstanceCommands.Build(factory, "executable-task-instances", Views.ExecutableTaskInstance, c => c.ExecutableTaskInstances)),
            globals.AddTo(SweepCommand.Build(factory)),
            ConfigCommands.Build(factory),
            EmulatorCommand.Build(factory),
            CompletionCommand.Build(factory),
        };

        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help when help.Action is HelpAction inner:
                    help.Action = new HelpWithEpilog(inner);
                    break;
                case VersionOption version:
                    version.Action = new PrintVersion();
                    break;
            }
        }

        return root;
    }

    /// <summary>The epilog of the root's help: where settings come from, and the exit codes.</summary>
    public static string Epilog()
    {
        var lines = new List<string>
        {
            "Configuration:",
            $"  {SettingsVariables.ApiUrl} and {SettingsVariables.AuthToken} (or {SettingsVariables.Username}/{SettingsVariables.Password}, or",
            $"  {SettingsVariables.JwtAccessToken}/{SettingsVariables.JwtRefreshToken}), or a profile of $XDG_CONFIG_HOME/saltant/{ConfigFile.FileName}",
            "  (~/.config/saltant/ when XDG_CONFIG_HOME is unset; write one with 'saltant config init',",
            "  or saltant-cli's spelling 'saltant --setup').",
            "  Environment variables win over the file's default profile; a profile named with --profile",
            $"  or {SettingsResolver.ProfileVariable} wins over the environment.",
            "",
            "Exit codes:",
        };
        lines.AddRange(ExitCodes.Table.Select(row => $"  {row.Code,3}  {row.Meaning}"));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The standard help, plus the epilog on the root's help.</summary>
    private sealed class HelpWithEpilog(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(Epilog());
                output.WriteLine();
            }

            return code;
        }
    }

    /// <summary>Prints the tool's version (not the host process's).</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
