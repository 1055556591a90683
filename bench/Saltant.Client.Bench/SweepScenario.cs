using System.Diagnostics;
using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Cost;
using Saltant.Emulator.Worker;
using static LanguageExt.Prelude;
using static Saltant.Client.Bench.Measure;

namespace Saltant.Client.Bench;

/// <summary>
/// 7. A sweep against the loop users write around saltant-py today, on the saltant cost model: for
/// each set, create an instance; then for each instance, read it until it has finished. Both do the
/// same work on the same server; the figures are requests and wall time.
/// </summary>
internal static class SweepScenario
{
    internal static async Task SweepAsync(BenchPlan plan, ResultTable table)
    {
        var sets = plan.Full ? 1_000 : 200;
        Console.WriteLine(Invariant($"7. A sweep of {sets:N0} argument sets on the saltant cost model: Sweep() (concurrency 8, list-based waits) vs a sequential saltant-py-style loop (create each, then read each until finished)"));
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Automatic, ServerCost = ServerCost.Saltant });
        emulator.CostMeter.Paused = true;
        using var client = SaltantClient.Create(Program.SettingsFor(emulator.ApiUrl, emulator.User("alice").Token));
        var (type, queue) = await Setup.TypeAndQueueAsync(client, "sweep");
        var items = toSeq(Enumerable.Range(0, sets)).Map(i => new SweepItem($"set-{i:D5}", Json.Object(("x", Json.Of((long)i))))).Strict();
        var quickWait = new SweepOptions { Wait = WaitOptions.BackingOffTo(TimeSpan.FromMilliseconds(200)) };
        emulator.CostMeter.Paused = false;

        emulator.Requests.Reset();
        var clock = Stopwatch.StartNew();
        var swept = Program.Ok(await client.ExecutableTaskInstances.SweepAsync(type, queue, "bench", items, quickWait), "sweep");
        var sweepSeconds = clock.Elapsed.TotalSeconds;
        var sweepRequests = emulator.Requests.Total;
        Expect(swept.Count(r => r.Succeeded), sets);

        emulator.Requests.Reset();
        clock.Restart();
        var looped = await SequentialLoopAsync(client, type, queue, items);
        var loopSeconds = clock.Elapsed.TotalSeconds;
        var loopRequests = emulator.Requests.Total;
        Expect(looped, sets);

        table.Add(new ResultRow(
            Invariant($"sweep of {sets:N0}, saltant cost model: requests"),
            Invariant($"{sweepRequests:N0}"),
            Invariant($"{loopRequests:N0} (sequential create, then read each until finished)"),
            Invariant($"client/loop {sweepRequests / (double)loopRequests:F2}"),
            "fewer",
            sweepRequests < loopRequests));
        table.Add(new ResultRow(
            Invariant($"sweep of {sets:N0}, saltant cost model: time"),
            Invariant($"{sweepSeconds:F1} s"),
            Invariant($"{loopSeconds:F1} s"),
            Invariant($"loop/client {loopSeconds / sweepSeconds:F2}x faster"),
            "faster",
            sweepSeconds < loopSeconds));

        // Run again: the sweep finds every set on the server and creates nothing.
        emulator.Requests.Reset();
        Program.Ok(await client.ExecutableTaskInstances.SweepAsync(type, queue, "bench", items, quickWait), "sweep again");
        table.Add(new ResultRow(
            Invariant($"sweep of {sets:N0} run again (all done): requests"),
            Invariant($"{emulator.Requests.Total:N0}"),
            Invariant($"{loopRequests:N0} (the loop has no memory: it would launch them all again)"),
            Invariant($"creates sent {emulator.Requests.Count("POST", "executabletaskinstances/")}"),
            "0 creates",
            emulator.Requests.Count("POST", "executabletaskinstances/") == 0));
    }

    // What a saltant-py user writes: create one by one, then wait for each in turn by reading it.
    private static async Task<int> SequentialLoopAsync(SaltantClient client, TaskTypeId<Executable> type, TaskQueueId queue, Seq<SweepItem> items)
    {
        var launched = new List<InstanceUuid>();
        foreach (var item in items)
        {
            var draft = TaskInstanceDraft.For(type, queue) with { Arguments = item.Arguments, Name = "loop/" + item.Key };
            launched.Add(Program.Ok(await client.ExecutableTaskInstances.CreateAsync(draft), "create").Uuid);
        }

        var finished = 0;
        foreach (var uuid in launched)
        {
            while (!Program.Ok(await client.ExecutableTaskInstances.GetAsync(uuid), "read").State.IsFinished)
            {
                await Task.Delay(200);
            }

            finished++;
        }

        return finished;
    }

    private static void Expect(int count, int expected)
    {
        if (count != expected)
        {
            throw new InvalidOperationException($"{count} sets finished, expected {expected}");
        }
    }
}
