using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Faults;
using Saltant.Emulator.Worker;
using static LanguageExt.Prelude;
using static Saltant.Client.Bench.Measure;

namespace Saltant.Client.Bench;

/// <summary>The four measurements, each against a fresh emulator.</summary>
internal static class Scenarios
{
    private const double MB = 1024.0 * 1024.0;

    /// <summary>1. Per-request overhead: the client's GET against a hand-written HttpClient + System.Text.Json loop.</summary>
    internal static async Task OverheadAsync(BenchPlan plan, ResultTable table)
    {
        Console.WriteLine("1. Per-request overhead: TaskQueues.GetAsync(id) vs HttpClient + System.Text.Json (source-generated DTO)");
        await using var emulator = await StartAsync().ConfigureAwait(false);
        var token = emulator.User("alice").Token;
        using var client = SaltantClient.Create(Program.SettingsFor(emulator.ApiUrl, token));
        using var raw = new RawApi(emulator.ApiUrl, token);
        var (_, queue) = await SetUpAsync(client).ConfigureAwait(false);

        async Task ViaClient() => _ = Program.Ok(await client.TaskQueues.GetAsync(queue).ConfigureAwait(false), "get");
        async Task ViaRaw()
        {
            var dto = await raw.GetQueueAsync(queue.Value).ConfigureAwait(false);
            if (dto.Id != queue.Value)
            {
                throw new InvalidOperationException("wrong queue");
            }
        }

        foreach (var concurrency in new[] { 1, 16 })
        {
            await RateAsync(ViaClient, concurrency, plan.WarmUp).ConfigureAwait(false);
            await RateAsync(ViaRaw, concurrency, plan.WarmUp).ConfigureAwait(false);
            var (viaClient, viaRaw) = await PairedMediansAsync(
                () => RateAsync(ViaClient, concurrency, plan.RateWindow),
                () => RateAsync(ViaRaw, concurrency, plan.RateWindow),
                plan.Repetitions).ConfigureAwait(false);
            var ratio = viaRaw / viaClient;
            table.Add(new ResultRow(
                $"GET taskqueues/{{id}}/, {(concurrency == 1 ? "sequential" : $"{concurrency} concurrent")}",
                Invariant($"{viaClient:F0} req/s"),
                Invariant($"{viaRaw:F0} req/s (HttpClient+STJ)"),
                Invariant($"baseline/client {ratio:F2}x"),
                "<= 1.30x",
                ratio <= 1.3));
        }
    }

    /// <summary>2. Streaming a large listing: time and peak managed heap, measured in a child process holding only the lister.</summary>
    internal static async Task StreamingAsync(BenchPlan plan, ResultTable table)
    {
        var n = plan.StreamedInstances;
        Console.WriteLine(Invariant($"2. Streaming {n:N0} instances: ExecutableTaskInstances.Stream() (page 100, read-ahead 4) vs a hand-written sequential page loop, each in a child process"));
        await using var emulator = await StartAsync().ConfigureAwait(false);
        var token = emulator.User("alice").Token;
        using var client = SaltantClient.Create(Program.SettingsFor(emulator.ApiUrl, token));
        using var raw = new RawApi(emulator.ApiUrl, token);
        var (type, queue) = await SetUpAsync(client).ConfigureAwait(false);
        var seeding = await TimeAsync(() => raw.SeedInstancesAsync(type.Value, queue.Value, n)).ConfigureAwait(false);
        Console.WriteLine(Invariant($"  seeded {n:N0} instances in {seeding.TotalSeconds:F1} s ({n / seeding.TotalSeconds:F0}/s, raw POSTs, 32 concurrent)"));

        var repetitions = plan.Full ? 3 : 1;
        var clientRuns = new List<StreamFigures>();
        var rawRuns = new List<StreamFigures>();
        for (var i = 0; i < repetitions; i++)
        {
            clientRuns.Add(await StreamChild.RunAsync("client", emulator.ApiUrl, token, n).ConfigureAwait(false));
            rawRuns.Add(await StreamChild.RunAsync("raw", emulator.ApiUrl, token, n).ConfigureAwait(false));
        }

        foreach (var (name, runs) in new[] { ("client", clientRuns), ("raw", rawRuns) })
        {
            foreach (var r in runs)
            {
                Console.WriteLine(Invariant(
                    $"  {name}: {r.Count:N0} in {r.Elapsed.TotalSeconds:F2} s, peak heap {r.PeakHeapBytes / MB:F1} MB (baseline {r.BaselineHeapBytes / MB:F1} MB), allocated {r.AllocatedBytes / MB:F0} MB, peak working set {r.PeakWorkingSetBytes / MB:F0} MB"));
            }
        }

        var clientTime = Median(clientRuns.Select(r => r.Elapsed.TotalSeconds));
        var rawTime = Median(rawRuns.Select(r => r.Elapsed.TotalSeconds));
        var clientPeak = clientRuns.Max(r => r.PeakHeapBytes) / MB;
        var rawPeak = rawRuns.Max(r => r.PeakHeapBytes) / MB;
        table.Add(new ResultRow(
            Invariant($"stream {n:N0} instances: time"),
            Invariant($"{clientTime:F2} s ({n / clientTime:F0} rec/s)"),
            Invariant($"{rawTime:F2} s (sequential HttpClient pages)"),
            Invariant($"client/baseline {clientTime / rawTime:F2}x"),
            "",
            null));
        table.Add(new ResultRow(
            Invariant($"stream {n:N0} instances: peak managed heap"),
            Invariant($"{clientPeak:F1} MB"),
            Invariant($"{rawPeak:F1} MB (sequential HttpClient pages)"),
            Invariant($"client/baseline {clientPeak / rawPeak:F2}x"),
            "client < 100 MB",
            clientPeak < 100));
    }

    /// <summary>4. Batch creation: CreateMany (concurrency 8) vs one Create after another, on a fast and a slightly slow server.</summary>
    internal static async Task BatchAsync(BenchPlan plan, ResultTable table)
    {
        const int N = 1_000;
        Console.WriteLine(Invariant($"4. Creating {N:N0} instances: CreateManyAsync (default concurrency 8) vs sequential CreateAsync"));
        await using var emulator = await StartAsync().ConfigureAwait(false);
        var token = emulator.User("alice").Token;
        using var client = SaltantClient.Create(Program.SettingsFor(emulator.ApiUrl, token));
        var (type, queue) = await SetUpAsync(client).ConfigureAwait(false);
        var drafts = Enumerable.Range(0, N)
            .Select(i => TaskInstanceDraft.For(type, queue) with { Name = $"batch-{i}", Arguments = Json.Object(("x", Json.Of(i))) })
            .ToList();

        async Task<double> Sequential(IReadOnlyList<TaskInstanceDraft<Executable>> items) => (await TimeAsync(async () =>
        {
            foreach (var draft in items)
            {
                _ = Program.Ok(await client.ExecutableTaskInstances.CreateAsync(draft).ConfigureAwait(false), "create");
            }
        }).ConfigureAwait(false)).TotalSeconds;

        async Task<double> Batch(IReadOnlyList<TaskInstanceDraft<Executable>> items) => (await TimeAsync(async () =>
        {
            var results = Program.Ok(await client.ExecutableTaskInstances.CreateManyAsync(items).ConfigureAwait(false), "create many");
            Check(results.Count(r => r.IsSucc), items.Count);
        }).ConfigureAwait(false)).TotalSeconds;

        await Sequential(drafts.Take(100).ToList()).ConfigureAwait(false);
        await Batch(drafts.Take(100).ToList()).ConfigureAwait(false);

        var serverDelay = TimeSpan.FromMilliseconds(2);
        foreach (var delayed in new[] { false, true })
        {
            var rule = delayed ? emulator.Faults.Add(Fault.Latency(serverDelay), "executabletaskinstances/", "POST") : null;
            var repetitions = delayed && !plan.Full ? 1 : plan.Repetitions;
            var (batch, sequential) = await PairedMediansAsync(() => Batch(drafts), () => Sequential(drafts), repetitions).ConfigureAwait(false);
            if (rule is not null)
            {
                emulator.Faults.Remove(rule);
            }

            var speedUp = sequential / batch;
            table.Add(new ResultRow(
                Invariant($"create {N:N0} instances{(delayed ? $", server +{serverDelay.TotalMilliseconds:F0} ms per create" : ", in-process server (CPU-bound)")}"),
                Invariant($"{batch:F2} s CreateMany ({N / batch:F0}/s)"),
                Invariant($"{sequential:F2} s sequential ({N / sequential:F0}/s)"),
                Invariant($"sequential/batch {speedUp:F2}x"),
                // Client and emulator share two cores in-process, so that row is CPU-bound; a server that does
                // real work per create (here 2 ms) is the case batching is for, and the target applies there.
                delayed ? ">= 5x" : "none (CPU-bound contrast)",
                delayed ? speedUp >= 5 : null));
        }
    }

    private static Task<SaltantEmulator> StartAsync() =>
        SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual });

    /// <summary>An executable task type (argument x, default 0), whitelisted on a queue, made through the client.</summary>
    private static async Task<(TaskTypeId<Executable> Type, TaskQueueId Queue)> SetUpAsync(SaltantClient client)
    {
        var type = Program.Ok(
            await client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft("bench", "true")
            {
                RequiredArguments = Seq1("x"),
                RequiredArgumentsDefaultValues = Json.Object(("x", Json.Of(0L))),
            }).ConfigureAwait(false),
            "create type");
        var whitelist = Program.Ok(
            await client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft("bench") { WhitelistedExecutableTaskTypes = Seq1(type.Id) }).ConfigureAwait(false),
            "create whitelist");
        var queue = Program.Ok(
            await client.TaskQueues.CreateAsync(new TaskQueueDraft("bench") { Whitelists = Seq1(whitelist.Id) }).ConfigureAwait(false),
            "create queue");
        return (type.Id, queue.Id);
    }

    private static void Check(long actual, long expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"listed {actual}, expected {expected}");
        }
    }
}
