using System.Collections.Concurrent;
using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Saltant.Emulator.Worker;
using Xunit;
using static LanguageExt.Prelude;

namespace Saltant.Client.Tests;

/// <summary>
/// Sweeps over real HTTP against the emulator: each set created exactly once, in one run and across
/// runs cut short by a cancellation or by answers lost after the server created; a bad sweep creates
/// nothing; failed sets re-run by cloning, counted across runs.
/// </summary>
public sealed class SweepTests
{
    private const string Creates = "executabletaskinstances/";

    private static Seq<SweepItem> Sets(int count) =>
        toSeq(Enumerable.Range(1, count)).Map(i => new SweepItem($"s{i:D4}", Json.Object(("n", Json.Of((long)i))))).Strict();

    private static async Task<Harness> AutomaticAsync() =>
        await Harness.StartAsync(configure: o => o.WorkerMode = WorkerMode.Automatic);

    private static async Task<(ExecutableTaskType Type, TaskQueue Queue)> SetupAsync(Harness h, string command = "true")
    {
        var name = "sw" + Guid.NewGuid().ToString("N")[..8];
        var type = Check.Ok(await h.Client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft(name, command) { RequiredArguments = Seq1("n") }));
        var wl = Check.Ok(await h.Client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft(name + "-wl") { WhitelistedExecutableTaskTypes = Seq1(type.Id) }));
        var queue = Check.Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft(name + "-q") { Whitelists = Seq1(wl.Id) }));
        return (type, queue);
    }

    // What the server holds of the sweep, read independently of the sweep: instances per name.
    private static async Task<Dictionary<string, int>> OnServerAsync(Harness h, string sweep)
    {
        var all = Check.Ok(await h.Client.ExecutableTaskInstances.ListAsync(Seq1(TaskInstanceFilters<Executable>.Name.StartsWith(sweep + "/"))));
        return all.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.Count());
    }

    private static void AssertEachSetOnce(Dictionary<string, int> onServer, string sweep, Seq<SweepItem> sets)
    {
        Assert.Equal(sets.Count, onServer.Count);
        Assert.All(sets, s => Assert.Equal(1, onServer.GetValueOrDefault($"{sweep}/{s.Key}")));
    }

    [Fact]
    public async Task A_sweep_of_500_creates_each_set_exactly_once_and_a_rerun_creates_nothing()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        var sets = Sets(500);

        var results = Check.Ok(h.Observe(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "five-hundred", sets)));

        Assert.Equal(sets.Map(s => s.Key), results.Map(r => r.Key));
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.All(results.Zip(sets), x => Assert.Equal(x.Item2.Arguments, Check.Ok(x.Item1.Outcome).Arguments));
        Assert.Equal(500, h.Emu.Requests.Processed("POST", Creates));
        AssertEachSetOnce(await OnServerAsync(h, "five-hundred"), "five-hundred", sets);

        var again = Check.Ok(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "five-hundred", sets));
        Assert.Equal(500, h.Emu.Requests.Processed("POST", Creates));
        Assert.Equal(results.Map(r => Check.Ok(r.Outcome).Uuid), again.Map(r => Check.Ok(r.Outcome).Uuid));
    }

    [Fact]
    public async Task A_sweep_cancelled_midway_with_answers_dropped_after_the_server_created_ends_each_set_once_when_run_again()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        var sets = Sets(200);
        var rules = new[]
        {
            h.Emu.Faults.Next(4, Fault.ConnectionReset(afterProcessing: true), Creates, "POST"),
            h.Emu.Faults.Next(4, Fault.ConnectionClose(afterProcessing: true), Creates, "POST"),
        };

        using var stop = new CancellationTokenSource();
        var created = 0;
        var progress = new Reporter(p =>
        {
            if (p.Step == SweepStep.Created && Interlocked.Increment(ref created) == 80)
            {
                stop.Cancel();
            }
        });
        var cut = await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "cut-short", sets, new SweepOptions { Concurrency = 4 }, progress, stop.Token);
        Check.Fails<Cancelled, Seq<SweepResult<ExecutableTaskInstance>>>(cut);
        var afterCut = await OnServerAsync(h, "cut-short");
        Assert.InRange(afterCut.Count, 80, 199);
        Assert.All(afterCut.Values, n => Assert.Equal(1, n));

        // Still dropping answers on the second run, wherever the first run's faults were not used up.
        var results = Check.Ok(h.Observe(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "cut-short", sets, new SweepOptions { Concurrency = 4 })));
        foreach (var rule in rules)
        {
            h.Emu.Faults.Remove(rule);
        }

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.All(results, r => Assert.Single(r.Attempts));
        AssertEachSetOnce(await OnServerAsync(h, "cut-short"), "cut-short", sets);
        Assert.Equal(200, h.Emu.Requests.Processed("POST", Creates));
    }

    [Fact]
    public async Task Answers_lost_after_the_server_created_are_settled_by_reading_by_name_in_the_same_run()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        var sets = Sets(40);
        h.Emu.Faults.Next(4, Fault.ConnectionReset(afterProcessing: true), Creates, "POST");
        h.Emu.Faults.Next(4, Fault.ConnectionClose(afterProcessing: true), Creates, "POST");

        var results = Check.Ok(h.Observe(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "lossy", sets, new SweepOptions { Concurrency = 3 })));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        AssertEachSetOnce(await OnServerAsync(h, "lossy"), "lossy", sets);
        Assert.Equal(40, h.Emu.Requests.Processed("POST", Creates));
    }

    [Fact]
    public async Task A_lost_answer_that_proves_nothing_is_never_resent_its_set_stays_unsettled_until_the_next_run()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        var sets = Sets(20);
        // The connection closes before the server acts, and a gateway answers 502: the client cannot
        // tell either from a server still working on the request, so neither is sent again.
        h.Emu.Faults.Next(2, Fault.ConnectionClose(), Creates, "POST");
        h.Emu.Faults.Next(2, Fault.GatewayError(502), Creates, "POST");

        var first = Check.Ok(h.Observe(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "unsettled", sets, new SweepOptions { Concurrency = 2 })));

        var unsettled = first.Filter(r => r.Outcome.IsFail);
        Assert.Equal(4, unsettled.Count);
        Assert.All(unsettled, r => Assert.Empty(r.Attempts));
        Assert.All(unsettled, r => Assert.True(Check.Error(r.Outcome) is TransportFailed or ServerFault, r.ToString()));
        Assert.Equal(16, (await OnServerAsync(h, "unsettled")).Count);

        var second = Check.Ok(h.Observe(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "unsettled", sets)));

        Assert.All(second, r => Assert.True(r.Succeeded, r.ToString()));
        AssertEachSetOnce(await OnServerAsync(h, "unsettled"), "unsettled", sets);
        Assert.Equal(20, h.Emu.Requests.Processed("POST", Creates));
    }

    [Fact]
    public async Task A_refused_connection_is_the_one_lost_answer_known_not_to_have_reached_the_server()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: connections are refused
        var nowhere = h.NewClient(Check.Ok(Settings.Create($"http://127.0.0.1:{closedPort}/api/", Authentication.Token(h.Alice.Token), maxRetries: 0, checkAuthentication: false)));

        var refused = Check.Fails<TransportFailed, ExecutableTaskInstance>(await nowhere.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        Assert.False(refused.MayHaveReachedServer);

        h.Emu.Faults.Next(1, Fault.ConnectionReset(), Creates, "POST");
        var reset = Check.Fails<TransportFailed, ExecutableTaskInstance>(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        Assert.True(reset.MayHaveReachedServer);
    }

    [Fact]
    public async Task Null_keys_null_sets_and_a_failing_sequence_are_typed_errors_that_send_nothing()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);

        var nullKey = await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "nulls", Seq1(new SweepItem(null!, Json.Object(("n", Json.Of(1L))))));
        Assert.Contains("the key is empty", Check.Fails<SweepRejected, Seq<SweepResult<ExecutableTaskInstance>>>(nullKey).Message, StringComparison.Ordinal);
        Check.Fails<InvalidRequestInput, Seq<SweepResult<ExecutableTaskInstance>>>(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "nulls", new SweepItem[] { null! }));
        Check.Fails<InvalidRequestInput, Seq<SweepResult<ExecutableTaskInstance>>>(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "nulls", null!));
        Check.Fails<InvalidRequestInput, Seq<SweepResult<ExecutableTaskInstance>>>(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "nulls", Failing()));
        Assert.Equal(0, h.Emu.Requests.Count("POST", Creates));

        static IEnumerable<SweepItem> Failing()
        {
            yield return new SweepItem("a", Json.Object(("n", Json.Of(1L))));
            throw new InvalidOperationException("the sets file went away");
        }
    }

    [Fact]
    public async Task Leaving_the_progress_stream_early_stops_the_sweep()
    {
        await using var h = await Harness.StartAsync(configure: o => o.WorkerMode = WorkerMode.Manual);
        var (type, queue) = await SetupAsync(h);
        var sets = Sets(60);

        await foreach (var change in h.Client.ExecutableTaskInstances.SweepStream(type.Id, queue.Id, "left", sets, new SweepOptions { Concurrency = 2 }))
        {
            if (Check.Ok(change).Step == SweepStep.Created)
            {
                break;
            }
        }

        // Leaving waited for the sweep to end: what it created is all there will be.
        var created = h.Emu.Requests.Processed("POST", Creates);
        Assert.InRange(created, 1, 59);
        Assert.Equal(created, (await OnServerAsync(h, "left")).Values.Sum());
        await h.Emu.Worker.RunUntilIdleAsync();
        Assert.Equal(created, h.Emu.Requests.Processed("POST", Creates));
    }

    [Fact]
    public async Task A_bad_sweep_creates_nothing_and_names_every_problem()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        var sets = Sets(10)
            .Map(s => s.Key is "s0003" or "s0007" ? s with { Arguments = Json.Object(("m", Json.Of(1L))) } : s)
            .Add(new SweepItem("s0001", Json.Object(("n", Json.Of(1L)))))
            .Add(new SweepItem(" padded", Json.Object(("n", Json.Of(1L)))));

        var error = Check.Fails<SweepRejected, Seq<SweepResult<ExecutableTaskInstance>>>(
            await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "bad", sets));

        Assert.Equal(Seq("s0003", "s0007", "s0001", " padded").OrderBy(k => k), error.Problems.Map(p => p.Key).Distinct().OrderBy(k => k));
        Assert.Contains("required argument n missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than one set", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Emu.Requests.Count("POST", Creates));

        Check.Fails<SweepRejected, Seq<SweepResult<ExecutableTaskInstance>>>(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "a/b", Sets(2)));
        Check.Fails<NotFound, Seq<SweepResult<ExecutableTaskInstance>>>(await h.Client.ExecutableTaskInstances.SweepAsync(new TaskTypeId<Executable>(999_999), queue.Id, "ok", Sets(2)));
        Check.Fails<InvalidRequestInput, Seq<SweepResult<ExecutableTaskInstance>>>(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "ok", Sets(2), new SweepOptions { Concurrency = 0 }));
        Assert.Equal(0, h.Emu.Requests.Count("POST", Creates));
    }

    [Fact]
    public async Task A_refused_first_create_stops_the_sweep_before_the_rest_are_sent()
    {
        await using var h = await AutomaticAsync();
        var (type, _) = await SetupAsync(h);
        var (_, otherQueue) = await SetupAsync(h); // its whitelist does not hold the type

        Check.Fails<ValidationFailed, Seq<SweepResult<ExecutableTaskInstance>>>(
            await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, otherQueue.Id, "refused", Sets(50)));

        Assert.Equal(1, h.Emu.Requests.Count("POST", Creates));
    }

    [Fact]
    public async Task Failed_sets_are_cloned_up_to_the_limit_counted_across_runs()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        var runs = new ConcurrentDictionary<string, int>();
        // Every set fails its first two runs and succeeds from the third on; clones keep the arguments.
        h.Emu.Worker.OutcomePolicy = run => runs.AddOrUpdate(run.Arguments["n"]!.ToJsonString(), 1, (_, n) => n + 1) > 2 ? TaskOutcome.Success : TaskOutcome.Failure;
        var sets = Sets(12);

        var once = Check.Ok(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "flaky", sets, new SweepOptions { RetryFailed = 1 }));
        Assert.All(once, r => Assert.Equal(2, r.Attempts.Count));
        Assert.All(once, r => Assert.False(r.Succeeded));
        Assert.Equal(12, h.Emu.Requests.Processed("POST", Creates));

        var twice = Check.Ok(await h.Client.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "flaky", sets, new SweepOptions { RetryFailed = 2 }));
        Assert.All(twice, r => Assert.Equal(3, r.Attempts.Count));
        Assert.All(twice, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(12, h.Emu.Requests.Processed("POST", Creates));
        Assert.Equal(36, (await OnServerAsync(h, "flaky")).Values.Sum());
    }

    [Fact]
    public async Task The_progress_stream_tells_each_step_once_and_ends_with_every_result()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        var sets = Sets(30);
        var items = new List<SweepProgress<ExecutableTaskInstance>>();
        await foreach (var item in h.Client.ExecutableTaskInstances.SweepStream(type.Id, queue.Id, "watched", sets))
        {
            items.Add(Check.Ok(item));
        }

        Assert.Equal(SweepStep.Completed, items[^1].Step);
        Assert.Equal(sets.Map(s => s.Key), items[^1].Results.Map(r => r.Key));
        Assert.Equal(sets.Map(s => s.Key).OrderBy(k => k), items.Where(i => i.Step == SweepStep.Created).Select(i => i.Key).OrderBy(k => k));
        var finishes = items.Where(i => i.Step == SweepStep.StateChanged && i.Instance.Exists(x => x.State.IsFinished)).GroupBy(i => i.Key).ToList();
        Assert.Equal(30, finishes.Count);
        Assert.All(finishes, g => Assert.Single(g));

        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var last = default(Fin<SweepProgress<ExecutableTaskInstance>>);
        await foreach (var item in h.Client.ExecutableTaskInstances.SweepStream(type.Id, queue.Id, "never", sets, default, stop.Token))
        {
            last = item;
        }

        Check.Fails<Cancelled, SweepProgress<ExecutableTaskInstance>>(last);
    }

    [Fact]
    public async Task Logged_in_with_a_password_a_sweep_reads_back_only_its_own_instances_not_another_users_of_the_same_name()
    {
        await using var h = await AutomaticAsync();
        var (type, queue) = await SetupAsync(h);
        var bob = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Token(h.Emu.User("bob").Token)));
        var alice = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", h.Alice.Password)));
        var sets = Sets(6);
        var bobs = Check.Ok(await bob.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "shared-name", sets.Take(3)));

        var alices = Check.Ok(h.Observe(await alice.ExecutableTaskInstances.SweepAsync(type.Id, queue.Id, "shared-name", sets)));

        Assert.All(alices, r => Assert.Equal("alice", Check.Ok(r.Outcome).User.Value));
        Assert.Empty(alices.Map(r => Check.Ok(r.Outcome).Uuid).Intersect(bobs.Map(r => Check.Ok(r.Outcome).Uuid)));
        Assert.Equal(9, h.Emu.Requests.Processed("POST", Creates));
    }

    private sealed class Reporter(Action<SweepProgress<ExecutableTaskInstance>> report) : IProgress<SweepProgress<ExecutableTaskInstance>>
    {
        public void Report(SweepProgress<ExecutableTaskInstance> value) => report(value);
    }
}

/// <summary>The README's sweep example, run against the emulator.</summary>
public sealed class ReadmeSweepSnippetTests
{
    [Fact]
    public async Task The_readme_sweep_runs_100_sets_and_a_rerun_creates_nothing()
    {
        await using var emulator = await Saltant.Emulator.SaltantEmulator.StartAsync();
        using var client = SaltantClient.Create(Check.Ok(Settings.Create(emulator.ApiUrl.ToString(), Authentication.Token(emulator.User("alice").Token), waitRefreshPeriod: TimeSpan.FromMilliseconds(100))));
        var type = Check.Ok(await client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft("sampler", "true") { RequiredArguments = Seq1("sample") }));
        var wl = Check.Ok(await client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft("samplers") { WhitelistedExecutableTaskTypes = Seq1(type.Id) }));
        var queue = Check.Ok(await client.TaskQueues.CreateAsync(new TaskQueueDraft("samples") { Whitelists = Seq1(wl.Id) }));

        Assert.Equal("100 of 100 sets succeeded", await ReadmeSnippets.SweepExample(client, type.Id, queue.Id, CancellationToken.None));
        Assert.Equal("100 of 100 sets succeeded", await ReadmeSnippets.SweepExample(client, type.Id, queue.Id, CancellationToken.None));
        Assert.Equal(100, emulator.Requests.Count("POST", "executabletaskinstances/"));
    }
}
