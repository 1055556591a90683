using Xunit;

namespace Saltant.Client.Tests.CompileTime;

/// <summary>
/// Container and executable task types are numbered separately, so a container type's id sent to
/// the executable routes names another record (issue 8: it launched executable type #1). These
/// tests compile user code with the C# compiler: each misuse must fail to compile with the
/// expected error, and its well-typed twin must compile cleanly, so the failure is the kind
/// mismatch and nothing else.
/// </summary>
public sealed class KindSafetyTests
{
    /// <summary>Name, the well-typed statement, the same statement given the wrong kind, and the compiler's error for it.</summary>
    public static TheoryData<string, string, string, string> Misuses => new()
    {
        {
            "the issue's code: a draft from a container type's id for the executable client",
            "_ = client.ExecutableTaskInstances.Create(TaskInstanceDraft.For(executableType.Id, queue.Id));",
            "_ = client.ExecutableTaskInstances.Create(new TaskInstanceDraft(containerType.Id, queue.Id));",
            "CS0712" // a draft has a kind now: the kind-less constructor is gone
        },
        {
            "a draft made for a container type's id, launched as an executable instance",
            "_ = client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(executableType.Id, queue.Id) with { Name = \"n\" });",
            "_ = client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(containerType.Id, queue.Id) with { Name = \"n\" });",
            "CS1503"
        },
        {
            "a container type's id in an executable draft",
            "_ = new TaskInstanceDraft<Executable>(executableType.Id, queue.Id);",
            "_ = new TaskInstanceDraft<Executable>(containerType.Id, queue.Id);",
            "CS1503"
        },
        {
            "a container draft in a batch of executable launches",
            "_ = client.ExecutableTaskInstances.CreateMany(new[] { TaskInstanceDraft.For(executableType.Id, queue.Id) });",
            "_ = client.ExecutableTaskInstances.CreateMany(new[] { TaskInstanceDraft.For(containerType.Id, queue.Id) });",
            "CS1503"
        },
        {
            "a container draft built into an executable instance request",
            "_ = TaskInstanceRequests.Create<Container>(TaskInstanceDraft.For(containerType.Id, queue.Id));",
            "_ = TaskInstanceRequests.Create<Executable>(TaskInstanceDraft.For(containerType.Id, queue.Id));",
            "CS1503"
        },
        {
            "a container type's id among a whitelist draft's executable types",
            "_ = new TaskWhitelistDraft(\"w\") { WhitelistedExecutableTaskTypes = Seq1(executableType.Id) };",
            "_ = new TaskWhitelistDraft(\"w\") { WhitelistedExecutableTaskTypes = Seq1(containerType.Id) };",
            "CS0029"
        },
        {
            "a container type's id among a whitelist patch's executable types",
            "_ = new TaskWhitelistPatch { WhitelistedExecutableTaskTypes = Some(Seq1(executableType.Id)) };",
            "_ = new TaskWhitelistPatch { WhitelistedExecutableTaskTypes = Some(Seq1(containerType.Id)) };",
            "CS0029"
        },
        {
            "a whitelist's container types read as executable types",
            "Seq<TaskTypeId<Container>> ids = whitelist.WhitelistedContainerTaskTypes;",
            "Seq<TaskTypeId<Executable>> ids = whitelist.WhitelistedContainerTaskTypes;",
            "CS0029"
        },
        {
            "a container-kind task_type filter on the executable instance list",
            "_ = client.ExecutableTaskInstances.List(Seq1(TaskInstanceFilters<Executable>.TaskType.Is(executableType.Id)));",
            "_ = client.ExecutableTaskInstances.List(Seq1(TaskInstanceFilters<Container>.TaskType.Is(containerType.Id)));",
            "CS1503"
        },
        {
            "a container type's id in an executable task_type filter",
            "_ = TaskInstanceFilters<Executable>.TaskType.In(executableType.Id);",
            "_ = TaskInstanceFilters<Executable>.TaskType.In(containerType.Id);",
            "CS1503"
        },
        {
            "a container-kind filter streamed from the executable instance list",
            "_ = client.ExecutableTaskInstances.Stream(Seq1(TaskInstanceFilters<Executable>.State.Is(TaskState.FailedState)));",
            "_ = client.ExecutableTaskInstances.Stream(Seq1(TaskInstanceFilters<Container>.State.Is(TaskState.FailedState)));",
            "CS1503"
        },
        {
            "a container instance's task type read as an executable type's id",
            "TaskTypeId<Container> type = containerInstance.TaskType;",
            "TaskTypeId<Executable> type = containerInstance.TaskType;",
            "CS0029"
        },
        {
            "a container type's id read from the executable task types",
            "_ = client.ExecutableTaskTypes.Get(executableType.Id);",
            "_ = client.ExecutableTaskTypes.Get(containerType.Id);",
            "CS1503"
        },
        {
            "a container type's id replaced among the executable task types",
            "_ = client.ExecutableTaskTypes.PutAsync(executableType.Id, new ExecutableTaskTypeDraft(\"t\", \"true\"));",
            "_ = client.ExecutableTaskTypes.PutAsync(containerType.Id, new ExecutableTaskTypeDraft(\"t\", \"true\"));",
            "CS1503"
        },
        {
            "a container-only task type filter on the executable task type list",
            "_ = client.ContainerTaskTypes.List(Seq1(ContainerTaskTypeFilters.ContainerImage.Is(\"busybox\")));",
            "_ = client.ExecutableTaskTypes.List(Seq1(ContainerTaskTypeFilters.ContainerImage.Is(\"busybox\")));",
            "CS1503"
        },
        {
            "a container task type filter on the executable task type list",
            "_ = client.ExecutableTaskTypes.ListAsync(Seq1(TaskTypeFilters<Executable>.Name.Is(\"greet\")));",
            "_ = client.ExecutableTaskTypes.ListAsync(Seq1(TaskTypeFilters<Container>.Name.Is(\"greet\")));",
            "CS1503"
        },
        {
            "an id of either kind",
            "_ = new TaskTypeId<Executable>(1);",
            "_ = new TaskTypeId<ITaskKind>(1);",
            "CS8920" // an interface with a static abstract member is no type argument
        },
        {
            "an instance of a kind marker",
            "_ = Container.Kind;",
            "_ = new Container();",
            "CS1729" // its constructor is private, so a referencing assembly sees none
        },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void The_well_typed_use_compiles_without_warnings(string name, string wellTyped, string illTyped, string error)
    {
        _ = (name, illTyped, error);
        var problems = SnippetCompiler.Problems(wellTyped);
        Assert.True(problems.Count == 0, SnippetCompiler.Describe(problems));
    }

    [Theory]
    [MemberData(nameof(Misuses))]
    public void The_same_use_with_the_wrong_kind_fails_to_compile_with_the_expected_error(string name, string wellTyped, string illTyped, string error)
    {
        _ = (name, wellTyped);
        var problems = SnippetCompiler.Problems(illTyped);
        Assert.True(problems.Count == 1 && problems[0].Id == error, $"expected exactly {error}, got:{Environment.NewLine}{SnippetCompiler.Describe(problems)}");
    }

    [Fact]
    public void Every_well_typed_use_compiles_together()
    {
        // One program using all of them, as a user's would: no ambiguity between the uses.
        var all = string.Join(Environment.NewLine, Misuses.Select(row => (string)row[1]).Select(s => $"{{ {s} }}"));
        var problems = SnippetCompiler.Problems(all);
        Assert.True(problems.Count == 0, SnippetCompiler.Describe(problems));
    }
}
