using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>The edges a review found: long Retry-After, lists that grow while streamed, failed and short-lived JWTs, nulls, hanging waits.</summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task A_retry_after_longer_than_the_client_will_wait_ends_at_once_with_rate_limited()
    {
        await using var h = await Harness.StartAsync();
        h.Emu.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromHours(2)), "users/", "GET");

        // Waiting the two hours would run into the hang guard (minutes): ending at all is ending at once.
        var error = Fails<RateLimited, Page<User>>(h.Observe(await HangGuard.Within(h.Client.Users.ListPageAsync(), "a request answered with a 2 h Retry-After")));

        Assert.Equal(TimeSpan.FromHours(2), error.RetryAfter.IfNone(TimeSpan.Zero));
        Assert.Equal(1, h.Emu.Requests.Count("GET", "users/"));
    }

    [Fact]
    public async Task A_stream_in_id_order_is_the_snapshot_of_its_start_whatever_is_created_meanwhile()
    {
        await using var h = await Harness.StartAsync(settings: emu => Harness.SettingsFor(emu, pageSize: 3, readAheadPages: 1));
        for (var i = 0; i < 9; i++)
        {
            Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft($"q{i}")));
        }

        var seen = new List<string>();
        await foreach (var item in h.Client.TaskQueues.Stream())
        {
            seen.Add(Ok(item).Name);
            if (seen.Count == 1)
            {
                // Queues are listed by id: records made now come after every one the stream began with.
                for (var i = 9; i < 15; i++)
                {
                    Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft($"q{i}")));
                }
            }
        }

        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"q{i}"), seen);
    }

    [Fact]
    public async Task Callers_queued_behind_a_failed_login_share_its_failure_instead_of_trying_again()
    {
        await using var h = await Harness.StartAsync();
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        Harness.AddSecret(wrong);
        var client = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", wrong)));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.TestAuthenticationAsync()));

        Assert.All(results, r => Fails<AuthenticationFailed, Unit>(h.Observe(r)));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));
    }

    [Fact]
    public async Task A_rejected_login_is_remembered_for_a_while_then_tried_again()
    {
        await using var h = await Harness.StartAsync(manualClock: true, clientUsesManualClock: true);
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        Harness.AddSecret(wrong);
        var client = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", wrong)), h.Clock);

        Fails<AuthenticationFailed, Unit>(h.Observe(await client.TestAuthenticationAsync()));
        Fails<AuthenticationFailed, Unit>(h.Observe(await client.TestAuthenticationAsync()));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));

        h.Clock!.Advance(Saltant.Http.JwtCredentialSource.RejectionMemory);
        Fails<AuthenticationFailed, Unit>(h.Observe(await client.TestAuthenticationAsync()));
        Assert.Equal(2, h.Emu.Requests.Count("POST", "token/"));
    }

    [Fact]
    public async Task A_short_lived_access_token_is_not_refreshed_on_every_request()
    {
        await using var h = await Harness.StartAsync(
            o => o.AccessTokenLifetime = TimeSpan.FromSeconds(20),
            emu => Harness.SettingsFor(emu, Authentication.Login("alice", emu.User("alice").Password)));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => h.Client.TestAuthenticationAsync()));

        Assert.All(results, r => Ok(r));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));
        Assert.Equal(0, h.Emu.Requests.Count("POST", "token/refresh/"));
    }

    [Fact]
    public async Task Null_arguments_come_back_as_invalid_request_input_and_nothing_is_sent()
    {
        await using var h = await Harness.StartAsync();
        var before = h.Emu.Requests.Total;

        Fails<InvalidRequestInput, TaskQueue>(h.Observe(await h.Client.TaskQueues.CreateAsync(null!)));
        Fails<InvalidRequestInput, TaskQueue>(h.Observe(await h.Client.TaskQueues.PutAsync((TaskQueue)null!)));
        Fails<InvalidRequestInput, TaskQueue>(h.Observe(await h.Client.TaskQueues.SyncAsync(null!)));
        Fails<InvalidRequestInput, TaskQueue>(h.Observe(await h.Client.TaskQueues.PatchAsync(new TaskQueueId(1), null!)));
        Fails<InvalidRequestInput, Option<TaskQueue>>(h.Observe(await h.Client.TaskQueues.FindByNameAsync(null!)));
        Fails<InvalidRequestInput, ExecutableTaskInstance>(h.Observe(await h.Client.ExecutableTaskInstances.CreateAsync(null!)));
        Fails<InvalidRequestInput, Seq<Fin<ExecutableTaskInstance>>>(h.Observe(await h.Client.ExecutableTaskInstances.CloneManyAsync(null!)));
        Fails<InvalidRequestInput, Seq<ExecutableTaskInstance>>(h.Observe(await h.Client.ExecutableTaskInstances.WaitManyAsync((IEnumerable<InstanceUuid>)null!)));
        Fails<InvalidRequestInput, InstanceStateUpdate>(h.Observe(await h.Client.UpdateStateAsync(new InstanceUuid(Guid.NewGuid()), null!)));
        await foreach (var change in h.Client.ExecutableTaskInstances.Watch((IEnumerable<InstanceUuid>)null!))
        {
            Fails<InvalidRequestInput, Client.InstanceProgress<ExecutableTaskInstance>>(h.Observe(change));
        }

        Assert.Equal(before, h.Emu.Requests.Total);
    }

    [Fact]
    public async Task A_wait_with_an_overall_timeout_is_not_stretched_by_a_hanging_server()
    {
        // The server holds the read for an hour, as long as the request timeout: a wait stretched by
        // the hanging read would run into the hang guard (minutes), so ending at all means the 300 ms
        // timeout cut the read short.
        await using var h = await Harness.StartAsync(settings: emu => Harness.SettingsFor(emu, timeout: TimeSpan.FromHours(1)));
        var (type, queue) = await h.ExecutableSetupAsync("sleep 1000");
        var instance = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        h.Emu.Faults.Add(Fault.Latency(TimeSpan.FromHours(1)), "executabletaskinstances/" + instance.Uuid, "GET");

        var error = Fails<WaitTimedOut, Seq<ExecutableTaskInstance>>(h.Observe(await HangGuard.Within(
            h.Client.ExecutableTaskInstances.WaitManyAsync(Seq1(instance.Uuid), Client.WaitOptions.BackingOffTo(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300))),
            "a 300 ms wait on a read the server holds for an hour")));

        Assert.Equal(Seq1(instance.Uuid), error.Pending);
    }
}

/// <summary>Waiting on many instances keeps its reads within the batch concurrency.</summary>
public sealed class WaitConcurrencyTests
{
    [Fact]
    public async Task A_wait_on_many_instances_reads_at_most_the_batch_concurrency_at_once()
    {
        await using var h = await Harness.StartAsync(settings: emu => Harness.SettingsFor(emu, batchConcurrency: 4));
        var (type, queue) = await h.ExecutableSetupAsync();
        var drafts = Enumerable.Range(0, 16).Select(_ => TaskInstanceDraft.For(type.Id, queue.Id));
        var instances = Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(drafts)).Map(r => Ok(r));
        await h.Emu.Worker.RunUntilIdleAsync();
        foreach (var instance in instances)
        {
            h.Emu.Faults.Add(Emulator.Faults.Fault.Latency(TimeSpan.FromMilliseconds(200)), "executabletaskinstances/" + instance.Uuid, "GET");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var finished = Ok(await h.Client.ExecutableTaskInstances.WaitManyAsync(instances.Map(i => i.Uuid)));

        // 16 reads of 200 ms each, 4 at a time, take at least 4 × 200 ms; unbounded they would take about 200 ms.
        Assert.True(started.ElapsedMilliseconds >= 780, $"took {started.ElapsedMilliseconds} ms");
        Assert.All(finished, i => Assert.Equal(TaskState.SuccessfulState, i.State));
        Assert.Equal(instances.Map(i => i.Uuid), finished.Map(i => i.Uuid));
    }
}
