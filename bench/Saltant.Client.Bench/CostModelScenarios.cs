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
/// The real saltant server's cost, modelled by the emulator (<see cref="ServerCost.Saltant"/>: about
/// 18 ms per request and 0.55 ms per record serialised, two requests served at a time): listing
/// everything, and what a round of waiting costs, each against a baseline from the same run.
/// </summary>
internal static class CostModelScenarios
{
    private const int Listed = 2_000;
    private const int Waited = 1_000;

    /// <summary>5. Listing 2,000 instances on the cost model and on a fast server.</summary>
    internal static async Task ListAllAsync(BenchPlan plan, ResultTable table)
    {
        Console.WriteLine(Invariant($"5. Listing {Listed:N0} instances: ListAsync() (a first page of 100, then four parts side by side) vs one giant page and vs pages of 100 by number"));
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual, ServerCost = ServerCost.Saltant });
        var token = emulator.User("alice").Token;
        using var client = SaltantClient.Create(Program.SettingsFor(emulator.ApiUrl, token));
        emulator.CostMeter.Paused = true;
        using (var raw = new RawApi(emulator.ApiUrl, token))
        {
            var (type, queue) = await Setup.TypeAndQueueAsync(client);
            await raw.SeedInstancesAsync(type.Value, queue.Value, Listed);
        }

        async Task<double> ListAll() => (await TimeAsync(async () => Check(Program.Ok(await client.ExecutableTaskInstances.ListAsync(), "list").Count))).TotalSeconds;
        async Task<double> GiantPage() => (await TimeAsync(async () =>
            Check(Program.Ok(await client.ExecutableTaskInstances.ListPageAsync(pageSize: Listed), "giant page").Results.Count))).TotalSeconds;
        async Task<double> NumberedPages() => (await TimeAsync(async () => Check(await NumberedPagesAsync(client, 100, 4)))).TotalSeconds;

        foreach (var costed in new[] { true, false })
        {
            emulator.CostMeter.Paused = !costed;
            // Warm: on a fast server a list takes milliseconds, and the runtime recompiles hot methods
            // (tier 0 to tier 1) in the background a while after their 30th call; measured before that
            // settles, either side can be caught half-compiled. Both sides warm alike.
            var warmUps = costed ? 1 : 60;
            for (var i = 0; i < warmUps; i++)
            {
                await ListAll();
                await GiantPage();
                await NumberedPages();
            }

            if (!costed)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            // A fast server's list takes tens of milliseconds: many repetitions make its median steady.
            var repetitions = costed ? (plan.Full ? plan.Repetitions : 1) : 31;
            emulator.CostMeter.Reset();
            var (listed, giant) = await PairedMediansAsync(ListAll, GiantPage, repetitions);
            var (listed2, numbered) = await PairedMediansAsync(ListAll, NumberedPages, repetitions);
            var client2 = (listed + listed2) / 2;
            var model = costed ? "saltant cost model" : "fast server (no cost model)";
            if (costed)
            {
                var speedUp = giant / client2;
                table.Add(new ResultRow(
                    Invariant($"list {Listed:N0}, {model}"),
                    Invariant($"{client2 * 1000:F0} ms"),
                    Invariant($"{giant * 1000:F0} ms (one page_size={Listed} request, as saltant-py)"),
                    Invariant($"giant/client {speedUp:F2}x faster"),
                    ">= 1.5x",
                    speedUp >= 1.5));
                table.Add(new ResultRow(
                    Invariant($"list {Listed:N0}, {model}: most requests at the server at once"),
                    Invariant($"{emulator.CostMeter.PeakInService + emulator.CostMeter.PeakWaiting}"),
                    "2 workers",
                    Invariant($"{(emulator.CostMeter.PeakInService + emulator.CostMeter.PeakWaiting) / 2.0:F1} per worker"),
                    "<= 2 per worker",
                    emulator.CostMeter.PeakInService + emulator.CostMeter.PeakWaiting <= 4));
            }

            var ratio = client2 / numbered;
            table.Add(new ResultRow(
                Invariant($"list {Listed:N0}, {model}: vs the previous way"),
                Invariant($"{client2 * 1000:F0} ms"),
                Invariant($"{numbered * 1000:F0} ms (pages of 100 by number, read-ahead 4)"),
                Invariant($"client/previous {ratio:F2}x"),
                costed ? "none (shown)" : "<= 1.00x",
                costed ? null : ratio <= 1.0));
        }

        if (SaltantPy.Available)
        {
            emulator.CostMeter.Paused = false;
            var python = Median(await Task.WhenAll(Enumerable.Range(0, 1).Select(_ => SaltantPy.ListWallSecondsAsync(emulator.ApiUrl, token))));
            var ours = Median(new[] { await ListAll() });
            table.Add(new ResultRow(
                Invariant($"list {Listed:N0}, saltant cost model: vs saltant-py"),
                Invariant($"{ours * 1000:F0} ms"),
                Invariant($"{python * 1000:F0} ms (saltant-py list(), wall, its own process)"),
                Invariant($"saltant-py/client {python / ours:F2}x faster"),
                "> 1.0x",
                python > ours));
        }
        else
        {
            Console.WriteLine("  (saltant-py not found in /work/.mirror: its row is left out)");
        }
    }

    /// <summary>6. One round of waiting on 1,000 instances: list pages vs one read per instance.</summary>
    internal static async Task WaitRoundAsync(BenchPlan plan, ResultTable table)
    {
        Console.WriteLine(Invariant($"6. One round of waiting on {Waited:N0} instances (three queues, another user's 200 on them): Watch() vs one GET per instance"));
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual, ServerCost = ServerCost.Saltant });
        emulator.CostMeter.Paused = true;
        using var client = SaltantClient.Create(Program.SettingsFor(emulator.ApiUrl, emulator.User("alice").Token));
        using var bob = SaltantClient.Create(Program.SettingsFor(emulator.ApiUrl, emulator.User("bob").Token));
        var (type, queue) = await Setup.TypeAndQueueAsync(client);
        var queues = new[] { queue, (await Setup.TypeAndQueueAsync(client, "second", type)).Queue, (await Setup.TypeAndQueueAsync(client, "third", type)).Queue };
        var mine = await LaunchAsync(client, type, queues, Waited);
        await LaunchAsync(bob, type, queues, 200);

        // Half of them finished: the round reads the unfinished ones, then the finished among those missing.
        foreach (var instance in mine.Take(Waited / 2))
        {
            Program.Ok(await client.UpdateStateAsync(instance.Uuid, TaskState.SuccessfulState), "finish");
        }

        var oneRound = new WaitOptions(Schedule.spaced(TimeSpan.FromHours(1)), None);
        async Task<(int Requests, double Seconds)> ListRound()
        {
            emulator.Requests.Reset();
            var clock = Stopwatch.StartNew();
            await using var watch = client.ExecutableTaskInstances.Watch(mine, oneRound).GetAsyncEnumerator();
            await watch.MoveNextAsync();
            return (emulator.Requests.Total, clock.Elapsed.TotalSeconds);
        }

        async Task<(int Requests, double Seconds)> PerInstanceRound()
        {
            emulator.Requests.Reset();
            var clock = Stopwatch.StartNew();
            var reads = Program.Ok(await client.ExecutableTaskInstances.GetManyAsync(mine.Select(i => i.Uuid)), "reads");
            Check(reads.Count(r => r.IsSucc), Waited);
            return (emulator.Requests.Total, clock.Elapsed.TotalSeconds);
        }

        var listed = await ListRound();
        var each = await PerInstanceRound();
        table.Add(new ResultRow(
            Invariant($"wait on {Waited:N0}: requests per round"),
            Invariant($"{listed.Requests}"),
            Invariant($"{each.Requests} (one GET per instance)"),
            Invariant($"client/per-instance {listed.Requests / (double)each.Requests:F3}"),
            "<= 0.05 (1/20)",
            listed.Requests * 20 <= each.Requests));

        emulator.CostMeter.Paused = false;
        var costedList = await ListRound();
        var costedEach = plan.Full ? await PerInstanceRound() : (Requests: Waited, Seconds: double.NaN);
        table.Add(new ResultRow(
            Invariant($"wait on {Waited:N0}: one round, saltant cost model"),
            Invariant($"{costedList.Seconds * 1000:F0} ms"),
            plan.Full ? Invariant($"{costedEach.Seconds * 1000:F0} ms (GETs, batch concurrency 8)") : "(--full only)",
            plan.Full ? Invariant($"per-instance/client {costedEach.Seconds / costedList.Seconds:F1}x faster") : "",
            "",
            null));
    }

    /// <summary>The previous client's listing: page 1, then the pages the count implies by number, read-ahead in flight.</summary>
    private static async Task<int> NumberedPagesAsync(SaltantClient client, int pageSize, int readAhead)
    {
        var first = Program.Ok(await client.ExecutableTaskInstances.ListPageAsync(default, 1, pageSize), "page 1");
        var pages = (first.Count + pageSize - 1) / pageSize;
        var count = first.Results.Count;
        using var gate = new SemaphoreSlim(readAhead);
        var rest = await Task.WhenAll(Enumerable.Range(2, Math.Max(0, pages - 1)).Select(async n =>
        {
            await gate.WaitAsync();
            try
            {
                return Program.Ok(await client.ExecutableTaskInstances.ListPageAsync(default, n, pageSize), $"page {n}").Results.Count;
            }
            finally
            {
                gate.Release();
            }
        }));
        return count + rest.Sum();
    }

    private static async Task<ExecutableTaskInstance[]> LaunchAsync(SaltantClient client, TaskTypeId<Executable> type, TaskQueueId[] queues, int count) =>
        Program.Ok(await client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, count).Select(i => TaskInstanceDraft.For(type, queues[i % queues.Length]))), "launch")
            .Map(r => Program.Ok(r, "launch one")).ToArray();

    private static void Check(int count, int expected = Listed)
    {
        if (count != expected)
        {
            throw new InvalidOperationException($"listed {count}, expected {expected}");
        }
    }
}
