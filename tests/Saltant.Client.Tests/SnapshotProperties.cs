using System.Collections.Concurrent;
using CsCheck;
using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>
/// A stream is a snapshot, proved with writers running while it reads: no record twice, every
/// record that existed at the start and matched throughout exactly once, whatever is created or
/// changed meanwhile; instances launched during the read are left out. Pages are held a moment by
/// the server, so the writers' work lands between the stream's requests.
/// </summary>
public sealed class SnapshotProperties
{
    private static readonly Gen<(int Count, int PageSize, int ReadAhead, int Writes)> Shapes =
        Gen.Select(Gen.Int[0, 30], Gen.Int[1, 7], Gen.Int[0, 4], Gen.Int[0, 12]);

    [Fact]
    public async Task Instances_streamed_while_others_are_launched_are_the_snapshot_of_the_start()
    {
        await using var h = await Harness.StartAsync();
        var (type, _) = await h.ExecutableSetupAsync();
        h.Emu.Faults.Add(Fault.Latency(TimeSpan.FromMilliseconds(5)), "executabletaskinstances/", "GET");
        await Shapes.SampleAsync(
            async shape =>
            {
                var queue = await NewQueueAsync(h, type);
                var initial = await LaunchAsync(h, type, queue, shape.Count);
                var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: shape.PageSize, readAheadPages: shape.ReadAhead));
                var launchedMeanwhile = new ConcurrentBag<InstanceUuid>();

                var streamed = await StreamWhileAsync(
                    client.ExecutableTaskInstances.Stream(Seq1(TaskInstanceFilters<Executable>.TaskQueue.Is(queue.Id))),
                    async () =>
                    {
                        foreach (var launched in await LaunchAsync(h, type, queue, shape.Writes))
                        {
                            launchedMeanwhile.Add(launched);
                        }
                    });

                // Launched before the read's first page, an instance is part of the snapshot; after, it is not.
                // Either way each is streamed at most once, and every one that existed at the start is streamed.
                Assert.Equal(streamed.Count, streamed.Distinct().Count());
                Assert.All(initial, u => Assert.Contains(u, streamed));
                Assert.All(streamed, u => Assert.True(initial.Contains(u) || launchedMeanwhile.Contains(u)));
            },
            iter: 20,
            threads: 1);
    }

    [Fact]
    public async Task Instances_filtered_by_state_while_others_change_state_are_each_streamed_once()
    {
        await using var h = await Harness.StartAsync();
        var (type, _) = await h.ExecutableSetupAsync();
        h.Emu.Faults.Add(Fault.Latency(TimeSpan.FromMilliseconds(5)), "executabletaskinstances/", "GET");
        await Shapes.SampleAsync(
            async shape =>
            {
                var queue = await NewQueueAsync(h, type);
                var initial = await LaunchAsync(h, type, queue, shape.Count);
                var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: shape.PageSize, readAheadPages: shape.ReadAhead));
                var changed = new ConcurrentBag<InstanceUuid>();

                // While the stream reads the published ones, some start running: they leave the filter's set.
                var streamed = await StreamWhileAsync(
                    client.ExecutableTaskInstances.Stream(Seq(
                        TaskInstanceFilters<Executable>.TaskQueue.Is(queue.Id),
                        TaskInstanceFilters<Executable>.State.Is(TaskState.PublishedState))),
                    async () =>
                    {
                        foreach (var uuid in initial.Reverse().Take(shape.Writes))
                        {
                            changed.Add(uuid);
                            Ok(await h.Client.UpdateStateAsync(uuid, TaskState.RunningState));
                        }
                    });

                Assert.Equal(streamed.Count, streamed.Distinct().Count());
                var stayed = initial.Where(u => !changed.Contains(u));
                Assert.All(stayed, u => Assert.Contains(u, streamed));
                Assert.All(streamed, u => Assert.Contains(u, initial));
            },
            iter: 20,
            threads: 1);
    }

    [Fact]
    public async Task Queues_streamed_while_others_are_made_and_changed_are_each_streamed_once()
    {
        await using var h = await Harness.StartAsync();
        h.Emu.Faults.Add(Fault.Latency(TimeSpan.FromMilliseconds(5)), "taskqueues/", "GET");
        var round = 0;
        await Shapes.SampleAsync(
            async shape =>
            {
                var prefix = $"s{Interlocked.Increment(ref round)}-";
                var initial = Ok(await h.Client.TaskQueues.CreateManyAsync(Enumerable.Range(0, shape.Count).Select(i => new TaskQueueDraft($"{prefix}{i:00}"))))
                    .Map(r => Ok(r).Id).ToArray();
                var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: shape.PageSize, readAheadPages: shape.ReadAhead));
                var deactivated = new ConcurrentBag<TaskQueueId>();

                // Meanwhile queues are made (they come after every one listed) and some listed ones are
                // deactivated, leaving the set of active ones and shifting the later ones forward.
                var streamed = await StreamWhileAsync(
                    client.TaskQueues.Stream(Seq(TaskQueueFilters.Name.StartsWith(prefix), TaskQueueFilters.Active.Is(true))),
                    async () =>
                    {
                        Ok(await h.Client.TaskQueues.CreateManyAsync(Enumerable.Range(0, shape.Writes).Select(i => new TaskQueueDraft($"{prefix}new{i:00}"))));
                        foreach (var id in initial.Where((_, i) => i % 3 == 1).Take(shape.Writes))
                        {
                            deactivated.Add(id);
                            Ok(await h.Client.TaskQueues.PatchAsync(id, new TaskQueuePatch { Active = false }));
                        }
                    },
                    q => q.Id);

                Assert.Equal(streamed.Count, streamed.Distinct().Count());
                Assert.All(initial.Where(id => !deactivated.Contains(id)), id => Assert.Contains(id, streamed));
            },
            iter: 20,
            threads: 1);
    }

    private static async Task<TaskQueue> NewQueueAsync(Harness h, ExecutableTaskType type)
    {
        var name = "snap-" + Guid.NewGuid().ToString("N")[..8];
        var whitelist = Ok(await h.Client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft(name) { WhitelistedExecutableTaskTypes = Seq1(type.Id) }));
        return Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft(name) { Whitelists = Seq1(whitelist.Id) }));
    }

    private static async Task<InstanceUuid[]> LaunchAsync(Harness h, ExecutableTaskType type, TaskQueue queue, int count) =>
        Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, count).Select(_ => TaskInstanceDraft.For(type.Id, queue.Id))))
            .Map(r => Ok(r).Uuid).ToArray();

    private static Task<List<InstanceUuid>> StreamWhileAsync(IAsyncEnumerable<Fin<ExecutableTaskInstance>> stream, Func<Task> writer) =>
        StreamWhileAsync(stream, writer, i => i.Uuid);

    /// <summary>Streams while the writer runs (started with the read, so its writes land among the read's requests), and waits for both.</summary>
    private static async Task<List<TKey>> StreamWhileAsync<T, TKey>(IAsyncEnumerable<Fin<T>> stream, Func<Task> writer, Func<T, TKey> key)
    {
        var keys = new List<TKey>();
        var writing = Task.Run(writer);
        await foreach (var item in stream)
        {
            keys.Add(key(Ok(item)));
        }

        await HangGuard.Within(writing, "the writers");
        return keys;
    }
}
