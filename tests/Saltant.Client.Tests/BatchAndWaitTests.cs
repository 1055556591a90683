using System.Diagnostics;
using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Saltant.Emulator.Worker;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>Batches with bounded concurrency; waiting, watching, timeouts and cancellation.</summary>
public sealed class BatchAndWaitTests
{
    // Polls every 5 ms; the overall timeout is only a hang guard (these waits end in milliseconds).
    private static readonly WaitOptions Quick = new(Schedule.spaced(TimeSpan.FromMilliseconds(5)), HangGuard.Limit);

    [Fact]
    public async Task CreateMany_returns_one_result_per_draft_in_order_failures_included()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var drafts = Enumerable.Range(0, 20).Select(i => (i % 4) switch
        {
            1 => TaskInstanceDraft.For(new TaskTypeId<Executable>(9999), queue.Id) with { Name = $"i{i}" },
            3 => TaskInstanceDraft.For(type.Id, new TaskQueueId(9999)) with { Name = $"i{i}" },
            _ => TaskInstanceDraft.For(type.Id, queue.Id) with { Name = $"i{i}" },
        }).ToList();
        var results = Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(drafts));
        Assert.Equal(20, results.Count);
        for (var i = 0; i < 20; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal($"i{i}", Ok(results[i]).Name);
            }
            else
            {
                var error = Fails<ValidationFailed, ExecutableTaskInstance>(h.Observe(results[i]));
                Assert.NotEmpty(error.MessagesFor(i % 4 == 1 ? "task_type" : "task_queue"));
            }
        }

        Assert.Equal(20, h.Emu.Requests.Count("POST", "executabletaskinstances/"));
        Assert.Equal(10, Ok(await h.Client.ExecutableTaskInstances.ListPageAsync()).Count);
    }

    [Fact]
    public async Task GetMany_CloneMany_and_TerminateMany_report_each_item()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var a = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id) with { Name = "a" }));
        var b = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id) with { Name = "b" }));
        var ghost = new InstanceUuid(Guid.NewGuid());
        var instances = h.Client.ExecutableTaskInstances;

        var got = Ok(await instances.GetManyAsync([b.Uuid, ghost, a.Uuid]));
        Assert.Equal(b.Uuid, Ok(got[0]).Uuid);
        Fails<NotFound, ExecutableTaskInstance>(h.Observe(got[1]));
        Assert.Equal(a.Uuid, Ok(got[2]).Uuid);

        var clones = Ok(await instances.CloneMany([a.Uuid, ghost, b.Uuid]).RunAsync());
        Assert.Equal("a", Ok(clones[0]).Name);
        Fails<MethodNotAllowed, ExecutableTaskInstance>(h.Observe(clones[1]));
        Assert.Equal("b", Ok(clones[2]).Name);

        var terminated = Ok(await instances.TerminateManyAsync([ghost, a.Uuid]));
        Fails<MethodNotAllowed, ExecutableTaskInstance>(h.Observe(terminated[0]));
        Assert.Equal(a.Uuid, Ok(terminated[1]).Uuid);

        var queues = Ok(await h.Client.TaskQueues.CreateManyAsync([new TaskQueueDraft("m1"), new TaskQueueDraft(queue.Name), new TaskQueueDraft("m2")]));
        Assert.Equal(["m1", "m2"], new[] { Ok(queues[0]).Name, Ok(queues[2]).Name });
        Fails<ValidationFailed, TaskQueue>(h.Observe(queues[1]));
    }

    [Fact]
    public async Task Batches_keep_at_most_the_configured_number_of_requests_in_flight()
    {
        await using var h = await Harness.StartAsync();
        var client = h.NewClient(Harness.SettingsFor(h.Emu, batchConcurrency: 2));
        h.Emu.Faults.Add(Fault.Latency(TimeSpan.FromMilliseconds(100)), "users/", "GET");
        var watch = Stopwatch.StartNew();
        var users = Ok(await client.Users.GetManyAsync(Enumerable.Repeat(new Username("bob"), 6)));
        watch.Stop();
        Assert.All(users, u => Assert.Equal("bob", Ok(u).Username.Value));

        // Six 100 ms requests, two at a time: three rounds at least.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task WaitMany_times_out_naming_the_instances_still_pending()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var done = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        var stuck1 = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        var stuck2 = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        Ok(await h.Client.UpdateStateAsync(done.Uuid, TaskState.SuccessfulState));

        // The stuck instances never finish: only the 150 ms timeout can end the wait (a hang otherwise).
        var options = new WaitOptions(Schedule.spaced(TimeSpan.FromMilliseconds(10)), TimeSpan.FromMilliseconds(150));
        var error = Fails<WaitTimedOut, Seq<ExecutableTaskInstance>>(h.Observe(await HangGuard.Within(
            h.Client.ExecutableTaskInstances.WaitManyAsync([stuck1.Uuid, done.Uuid, stuck2.Uuid], options), "a wait with a 150 ms timeout")));
        Assert.Equal(Seq(stuck1.Uuid, stuck2.Uuid), error.Pending);
        Assert.Contains(stuck1.Uuid.ToString(), error.Message, StringComparison.Ordinal);
        Fails<WaitTimedOut, ExecutableTaskInstance>(await h.Client.ExecutableTaskInstances.Wait(stuck1.Uuid, options).RunAsync());
    }

    [Fact]
    public async Task Cancelling_a_wait_returns_Cancelled_promptly()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var stuck = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        // Polls an hour apart: a wait that did not stop its pause on cancellation would run into the
        // hang guard (minutes), so ending at all is ending promptly; no slowness can pass for that.
        var slow = new WaitOptions(Schedule.spaced(TimeSpan.FromHours(1)), None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Fails<Cancelled, ExecutableTaskInstance>(h.Observe(await HangGuard.Within(
            h.Client.ExecutableTaskInstances.WaitAsync(stuck.Uuid, slow, cts.Token), "a cancelled wait between polls an hour apart")));

        // Cancelling while a poll is in flight (the server takes an hour to answer) is just as prompt.
        h.Emu.Faults.Add(Fault.Latency(TimeSpan.FromHours(1)), "executabletaskinstances/", "GET");
        using var cts2 = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Fails<Cancelled, Seq<ExecutableTaskInstance>>(h.Observe(await HangGuard.Within(
            h.Client.ExecutableTaskInstances.WaitManyAsync([stuck.Uuid], Quick, cts2.Token), "a cancelled wait whose poll the server holds for an hour")));
    }

    [Fact]
    public async Task Watch_reports_every_state_change_until_finished()
    {
        await using var h = await Harness.StartAsync(manualClock: true);
        var (type, queue) = await h.ExecutableSetupAsync("sleep 10");
        var instance = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        var states = new List<string> { instance.State.WireName };
        var previous = new List<string>();

        await using var e = h.Client.ExecutableTaskInstances.Watch([instance.Uuid], Quick).GetAsyncEnumerator();
        async Task Next()
        {
            Assert.True(await e.MoveNextAsync());
            var progress = Ok(e.Current);
            states.Add(progress.Instance.State.WireName);
            previous.Add(progress.Previous.Map(s => s.WireName).IfNone("-"));
        }

        await Next();
        await h.Emu.Worker.StepAsync();
        await Next();
        Assert.False(Ok(e.Current).Finished);
        h.Clock!.Advance(TimeSpan.FromSeconds(10));
        await h.Emu.Worker.StepAsync();
        await Next();
        Assert.True(Ok(e.Current).Finished);
        Assert.False(await e.MoveNextAsync());

        Assert.Equal(["created", "published", "running", "successful"], states);
        Assert.Equal(["-", "published", "running"], previous);
    }

    [Fact]
    public async Task Watch_of_many_ends_with_a_Fail_item_when_a_read_fails()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var instance = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        var items = new List<Fin<InstanceProgress<ExecutableTaskInstance>>>();
        await foreach (var item in h.Client.ExecutableTaskInstances.Watch([instance.Uuid, new InstanceUuid(Guid.NewGuid())], Quick))
        {
            items.Add(h.Observe(item));
        }

        Assert.Equal(instance.Uuid, Ok(items[0]).Instance.Uuid);
        Fails<NotFound, InstanceProgress<ExecutableTaskInstance>>(items[^1]);
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public async Task Waiting_with_an_automatic_worker_sees_tasks_finish()
    {
        await using var h = await Harness.StartAsync(o =>
        {
            o.WorkerMode = WorkerMode.Automatic;
            o.TimeScale = 0.01;
        });
        var (type, queue) = await h.ExecutableSetupAsync("sleep 10");
        var launched = Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, 5).Select(_ => TaskInstanceDraft.For(type.Id, queue.Id)))).Map(r => Ok(r).Uuid);
        var finished = Ok(await h.Client.ExecutableTaskInstances.WaitManyAsync(launched, Quick));
        Assert.Equal(launched, finished.Map(i => i.Uuid));
        Assert.All(finished, i => Assert.Equal(TaskState.SuccessfulState, i.State));

        // The default wait (backing off to the settings' refresh period) works too.
        Assert.Equal(TaskState.SuccessfulState, Ok(await h.Client.ExecutableTaskInstances.WaitAsync(launched.Head)).State);
    }

    [Fact]
    public async Task Task_forms_with_a_cancelled_token_return_Cancelled_and_never_throw()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var instance = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var ct = cts.Token;
        var c = h.Client;
        var before = h.Emu.Requests.Total;

        Fails<Cancelled, Unit>(h.Observe(await c.TestAuthenticationAsync(ct)));
        Fails<Cancelled, Seq<User>>(h.Observe(await c.Users.ListAsync(default, ct)));
        Fails<Cancelled, Page<User>>(h.Observe(await c.Users.ListPageAsync(default, 1, None, ct)));
        Fails<Cancelled, TaskQueue>(h.Observe(await c.TaskQueues.GetAsync(queue.Id, ct)));
        Fails<Cancelled, TaskQueue>(h.Observe(await c.TaskQueues.GetByNameAsync(queue.Name, ct)));
        Fails<Cancelled, Option<TaskQueue>>(h.Observe(await c.TaskQueues.FindByNameAsync(queue.Name, ct)));
        Fails<Cancelled, TaskQueue>(h.Observe(await c.TaskQueues.CreateAsync(new TaskQueueDraft("never"), ct)));
        Fails<Cancelled, TaskQueue>(h.Observe(await c.TaskQueues.PatchAsync(queue.Id, new TaskQueuePatch { Active = false }, ct)));
        Fails<Cancelled, TaskQueue>(h.Observe(await c.TaskQueues.PutAsync(queue, ct)));
        Fails<Cancelled, ExecutableTaskType>(h.Observe(await c.ExecutableTaskTypes.SyncAsync(type, ct)));
        Fails<Cancelled, ExecutableTaskInstance>(h.Observe(await c.ExecutableTaskInstances.CloneAsync(instance.Uuid, ct)));
        Fails<Cancelled, ExecutableTaskInstance>(h.Observe(await c.ExecutableTaskInstances.TerminateAsync(instance.Uuid, ct)));
        Fails<Cancelled, ExecutableTaskInstance>(h.Observe(await c.ExecutableTaskInstances.WaitAsync(instance.Uuid, Quick, ct)));
        Fails<Cancelled, InstanceStateUpdate>(h.Observe(await c.UpdateStateAsync(instance.Uuid, TaskState.FailedState, ct)));
        Fails<Cancelled, SaltantClient>(h.Observe(await SaltantClient.ConnectAsync(Harness.SettingsFor(h.Emu), null, ct)));

        // Batches: the batch as a whole, or every item, is Cancelled.
        var batch = await c.ExecutableTaskInstances.CreateManyAsync([TaskInstanceDraft.For(type.Id, queue.Id)], ct);
        Assert.True(batch.IsFail ? (LanguageExt.Common.Error)batch is Cancelled : ((Seq<Fin<ExecutableTaskInstance>>)batch).ForAll(r => r.IsFail && (LanguageExt.Common.Error)r is Cancelled));

        var streamed = new List<Fin<TaskQueue>>();
        await foreach (var item in c.TaskQueues.Stream(default, ct))
        {
            streamed.Add(item);
        }

        Fails<Cancelled, TaskQueue>(Assert.Single(streamed));
        var watched = new List<Fin<InstanceProgress<ExecutableTaskInstance>>>();
        await foreach (var item in c.ExecutableTaskInstances.Watch([instance.Uuid], Quick, ct))
        {
            watched.Add(item);
        }

        Fails<Cancelled, InstanceProgress<ExecutableTaskInstance>>(Assert.Single(watched));
        Assert.Equal(before, h.Emu.Requests.Total);
    }
}
