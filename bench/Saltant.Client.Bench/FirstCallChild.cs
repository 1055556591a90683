using System.Diagnostics;
using System.Globalization;

namespace Saltant.Client.Bench;

/// <summary>
/// The first list in a fresh process: runs the Saltant.Client.FirstCall app (a client and one list,
/// nothing else) as a child process and reads the CPU it prints: the list's (user and system, all
/// threads; the client is made before, as saltant-py's figure leaves out making its client) and the
/// whole process's.
/// </summary>
internal static class FirstCallChild
{
    /// <summary>
    /// The app as bench/run builds it on the libraries' packages (JIT-compiled, as <c>dotnet run</c>
    /// makes an app of a user's; the packages carry ReadyToRun code for linux-x64), from the repository root.
    /// </summary>
    internal const string Packaged = "bench/Saltant.Client.FirstCall.Packaged/bin/Release/net10.0/Saltant.Client.FirstCall.dll";

    /// <summary>The app as bench/run builds it on project references (JIT-compiled, the libraries' IL alone), from the repository root.</summary>
    internal const string JitCompiled = "bench/Saltant.Client.FirstCall/bin/Release/net10.0/Saltant.Client.FirstCall.dll";

    /// <summary>The app as <c>bench/run --full</c> publishes it ReadyToRun (LanguageExt.Core left JIT-compiled).</summary>
    internal const string ReadyToRun = "bench/Saltant.Client.Bench/bin/r2r/firstcall/Saltant.Client.FirstCall.dll";

    /// <summary>The app as <c>bench/run --full</c> publishes it Native AOT: one native executable.</summary>
    internal const string NativeAot = "bench/Saltant.Client.Bench/bin/aot/firstcall/Saltant.Client.FirstCall";

    /// <summary>The child's CPU seconds for the first list and for the whole process, and the list's wall time.</summary>
    /// <param name="apiRoot">The emulator.</param>
    /// <param name="token">A user's token.</param>
    /// <param name="expected">How many instances the list holds.</param>
    /// <param name="app">Which build of the app: a .dll runs under <c>dotnet</c>, anything else is a native executable.</param>
    internal static async Task<(double ListCpu, double ProcessCpu, double ListWall)> RunAsync(Uri apiRoot, string token, int expected, string app = Packaged)
    {
        var start = ChildProgram.For(app, [apiRoot.AbsoluteUri, token, expected.ToString(CultureInfo.InvariantCulture)]);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the first-call child did not start");
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().ConfigureAwait(false);
        var text = await output.ConfigureAwait(false);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the first-call child ({app}) failed ({child.ExitCode}): {text} {await errors.ConfigureAwait(false)}");
        }

        var f = text.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal)).Split(' ').Skip(1)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return (f[0], f[1], f[2]);
    }
}
