using System.Diagnostics;
using Saltant.Emulator;
using Saltant.Emulator.Worker;
using static Saltant.Client.Bench.Measure;

namespace Saltant.Client.Bench;

/// <summary>
/// 8. What a fresh process pays: the first list's CPU against saltant-py's (each in its own child
/// process), and the saltant tool's cold start against the same process printing its version.
/// </summary>
internal static class StartupScenario
{
    private const int Listed = 2_000;

    /// <summary>Where bench/run builds the tool, from the repository root.</summary>
    private const string Tool = "src/Saltant.Cli/bin/Release/net10.0/saltant.dll";

    /// <summary>Where <c>bench/run --full</c> publishes this harness and the tool ReadyToRun (LanguageExt.Core left JIT-compiled).</summary>
    private const string ReadyToRun = "bench/Saltant.Client.Bench/bin/r2r";

    internal static async Task FirstCallAsync(BenchPlan plan, ResultTable table)
    {
        Console.WriteLine(Invariant($"8. A fresh process: the first list of {Listed:N0} (CPU, user + system) vs saltant-py's list(); the tool's cold start vs its --version"));
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual });
        var token = emulator.User("alice").Token;
        using (var client = SaltantClient.Create(Program.SettingsFor(emulator.ApiUrl, token)))
        using (var raw = new RawApi(emulator.ApiUrl, token))
        {
            var (type, queue) = await Setup.TypeAndQueueAsync(client, "startup");
            await raw.SeedInstancesAsync(type.Value, queue.Value, Listed);
            // The server is warm, as a real one is: its first list is not what the child pays for.
            Program.Ok(await client.ExecutableTaskInstances.ListAsync(), "warm-up list");
        }

        var runs = plan.Full ? 7 : 3;
        var ours = new List<double>();
        var python = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            ours.Add((await FirstCallChild.RunAsync(emulator.ApiUrl, token, Listed)).ListCpu);
            if (SaltantPy.Available)
            {
                python.Add(await SaltantPy.ListCpuSecondsAsync(emulator.ApiUrl, token));
            }
        }

        var client2 = Median(ours);
        var py = python.Count > 0 ? Median(python) : double.NaN;
        var harnessR2R = Path.Combine(ReadyToRun, "bench", "Saltant.Client.Bench.dll");
        var published = new List<double>();
        var jitted = new List<double>();
        if (File.Exists(harnessR2R))
        {
            // Paired with a JIT-compiled child in the same rounds, so both see the machine alike.
            for (var i = 0; i < runs; i++)
            {
                published.Add((await FirstCallChild.RunAsync(emulator.ApiUrl, token, Listed, harness: harnessR2R)).ListCpu);
                jitted.Add((await FirstCallChild.RunAsync(emulator.ApiUrl, token, Listed)).ListCpu);
            }
        }
        table.Add(new ResultRow(
            Invariant($"first list of {Listed:N0} in a fresh process: CPU"),
            Invariant($"{client2 * 1000:F0} ms"),
            python.Count > 0 ? Invariant($"{py * 1000:F0} ms (saltant-py list(), its own process)") : "(saltant-py not found in /work/.mirror)",
            python.Count > 0 ? Invariant($"client/saltant-py {client2 / py:F2}x") : "",
            "<= 2x",
            python.Count > 0 ? client2 <= 2 * py : null));

        if (published.Count > 0)
        {
            var r2r = Median(published);
            var jit = Median(jitted);
            table.Add(new ResultRow(
                Invariant($"first list of {Listed:N0}, app published ReadyToRun: CPU"),
                Invariant($"{r2r * 1000:F0} ms"),
                Invariant($"{jit * 1000:F0} ms (the same app JIT-compiled, paired runs)") + (python.Count > 0 ? Invariant($"; saltant-py {py * 1000:F0} ms") : ""),
                Invariant($"ReadyToRun/JIT {r2r / jit:F2}x") + (python.Count > 0 ? Invariant($", /saltant-py {r2r / py:F2}x") : ""),
                "<= 2x saltant-py",
                python.Count > 0 ? r2r <= 2 * py : null));
        }
        else
        {
            Console.WriteLine("  (the ReadyToRun rows are measured by bench/run --full only)");
        }

        if (!File.Exists(Tool))
        {
            Console.WriteLine($"  ({Tool} not built: the cold-start row is left out)");
            return;
        }

        var environment = new Dictionary<string, string>
        {
            ["SALTANT_API_URL"] = emulator.ApiUrl.AbsoluteUri,
            ["SALTANT_AUTH_TOKEN"] = token,
        };
        var listWall = new List<double>();
        var versionWall = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            listWall.Add(await WallAsync(environment, Tool, "executable-task-instances", "list", "--where", "name=none", "-q"));
            versionWall.Add(await WallAsync(environment, Tool, "--version"));
        }

        var list = Median(listWall);
        var version = Median(versionWall);
        var toolR2R = Path.Combine(ReadyToRun, "tool", "saltant.dll");
        var listR2R = new List<double>();
        if (File.Exists(toolR2R))
        {
            for (var i = 0; i < runs; i++)
            {
                listR2R.Add(await WallAsync(environment, toolR2R, "executable-task-instances", "list", "--where", "name=none", "-q"));
            }
        }
        table.Add(new ResultRow(
            "saltant executable-task-instances list, cold start to answer",
            Invariant($"{list * 1000:F0} ms"),
            Invariant($"{version * 1000:F0} ms (saltant --version: the runtime and the tool starting, no request)"),
            Invariant($"list/--version {list / version:F2}x"),
            "<= 300 ms",
            list <= 0.3));
        if (listR2R.Count > 0)
        {
            var r2r = Median(listR2R);
            table.Add(new ResultRow(
                "the same, tool published ReadyToRun",
                Invariant($"{r2r * 1000:F0} ms"),
                Invariant($"{list * 1000:F0} ms (the tool as packed, JIT-compiled)"),
                Invariant($"ReadyToRun/JIT {r2r / list:F2}x"),
                "<= 300 ms",
                r2r <= 0.3));
        }
    }

    private static async Task<double> WallAsync(IReadOnlyDictionary<string, string> environment, string tool, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the tool did not start");
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var elapsed = clock.Elapsed.TotalSeconds;
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"saltant {string.Join(' ', args)} failed ({child.ExitCode}): {await output} {await errors}");
        }

        return elapsed;
    }
}
