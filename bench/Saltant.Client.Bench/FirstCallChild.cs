using System.Diagnostics;
using System.Globalization;

namespace Saltant.Client.Bench;

/// <summary>
/// The first list in a fresh process: a child process makes a client, lists every instance once,
/// and prints the CPU the list took (user and system, all threads; the client is made before, as
/// saltant-py's figure leaves out making its client) and the process's CPU in all.
/// </summary>
internal static class FirstCallChild
{
    internal const string Flag = "--first-call-child";

    /// <summary>Parent side: the child's CPU seconds for the first list, and for the whole process.</summary>
    /// <param name="apiRoot">The emulator.</param>
    /// <param name="token">A user's token.</param>
    /// <param name="expected">How many instances the list holds.</param>
    /// <param name="environment">Variables for the child.</param>
    /// <param name="harness">Another build of this harness to run as the child (a ReadyToRun publish); this one when null.</param>
    internal static async Task<(double ListCpu, double ProcessCpu, double ListWall)> RunAsync(
        Uri apiRoot, string token, int expected, IReadOnlyDictionary<string, string>? environment = null, string? harness = null)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(harness is null ? self : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (harness is not null)
        {
            start.ArgumentList.Add(harness);
        }
        else if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FirstCallChild).Assembly.Location);
        }

        foreach (var arg in new[] { Flag, apiRoot.AbsoluteUri, token, expected.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("the child did not start");
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().ConfigureAwait(false);
        var text = await output.ConfigureAwait(false);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the first-call child failed ({child.ExitCode}): {text} {await errors.ConfigureAwait(false)}");
        }

        var f = text.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal)).Split(' ').Skip(1)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return (f[0], f[1], f[2]);
    }

    /// <summary>Child side.</summary>
    internal static async Task<int> MainAsync(string[] args)
    {
        var apiRoot = new Uri(args[1]);
        var token = args[2];
        var expected = int.Parse(args[3], CultureInfo.InvariantCulture);
        // As saltant-py's figure: the client is made first, and only the list is measured.
        using var client = SaltantClient.Create(Program.SettingsFor(apiRoot, token));
        using var me = Process.GetCurrentProcess();
        var before = me.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = Program.Ok(await client.ExecutableTaskInstances.ListAsync().ConfigureAwait(false), "first list").Count;
        var wall = clock.Elapsed.TotalSeconds;
        me.Refresh();
        var cpu = (me.TotalProcessorTime - before).TotalSeconds;
        if (count != expected)
        {
            await Console.Error.WriteLineAsync($"listed {count}, expected {expected}").ConfigureAwait(false);
            return 1;
        }

        Console.WriteLine(FormattableString.Invariant($"RESULT {cpu} {me.TotalProcessorTime.TotalSeconds} {wall}"));
        return 0;
    }
}
