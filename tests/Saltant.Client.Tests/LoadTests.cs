using System.Diagnostics;
using CsCheck;
using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>Hundreds of concurrent operations on one client, with and without faults and JWT refreshes; generated stream shapes.</summary>
public sealed class LoadTests
{
    [Fact]
    public async Task Hundreds_of_mixed_operations_on_one_client_all_succeed()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var seed = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        h.Emu.Requests.Reset();

        var work = Enumerable.Range(0, 400).Select(i => (i % 5) switch
        {
            0 => h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id) with { Name = $"load-{i}" }).ContinueWith(t => t.Result.Map(x => x.Name)),
            1 => h.Client.ExecutableTaskInstances.GetAsync(seed.Uuid).ContinueWith(t => t.Result.Map(x => x.Uuid.ToString())),
            2 => h.Client.TaskQueues.GetByNameAsync(queue.Name).ContinueWith(t => t.Result.Map(x => x.Name)),
            3 => h.Client.UpdateStateAsync(seed.Uuid, TaskState.RunningState).ContinueWith(t => t.Result.Map(x => x.State.WireName)),
            _ => h.Client.Users.ListPageAsync(default, 1, 2).ContinueWith(t => t.Result.Map(x => x.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        }).ToArray();
        var results = await Task.WhenAll(work);
        Assert.All(results, r => Ok(r));
        Assert.Equal(80, h.Emu.Requests.Count("POST", "executabletaskinstances/"));
        Assert.Equal(400, h.Emu.Requests.Total);
        Assert.Equal(81, Ok(await h.Client.ExecutableTaskInstances.ListPageAsync(Seq1(TaskInstanceFilters<Executable>.Owner.Is("alice")), 1, 1)).Count);
    }

    [Fact]
    public async Task Hundreds_of_reads_under_intermittent_gateway_errors_and_throttling_all_succeed()
    {
        await using var h = await Harness.StartAsync();
        var client = h.NewClient(Harness.SettingsFor(h.Emu, maxRetries: 10));
        h.Emu.Faults.Next(40, Fault.GatewayError(503), "users/", "GET");
        h.Emu.Faults.Next(40, Fault.TooManyRequests(TimeSpan.Zero), "users/", "GET");
        h.Emu.Faults.Next(20, Fault.ConnectionReset(), "users/", "GET");
        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => client.Users.GetAsync(new Username(i % 2 == 0 ? "bob" : "admin"))));
        Assert.All(results, r => h.Observe(r));
        Assert.All(results, r => Ok(r));
        Assert.Equal(400, h.Emu.Requests.Count("GET", "users/bob/") + h.Emu.Requests.Count("GET", "users/admin/"));
    }

    [Fact]
    public async Task A_Retry_After_is_honoured()
    {
        await using var h = await Harness.StartAsync();
        h.Emu.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(1)), "users/", "GET");
        var watch = Stopwatch.StartNew();
        Ok(await h.Client.Users.GetAsync(new Username("bob")));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {watch.Elapsed}");

        // Without retries, the error says how long the server asked to wait.
        var once = h.NewClient(Harness.SettingsFor(h.Emu, maxRetries: 0));
        h.Emu.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(3)), "users/", "GET");
        Assert.Equal(Some(TimeSpan.FromSeconds(3)), Fails<RateLimited, User>(h.Observe(await once.Users.GetAsync(new Username("bob")))).RetryAfter);
    }

    [Fact]
    public async Task Concurrent_load_across_repeated_JWT_expiries_refreshes_once_per_expiry()
    {
        await using var h = await Harness.StartAsync(
            o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5),
            emu => Harness.SettingsFor(emu, Authentication.Login("alice", emu.User("alice").Password)),
            manualClock: true,
            clientUsesManualClock: true);
        for (var round = 1; round <= 3; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => h.Client.TaskQueues.ListPageAsync()));
            Assert.All(results, r => Ok(r));
            Assert.Equal(round - 1, h.Emu.Requests.Count("POST", "token/refresh/"));
            h.Clock!.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));
    }

    [Fact]
    public async Task Streams_of_any_shape_yield_exactly_the_matching_records_in_order()
    {
        await using var h = await Harness.StartAsync();
        var iteration = 0;
        await Gen.Select(Gen.Int[0, 17], Gen.Int[1, 6], Gen.Int[0, 5]).SampleAsync(
            async sample =>
            {
                var (count, pageSize, readAhead) = sample;
                var prefix = $"p{Interlocked.Increment(ref iteration)}-";
                var created = Ok(await h.Client.TaskWhitelists.CreateManyAsync(Enumerable.Range(0, count).Select(i => new TaskWhitelistDraft($"{prefix}{i:00}"))));
                Assert.All(created, r => Ok(r));
                var filter = Seq1(TaskWhitelistFilters.Name.StartsWith(prefix));
                var expected = Ok(await h.Client.TaskWhitelists.ListPageAsync(filter, 1, 1000)).Results.Map(w => w.Id);
                var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: pageSize, readAheadPages: readAhead));
                var streamed = new List<TaskWhitelistId>();
                await foreach (var item in client.TaskWhitelists.Stream(filter))
                {
                    streamed.Add(Ok(item).Id);
                }

                Assert.Equal(count, expected.Count);
                Assert.Equal(expected, streamed.ToSeq());
            },
            iter: 25,
            threads: 1);
    }
}
