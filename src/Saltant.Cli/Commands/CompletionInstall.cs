using System.CommandLine;

namespace Saltant.Cli.Commands;

/// <summary>
/// <c>completion install [shell] [path] [--append|--overwrite]</c>, as saltant-cli has it: writes the
/// completion script where the shell reads it. Appending is idempotent: a file that already holds
/// the script is left as it is.
/// </summary>
internal static class CompletionInstall
{
    /// <summary>The line every script starts with, used to find an earlier install.</summary>
    private const string Marker = "# saltant completion for ";

    /// <summary>Builds the subcommand.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory)
    {
        var shell = new Argument<string?>("shell") { Description = "bash, zsh, fish or powershell; the shell in $SHELL when left out.", Arity = ArgumentArity.ZeroOrOne };
        shell.AcceptOnlyFromAmong(CompletionCommand.Shells);
        var path = new Argument<string?>("path") { Description = "The file to write; the shell's usual place when left out.", Arity = ArgumentArity.ZeroOrOne };
        var append = new Option<bool>("--append") { Description = "Add the script to the end of the file (the default for bash, zsh and PowerShell)." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file with the script (the default for fish)." };
        var command = new Command("install", "Install the completion script where the shell reads it.") { shell, path, append, overwrite };
        return factory.WithAction(command, invocation => Steps.Sync<Outcome>(() =>
        {
            var environment = invocation.Host.Environment;
            var home = environment.TryGetValue("HOME", out var h) && !string.IsNullOrEmpty(h) ? h : null;
            var chosen = invocation.Parse.GetValue(shell) ?? ShellOf(environment);
            if (chosen is null)
            {
                return Steps.Usage<Outcome>("no shell given and $SHELL names none of bash, zsh, fish or powershell; run 'saltant completion install bash' (or zsh, fish, powershell).");
            }

            if (invocation.Parse.GetValue(append) && invocation.Parse.GetValue(overwrite))
            {
                return Steps.Usage<Outcome>("--append and --overwrite exclude each other.");
            }

            var target = invocation.Parse.GetValue(path) ?? (home is null ? null : DefaultPath(chosen, home));
            if (target is null)
            {
                return Steps.Usage<Outcome>("$HOME is not set, so give the file to write as the path argument.");
            }

            var appendToFile = invocation.Parse.GetValue(append) || (!invocation.Parse.GetValue(overwrite) && chosen != "fish");
            try
            {
                Install(target, CompletionCommand.Script(chosen), appendToFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new LocalFailure($"could not write {target}: {e.Message}");
            }

            return Outcome.Line($"{chosen} completion installed in {target}");
        }));
    }

    /// <summary>The shell named by <c>$SHELL</c>, if it is one a script exists for.</summary>
    private static string? ShellOf(IReadOnlyDictionary<string, string?> environment)
    {
        var name = environment.TryGetValue("SHELL", out var s) && !string.IsNullOrEmpty(s) ? Path.GetFileName(s) : "";
        return name switch
        {
            "pwsh" or "powershell" => "powershell",
            _ => CompletionCommand.Shells.Contains(name) ? name : null,
        };
    }

    /// <summary>Where each shell picks completions up without further setup.</summary>
    private static string DefaultPath(string shell, string home) => shell switch
    {
        "bash" => Path.Combine(home, ".bash_completion"),
        "zsh" => Path.Combine(home, ".zshrc"),
        "fish" => Path.Combine(home, ".config", "fish", "completions", "saltant.fish"),
        _ => Path.Combine(home, ".config", "powershell", "Microsoft.PowerShell_profile.ps1"),
    };

    private static void Install(string target, string script, bool append)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        if (!append)
        {
            File.WriteAllText(target, script);
            return;
        }

        var existing = File.Exists(target) ? File.ReadAllText(target) : "";
        var markerLine = script.Split('\n').First(line => line.StartsWith(Marker, StringComparison.Ordinal));
        if (existing.Contains(markerLine, StringComparison.Ordinal))
        {
            return; // installed before
        }

        File.AppendAllText(target, (existing.Length > 0 && !existing.EndsWith('\n') ? "\n" : "") + script);
    }
}
