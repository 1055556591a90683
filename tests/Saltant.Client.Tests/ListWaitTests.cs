using LanguageExt;
using Saltant.Domain;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>
/// Waits read states from filtered list pages, not one request per instance per round: a round over
/// 1,000 instances costs a request or two, finishes are never missed or reported twice, other users'
/// instances on the same queues are not read, and both kinds wait alike.
/// </summary>
public sealed class ListWaitTests
{
    private const string Instances = "executabletaskinstances/";

    private static readonly WaitOptions Quick = new(Schedule.spaced(TimeSpan.FromMilliseconds(5)), HangGuard.Limit);

    /// <summary>A wait that makes its first round and then pauses for an hour: what one round costs.</summary>
    private static readonly WaitOptions OneRound = new(Schedule.spaced(TimeSpan.FromHours(1)), None);

    [Fact]
    public async Task A_round_over_1000_instances_on_three_queues_costs_a_request_or_two_not_1000()
    {
        await using var h = await Harness.StartAsync();
        var (type, first) = await h.ExecutableSetupAsync();
        var queues = new[] { first, await QueueAsync(h, type, "second"), await QueueAsync(h, type, "third") };
        var mine = await LaunchAsync(h.Client, type, queues, 1000);

        // Bob's instances share the queues and stay unfinished; the server leaves them out of the reads.
        var bob = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Token(h.Emu.User("bob").Token)));
        await LaunchAsync(bob, type, queues, 150);

        // All unfinished: one list page.
        Assert.Equal(1, await RoundCostAsync(h, mine));

        // Half finished: the unfinished ones, then the finished ones among those missing, two pages.
        foreach (var instance in mine.Take(500))
        {
            Ok(await h.Client.UpdateStateAsync(instance.Uuid, TaskState.SuccessfulState));
        }

        Assert.Equal(2, await RoundCostAsync(h, mine));

        // Per-instance polling would cost 1,000 reads a round; these rounds cost at most 2 (≤ 1/20 is the target).
        Assert.Equal(0, h.Emu.Requests.Count("GET", $"{Instances}{mine[0].Uuid}/"));
    }

    [Fact]
    public async Task Every_finish_is_reported_exactly_once_while_instances_finish_in_bursts()
    {
        await using var h = await Harness.StartAsync();
        var (type, first) = await h.ExecutableSetupAsync();
        var queues = new[] { first, await QueueAsync(h, type, "other") };
        var instances = await LaunchAsync(h.Client, type, queues, 200);
        var bob = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Token(h.Emu.User("bob").Token)));
        await LaunchAsync(bob, type, queues, 40);

        var finishing = Task.Run(async () =>
        {
            var states = new[] { TaskState.SuccessfulState, TaskState.FailedState, TaskState.TerminatedState };
            var order = instances.OrderBy(i => i.Uuid.Value.GetHashCode()).ToArray();
            for (var i = 0; i < order.Length; i++)
            {
                Ok(await h.Client.UpdateStateAsync(order[i].Uuid, i % 7 == 0 ? TaskState.RunningState : states[i % 3]));
                if (i % 7 == 0)
                {
                    Ok(await h.Client.UpdateStateAsync(order[i].Uuid, TaskState.SuccessfulState));
                }

                if (i % 25 == 24)
                {
                    await Task.Delay(20);
                }
            }
        });

        var finishes = new Dictionary<InstanceUuid, int>();
        await foreach (var change in h.Client.ExecutableTaskInstances.Watch(instances, Quick))
        {
            var progress = Ok(h.Observe(change));
            if (progress.Finished)
            {
                finishes[progress.Instance.Uuid] = finishes.GetValueOrDefault(progress.Instance.Uuid) + 1;
            }
        }

        await HangGuard.Within(finishing, "finishing the instances");
        Assert.Equal(instances.Length, finishes.Count);
        Assert.All(finishes.Values, n => Assert.Equal(1, n));

        // The final states, in input order, as the server holds them.
        var final = Ok(await h.Client.ExecutableTaskInstances.WaitManyAsync(instances, Quick));
        var server = Ok(await h.Client.ExecutableTaskInstances.GetManyAsync(instances.Select(i => i.Uuid))).Map(r => Ok(r).State);
        Assert.Equal(server, final.Map(i => i.State));
        Assert.Equal(instances.Select(i => i.Uuid), final.Map(i => i.Uuid));
    }

    [Fact]
    public async Task Container_instances_wait_from_lists_too()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ContainerSetupAsync();
        var launched = Ok(await h.Client.ContainerTaskInstances.CreateManyAsync(Enumerable.Range(0, 30).Select(_ => TaskInstanceDraft.For(type.Id, queue.Id))))
            .Map(r => Ok(r)).ToArray();

        // Half are done before the wait starts: its first round finds them in a list of finished ones
        // (more than a handful are missing from the unfinished list). The rest end while it waits; the
        // last few of those may be read one by one (a handful costs fewer requests than a list), so
        // the first instance, finished early, is the one that must never be read on its own.
        foreach (var instance in launched.Take(15))
        {
            Ok(await h.Client.UpdateStateAsync(instance.Uuid, TaskState.SuccessfulState));
        }

        var waiting = h.Client.ContainerTaskInstances.WaitManyAsync(launched, Quick);
        foreach (var instance in launched.Skip(15))
        {
            Ok(await h.Client.UpdateStateAsync(instance.Uuid, TaskState.FailedState));
        }

        var finished = Ok(await HangGuard.Within(waiting, "30 container instances"));
        Assert.All(finished, i => Assert.True(i.State.IsFinished));
        Assert.Equal(launched.Select(i => i.Uuid), finished.Map(i => i.Uuid));
        Assert.True(h.Emu.Requests.Count("GET", "containertaskinstances/") >= 1, "the rounds read list pages");
        Assert.Equal(0, h.Emu.Requests.Count("GET", $"containertaskinstances/{launched[0].Uuid}/"));
    }

    [Fact]
    public async Task A_wait_given_only_uuids_reads_each_once_then_reads_lists()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var launched = Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, 12).Select(_ => TaskInstanceDraft.For(type.Id, queue.Id))))
            .Map(r => Ok(r).Uuid).ToArray();
        h.Emu.Requests.Reset();

        // The watch is pulled: between the first round (each UUID read once, to learn its queue and
        // creation time) and the next, all twelve finish at once, so the next rounds are list reads
        // whatever the machine's load (finishing them one by one could leave a handful pending, which
        // are read one by one by design).
        var seen = new System.Collections.Generic.HashSet<InstanceUuid>();
        var finished = new Dictionary<InstanceUuid, TaskState>();
        await using (var watch = h.Client.ExecutableTaskInstances.Watch(launched, Quick).GetAsyncEnumerator())
        {
            while (seen.Count < launched.Length && await watch.MoveNextAsync())
            {
                seen.Add(Ok(h.Observe(watch.Current)).Instance.Uuid);
            }

            Assert.All(launched, u => Assert.Equal(1, h.Emu.Requests.Count("GET", $"{Instances}{u}/")));
            await h.Emu.Worker.RunUntilIdleAsync();

            while (finished.Count < launched.Length && await HangGuard.Within(watch.MoveNextAsync().AsTask(), "the rounds after the first"))
            {
                var progress = Ok(h.Observe(watch.Current));
                if (progress.Finished)
                {
                    finished[progress.Instance.Uuid] = progress.Instance.State;
                }
            }
        }

        Assert.Equal(launched.ToHashSet(), finished.Keys.ToHashSet());
        Assert.All(finished.Values, s => Assert.Equal(TaskState.SuccessfulState, s));
        Assert.All(launched, u => Assert.Equal(1, h.Emu.Requests.Count("GET", $"{Instances}{u}/")));
        Assert.True(h.Emu.Requests.Count("GET", Instances) >= 1, "the later rounds read list pages");
    }

    [Fact]
    public async Task A_handful_of_instances_is_read_one_by_one()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var launched = Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, 3).Select(_ => TaskInstanceDraft.For(type.Id, queue.Id))))
            .Map(r => Ok(r)).ToArray();
        await h.Emu.Worker.RunUntilIdleAsync();
        h.Emu.Requests.Reset();

        Ok(await h.Client.ExecutableTaskInstances.WaitManyAsync(launched, Quick));

        Assert.Equal(0, h.Emu.Requests.Count("GET", Instances));
        Assert.All(launched, i => Assert.Equal(1, h.Emu.Requests.Count("GET", $"{Instances}{i.Uuid}/")));
    }

    /// <summary>The requests one round of a wait on these instances makes (a watch left after its first round).</summary>
    private static async Task<int> RoundCostAsync(Harness h, ExecutableTaskInstance[] instances)
    {
        h.Emu.Requests.Reset();
        await using var watch = h.Client.ExecutableTaskInstances.Watch(instances, OneRound).GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync());
        return h.Emu.Requests.Total;
    }

    private static async Task<TaskQueue> QueueAsync(Harness h, ExecutableTaskType type, string name)
    {
        var whitelist = Ok(await h.Client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft(name + "-wl") { WhitelistedExecutableTaskTypes = Seq1(type.Id) }));
        return Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft(name + "-q") { Whitelists = Seq1(whitelist.Id) }));
    }

    private static async Task<ExecutableTaskInstance[]> LaunchAsync(SaltantClient client, ExecutableTaskType type, TaskQueue[] queues, int count) =>
        Ok(await client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, count).Select(i => TaskInstanceDraft.For(type.Id, queues[i % queues.Length].Id))))
            .Map(r => Ok(r)).ToArray();
}
