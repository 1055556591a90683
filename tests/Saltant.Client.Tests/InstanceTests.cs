using LanguageExt;
using Saltant.Domain;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>Container and executable task instances: create, list, get, clone, terminate, wait, sync, singly and in batches.</summary>
public sealed class InstanceTests
{
    // Polls every 5 ms; the overall timeout is only a hang guard (these waits end in milliseconds).
    private static readonly WaitOptions Quick = new(Schedule.spaced(TimeSpan.FromMilliseconds(5)), HangGuard.Limit);

    [Fact]
    public async Task Executable_instances_go_through_the_whole_lifecycle()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync("echo {n}");
        Ok(await h.Client.ExecutableTaskTypes.PutAsync(type with { RequiredArguments = Seq1("n"), RequiredArgumentsDefaultValues = Json.Object(("n", Json.Of(3L))) }));
        await Lifecycle(h, h.Client.ExecutableTaskInstances, type.Id, queue.Id, "executabletaskinstances");
    }

    [Fact]
    public async Task Container_instances_go_through_the_whole_lifecycle()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ContainerSetupAsync("echo {n}");
        Ok(await h.Client.ContainerTaskTypes.PutAsync(type with { RequiredArguments = Seq1("n"), RequiredArgumentsDefaultValues = Json.Object(("n", Json.Of(3L))) }));
        await Lifecycle(h, h.Client.ContainerTaskInstances, type.Id, queue.Id, "containertaskinstances");
    }

    private static async Task Lifecycle<TKind, T>(Harness h, TaskInstancesClient<SaltantRuntime, TKind, T> instances, TaskTypeId<TKind> type, TaskQueueId queue, string route)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        // Create with task type, queue, arguments and name; the server fills in defaults.
        var created = Ok(await instances.CreateAsync(TaskInstanceDraft.For(type, queue) with { Name = "first", Arguments = Json.Object(("extra", Json.Of("x"))) }));
        Assert.Equal(TaskState.CreatedState, created.State);
        Assert.Equal("first", created.Name);
        Assert.Equal(Some<Json>(Json.Of(3L)), created.Arguments.Find("n"));
        Assert.Equal(Some<Json>(Json.Of("x")), created.Arguments.Find("extra"));
        Assert.Equal(1, h.Emu.Requests.Count("POST", route + "/"));

        var read = Ok(await instances.GetAsync(created.Uuid));
        Assert.Equal(TaskState.PublishedState, read.State);
        Assert.Equal(read, Ok(await instances.SyncAsync(created)));

        // Clone (by UUID and in hand) and clone many.
        var clone = Ok(await instances.CloneAsync(created.Uuid));
        Assert.NotEqual(created.Uuid, clone.Uuid);
        Assert.Equal((created.Name, created.Arguments, created.TaskType, created.TaskQueue), (clone.Name, clone.Arguments, clone.TaskType, clone.TaskQueue));
        var clone2 = Ok(await instances.Clone(read.Uuid).RunAsync());
        var many = Ok(await instances.CloneManyAsync([created.Uuid, clone.Uuid]));
        Assert.All(many, r => Assert.True(r.IsSucc));
        Assert.Equal(3, h.Emu.Requests.Count("POST", $"{route}/{created.Uuid}/clone/")); // by UUID, in hand, in the batch

        // List, newest first, filterable.
        var all = Ok(await instances.ListAsync());
        Assert.Equal(5, all.Count);
        Assert.Equal(created.Uuid, all.Last().Uuid);
        Assert.Equal(5, Ok(await instances.ListAsync(Seq1(TaskInstanceFilters<TKind>.Name.Is("first")))).Count);
        Assert.Equal(5, Ok(await instances.ListPageAsync(Seq1(TaskInstanceFilters<TKind>.State.Is(TaskState.PublishedState)), 1, 2)).Count);

        // Terminate one by UUID, one in hand, two as a batch; the others finish.
        var terminated = Ok(await instances.TerminateAsync(created.Uuid));
        Assert.Equal(created.Uuid, terminated.Uuid);
        Ok(await instances.Terminate(clone.Uuid).RunAsync());
        var batch = Ok(await instances.TerminateManyAsync([clone2.Uuid, ((T)many[0]).Uuid]));
        Assert.Equal([clone2.Uuid, ((T)many[0]).Uuid], batch.Map(r => ((T)r).Uuid).ToArray());
        await h.Emu.Worker.RunUntilIdleAsync();

        var final = Ok(await instances.WaitManyAsync([created.Uuid, clone.Uuid, clone2.Uuid, ((T)many[1]).Uuid], Quick));
        Assert.Equal([TaskState.TerminatedState, TaskState.TerminatedState, TaskState.TerminatedState, TaskState.SuccessfulState], final.Map(i => i.State).ToArray());
        Assert.Equal(TaskState.SuccessfulState, Ok(await instances.Wait((T)many[1], Quick).RunAsync()).State);
        Assert.Equal(TaskState.TerminatedState, Ok(await instances.WaitAsync(created.Uuid, Quick)).State);
        Assert.Equal(TaskState.TerminatedState, Ok(await instances.SyncAsync(created)).State);
    }

    [Fact]
    public async Task Wait_returns_once_the_worker_finishes_the_instance()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync("false");
        var instance = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        var wait = h.Client.ExecutableTaskInstances.WaitAsync(instance.Uuid, Quick);
        await Eventually(() => h.Emu.Requests.Count("GET", $"executabletaskinstances/{instance.Uuid}/") >= 2, "the waiter polls");
        Assert.False(wait.IsCompleted);
        await h.Emu.Worker.RunUntilIdleAsync();
        var done = Ok(await wait);
        Assert.Equal(TaskState.FailedState, done.State);
        Assert.NotNull(done.DatetimeFinished);
    }

    [Fact]
    public async Task UpdateState_stores_a_state_for_either_kind()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var instance = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        var update = Ok(await h.Client.UpdateStateAsync(instance.Uuid, TaskState.RunningState));
        Assert.Equal(new InstanceStateUpdate(instance.Uuid, TaskState.RunningState), update);
        Assert.Equal(TaskState.RunningState, Ok(await h.Client.ExecutableTaskInstances.GetAsync(instance.Uuid)).State);
        Ok(await h.Client.UpdateState(instance.Uuid, TaskState.SuccessfulState).RunAsync());
        Assert.Equal(TaskState.SuccessfulState, Ok(await h.Client.ExecutableTaskInstances.WaitAsync(instance.Uuid, Quick)).State);

        var (ctype, cqueue) = await h.ContainerSetupAsync();
        var container = Ok(await h.Client.ContainerTaskInstances.CreateAsync(TaskInstanceDraft.For(ctype.Id, cqueue.Id)));
        Ok(await h.Client.UpdateStateAsync(container.Uuid, TaskState.FailedState));
        Assert.Equal(TaskState.FailedState, Ok(await h.Client.ContainerTaskInstances.GetAsync(container.Uuid)).State);

        Fails<NotFound, InstanceStateUpdate>(h.Observe(await h.Client.UpdateStateAsync(new InstanceUuid(Guid.NewGuid()), TaskState.RunningState)));
    }

    [Fact]
    public async Task Unknown_instances_give_typed_errors()
    {
        await using var h = await Harness.StartAsync();
        var nobody = new InstanceUuid(Guid.NewGuid());
        var instances = h.Client.ExecutableTaskInstances;
        Fails<NotFound, ExecutableTaskInstance>(h.Observe(await instances.GetAsync(nobody)));
        Fails<MethodNotAllowed, ExecutableTaskInstance>(h.Observe(await instances.CloneAsync(nobody)));
        Fails<MethodNotAllowed, ExecutableTaskInstance>(h.Observe(await instances.TerminateAsync(nobody)));
        Fails<NotFound, ExecutableTaskInstance>(h.Observe(await instances.WaitAsync(nobody, Quick)));
        Fails<InvalidRequestInput, Page<User>>(h.Observe(await h.Client.Users.ListPageAsync(default, 0)));
    }
}
