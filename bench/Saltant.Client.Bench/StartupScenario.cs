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

    /// <summary>Where bench/run builds the tool, from the repository root: the framework-dependent build, what Saltant.Cli.any holds.</summary>
    private const string Tool = "src/Saltant.Cli/bin/Release/net10.0/saltant.dll";

    /// <summary>
    /// Where <c>bench/run --full</c> publishes the tool ReadyToRun (LanguageExt.Core left JIT-compiled)
    /// and installs it from its packages (on linux-x64 the Native AOT package).
    /// </summary>
    private static readonly (string Build, string Path)[] PublishedTools =
    [
        ("published ReadyToRun", "bench/Saltant.Client.Bench/bin/r2r/tool/saltant.dll"),
        ("as dotnet tool install installs it (the Native AOT package on linux-x64)", "bench/Saltant.Client.Bench/bin/installed/saltant"),
    ];

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

        // Each round runs the app on the packages (what a user's app gets), on project references (the
        // IL alone) and saltant-py, so all three see the machine alike.
        var runs = plan.Full ? 7 : 3;
        var packaged = new List<double>();
        var ilOnly = new List<double>();
        var python = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            packaged.Add((await FirstCallChild.RunAsync(emulator.ApiUrl, token, Listed)).ListCpu);
            ilOnly.Add((await FirstCallChild.RunAsync(emulator.ApiUrl, token, Listed, FirstCallChild.JitCompiled)).ListCpu);
            if (SaltantPy.Available)
            {
                python.Add(await SaltantPy.ListCpuSecondsAsync(emulator.ApiUrl, token));
            }
        }

        var client2 = Median(packaged);
        var il = Median(ilOnly);
        var py = python.Count > 0 ? Median(python) : double.NaN;
        var pyText = python.Count > 0 ? Invariant($"{py * 1000:F0} ms (saltant-py list(), its own process)") : "(saltant-py not found in /work/.mirror)";
        table.Add(new ResultRow(
            Invariant($"first list of {Listed:N0} in a fresh process, the app on the packages (JIT; their ReadyToRun code for linux-x64): CPU"),
            Invariant($"{client2 * 1000:F0} ms"),
            pyText,
            python.Count > 0 ? Invariant($"client/saltant-py {client2 / py:F2}x") : "",
            "<= 2x",
            python.Count > 0 ? client2 <= 2 * py : null));
        table.Add(new ResultRow(
            Invariant($"first list of {Listed:N0} in a fresh process, the app on project references (the libraries' IL alone, all JIT): CPU"),
            Invariant($"{il * 1000:F0} ms"),
            pyText,
            (python.Count > 0 ? Invariant($"client/saltant-py {il / py:F2}x, ") : "") + Invariant($"packages/IL {client2 / il:F2}x"),
            "(shown)",
            null));

        foreach (var (build, app) in new[] { ("ReadyToRun", FirstCallChild.ReadyToRun), ("Native AOT", FirstCallChild.NativeAot) })
        {
            if (!File.Exists(app))
            {
                Console.WriteLine($"  (the app published {build} is measured by bench/run --full only)");
                continue;
            }

            // Paired with the JIT-compiled app (and saltant-py) in the same rounds, so all see the machine alike.
            var published = new List<double>();
            var jitted = new List<double>();
            var pyPaired = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                published.Add((await FirstCallChild.RunAsync(emulator.ApiUrl, token, Listed, app)).ListCpu);
                jitted.Add((await FirstCallChild.RunAsync(emulator.ApiUrl, token, Listed)).ListCpu);
                if (SaltantPy.Available)
                {
                    pyPaired.Add(await SaltantPy.ListCpuSecondsAsync(emulator.ApiUrl, token));
                }
            }

            var ahead = Median(published);
            var jit = Median(jitted);
            var pyRound = pyPaired.Count > 0 ? Median(pyPaired) : double.NaN;
            table.Add(new ResultRow(
                Invariant($"first list of {Listed:N0}, the app published {build}: CPU"),
                Invariant($"{ahead * 1000:F0} ms"),
                Invariant($"{jit * 1000:F0} ms (the same app on the packages, JIT, paired runs)") + (pyPaired.Count > 0 ? Invariant($"; saltant-py {pyRound * 1000:F0} ms") : ""),
                Invariant($"{build}/JIT {ahead / jit:F2}x") + (pyPaired.Count > 0 ? Invariant($", /saltant-py {ahead / pyRound:F2}x") : ""),
                "<= 2x saltant-py",
                pyPaired.Count > 0 ? ahead <= 2 * pyRound : null));
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
        table.Add(new ResultRow(
            "saltant executable-task-instances list, cold start to answer, the framework-dependent build (Saltant.Cli.any)",
            Invariant($"{list * 1000:F0} ms"),
            Invariant($"{version * 1000:F0} ms (saltant --version: the runtime and the tool starting, no request)"),
            Invariant($"list/--version {list / version:F2}x"),
            "<= 300 ms",
            list <= 0.3));
        foreach (var (build, tool) in PublishedTools)
        {
            if (!File.Exists(tool))
            {
                Console.WriteLine($"  (the tool {build} is measured by bench/run --full only)");
                continue;
            }

            var publishedWall = new List<double>();
            var jitWall = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                publishedWall.Add(await WallAsync(environment, tool, "executable-task-instances", "list", "--where", "name=none", "-q"));
                jitWall.Add(await WallAsync(environment, Tool, "executable-task-instances", "list", "--where", "name=none", "-q"));
            }

            var ahead = Median(publishedWall);
            var jit = Median(jitWall);
            table.Add(new ResultRow(
                Invariant($"the same, the tool {build}"),
                Invariant($"{ahead * 1000:F0} ms"),
                Invariant($"{jit * 1000:F0} ms (the framework-dependent build, JIT-compiled, paired runs)"),
                Invariant($"this build/JIT {ahead / jit:F2}x"),
                "<= 300 ms",
                ahead <= 0.3));
        }
    }

    private static async Task<double> WallAsync(IReadOnlyDictionary<string, string> environment, string tool, params string[] args)
    {
        var start = ChildProgram.For(tool, args);
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
