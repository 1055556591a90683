using System.CommandLine;
using LanguageExt;

namespace Saltant.Cli.Commands;

/// <summary>
/// <c>emulator</c> in the Native AOT build of the tool, which leaves the emulator out: ILCompiler
/// compiles LanguageExt.Core only with its IL scanner off, and with the scanner off it crashes on
/// ASP.NET Core's logging, which the emulator's Kestrel server needs. The command stays, so that a
/// script calling it learns why and where the emulator is instead of reading "unknown command".
/// </summary>
internal static class EmulatorCommand
{
    /// <summary>The sentence the command fails with.</summary>
    internal const string Unavailable =
        "This saltant is the Native AOT build, which has no emulator (ASP.NET Core and LanguageExt cannot be compiled ahead of time into one executable): "
        + "run it with the packaged tool ('dotnet tool install --global Saltant.Cli', then 'saltant emulator') or with 'dotnet run --project src/Saltant.Emulator'.";

    /// <summary>Builds the command.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory)
    {
        var command = new Command("emulator", "Run the saltant emulator: not in this Native AOT build of the tool (the packaged tool has it).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        return factory.WithAction(command, _ => Steps.Sync(() => Steps.Setup<Outcome>(Unavailable)));
    }
}
