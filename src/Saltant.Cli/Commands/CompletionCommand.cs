using System.CommandLine;
using static LanguageExt.AffExtensions;

namespace Saltant.Cli.Commands;

/// <summary>
/// <c>completion bash|zsh|fish|powershell</c>: prints a script that asks the tool itself for
/// completions through System.CommandLine's <c>[suggest:POSITION]</c> directive, so completions
/// always match the installed version's commands and options. <c>completion install</c> writes it
/// where the shell reads it, as saltant-cli does.
/// </summary>
internal static class CompletionCommand
{
    /// <summary>The shells a script is printed for.</summary>
    public static readonly string[] Shells = ["bash", "zsh", "fish", "powershell"];

    /// <summary>Builds the command.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory)
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh, fish or powershell." };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command(
            "completion",
            "Print a shell completion script. bash: saltant completion bash >> ~/.bashrc; zsh: saltant completion zsh > \"${fpath[1]}/_saltant\"; fish: saltant completion fish > ~/.config/fish/completions/saltant.fish; PowerShell: saltant completion powershell >> $PROFILE.")
        {
            shell,
            CompletionInstall.Build(factory),
        };
        return factory.WithAction(command, invocation =>
            LanguageExt.Prelude.SuccessAff<Saltant.Client.SaltantRuntime, Outcome>(
                Outcome.Of(i => i.Host.Out.Write(Script(invocation.Parse.GetValue(shell)!)))));
    }

    /// <summary>The completion script for a shell.</summary>
    /// <param name="shell">bash, zsh, fish or powershell.</param>
    public static string Script(string shell) => (shell switch
    {
        "bash" => """
            # saltant completion for bash: source this file, or add it to ~/.bashrc.
            _saltant_complete() {
                local IFS=$'\n'
                local candidates
                candidates=$(saltant "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
                COMPREPLY=($(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}"))
            }
            complete -o default -F _saltant_complete saltant
            """,
        "zsh" => """
            #compdef saltant
            # saltant completion for zsh: put this file in a directory of $fpath as _saltant.
            _saltant() {
                local line="${words[*]}"
                local -a candidates
                candidates=("${(@f)$(saltant "[suggest:${#line}]" "${line}" 2>/dev/null)}")
                compadd -- ${candidates}
            }
            compdef _saltant saltant
            """,
        "fish" => """
            # saltant completion for fish: save as ~/.config/fish/completions/saltant.fish.
            function __saltant_complete
                set -l line (commandline -cp)
                saltant "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
            end
            complete -c saltant -f -a '(__saltant_complete)'
            """,
        _ => """
            # saltant completion for PowerShell: add this to $PROFILE.
            Register-ArgumentCompleter -Native -CommandName saltant -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString()
                $position = $cursorPosition - $commandAst.Extent.StartOffset
                saltant "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }
            """,
    }) + "\n";
}
