using System.Diagnostics;
using System.Globalization;
using Saltant.Domain;

namespace Saltant.Client.Bench;

/// <summary>What one listing in a child process measured.</summary>
/// <param name="Count">Records listed.</param>
/// <param name="Elapsed">Time to list them all.</param>
/// <param name="PeakHeapBytes">The largest managed heap seen while listing (sampled every millisecond, garbage included).</param>
/// <param name="BaselineHeapBytes">The managed heap just before listing, after a full collection.</param>
/// <param name="AllocatedBytes">Bytes allocated while listing.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set.</param>
internal sealed record StreamFigures(long Count, TimeSpan Elapsed, long PeakHeapBytes, long BaselineHeapBytes, long AllocatedBytes, long PeakWorkingSetBytes);

/// <summary>
/// Lists every instance in a separate process, so its heap holds the lister alone and not the
/// in-process emulator's store. <c>client</c> streams with <c>ExecutableTaskInstances.Stream()</c>;
/// <c>raw</c> is a hand-written HttpClient loop over pages of 100, one after another.
/// </summary>
internal static class StreamChild
{
    internal const string Flag = "--stream-child";

    /// <summary>Parent side: starts this program in child mode and reads its figures.</summary>
    internal static async Task<StreamFigures> RunAsync(string mode, Uri apiRoot, string token, long expected)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(StreamChild).Assembly.Location);
        }

        foreach (var arg in new[] { Flag, mode, apiRoot.AbsoluteUri, token, expected.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("the child did not start");
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().ConfigureAwait(false);
        var text = await output.ConfigureAwait(false);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {mode} child failed ({child.ExitCode}): {text} {await errors.ConfigureAwait(false)}");
        }

        var line = text.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        var f = line.Split(' ').Skip(1).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new StreamFigures(f[0], TimeSpan.FromTicks(f[1]), f[2], f[3], f[4], f[5]);
    }

    /// <summary>Child side: lists, samples the heap meanwhile, prints one RESULT line.</summary>
    internal static async Task<int> MainAsync(string[] args)
    {
        var mode = args[1];
        var apiRoot = new Uri(args[2]);
        var token = args[3];
        var expected = long.Parse(args[4], CultureInfo.InvariantCulture);

        using var client = SaltantClient.Create(Program.SettingsFor(apiRoot, token));
        using var raw = new RawApi(apiRoot, token);
        Func<Task<long>> list = mode switch
        {
            "client" => async () =>
            {
                long n = 0;
                await foreach (var item in client.ExecutableTaskInstances.Stream().ConfigureAwait(false))
                {
                    _ = Program.Ok(item, "streaming");
                    n++;
                }

                return n;
            },
            "raw" => () => raw.CountAllInstancesAsync(100),
            _ => throw new ArgumentException($"unknown mode {mode}"),
        };

        // Warm up the code paths on one page, then start from a collected heap.
        _ = mode == "client"
            ? Program.Ok(await client.ExecutableTaskInstances.ListPageAsync(pageSize: 100).ConfigureAwait(false), "first page").Count
            : (await raw.InstancePageAsync(1, 100).ConfigureAwait(false)).Count;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);

        long peak = baseline;
        var done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                var now = GC.GetTotalMemory(false);
                if (now > peak)
                {
                    peak = now;
                }

                Thread.Sleep(1);
            }
        })
        { IsBackground = true };
        sampler.Start();

        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        var count = await list().ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        Volatile.Write(ref done, true);
        sampler.Join();
        peak = Math.Max(peak, GC.GetTotalMemory(false));

        if (count != expected)
        {
            await Console.Error.WriteLineAsync($"listed {count}, expected {expected}").ConfigureAwait(false);
            return 1;
        }

        using var me = Process.GetCurrentProcess();
        Console.WriteLine(FormattableString.Invariant($"RESULT {count} {elapsed.Ticks} {peak} {baseline} {allocated} {me.PeakWorkingSet64}"));
        return 0;
    }
}
