using System.Diagnostics;

namespace Saltant.Client.Bench;

/// <summary>How the start-up scenario starts a build of an app: a .dll under <c>dotnet</c>, anything else as a native executable.</summary>
internal static class ChildProgram
{
    /// <summary>The start info for <paramref name="program"/> with <paramref name="arguments"/>, output redirected.</summary>
    internal static ProcessStartInfo For(string program, IEnumerable<string> arguments)
    {
        var managed = program.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(managed ? "dotnet" : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (managed)
        {
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
