namespace Saltant.Domain;

/// <summary>What container and executable task instances share: one run of a task type on a queue.</summary>
/// <param name="Uuid">The instance's UUID.</param>
/// <param name="User">Who launched it.</param>
/// <param name="Name">Its name (may be empty).</param>
/// <param name="State">Its state, as last read.</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="DatetimeFinished">When it finished, if it has (null after terminate).</param>
/// <param name="Arguments">Its arguments, with the type's defaults filled in.</param>
/// <param name="TaskQueue">The queue it runs on.</param>
/// <param name="TaskType">Its task type (of the same kind).</param>
public abstract record TaskInstance(
    InstanceUuid Uuid,
    Username User,
    string Name,
    TaskState State,
    DateTimeOffset DatetimeCreated,
    DateTimeOffset? DatetimeFinished,
    Json.JObject Arguments,
    TaskQueueId TaskQueue,
    TaskTypeId TaskType)
{
    /// <summary>Which kind of task this instance runs.</summary>
    public abstract TaskKind Kind { get; }
}

/// <summary>An instance of a container task type.</summary>
/// <param name="Uuid">The instance's UUID.</param>
/// <param name="User">Who launched it.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Its state.</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="DatetimeFinished">When it finished, if it has.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="TaskQueue">Its queue.</param>
/// <param name="TaskType">Its container task type.</param>
public sealed record ContainerTaskInstance(
    InstanceUuid Uuid,
    Username User,
    string Name,
    TaskState State,
    DateTimeOffset DatetimeCreated,
    DateTimeOffset? DatetimeFinished,
    Json.JObject Arguments,
    TaskQueueId TaskQueue,
    TaskTypeId TaskType)
    : TaskInstance(Uuid, User, Name, State, DatetimeCreated, DatetimeFinished, Arguments, TaskQueue, TaskType)
{
    /// <inheritdoc />
    public override TaskKind Kind => TaskKind.Container;
}

/// <summary>An instance of an executable task type.</summary>
/// <param name="Uuid">The instance's UUID.</param>
/// <param name="User">Who launched it.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Its state.</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="DatetimeFinished">When it finished, if it has.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="TaskQueue">Its queue.</param>
/// <param name="TaskType">Its executable task type.</param>
public sealed record ExecutableTaskInstance(
    InstanceUuid Uuid,
    Username User,
    string Name,
    TaskState State,
    DateTimeOffset DatetimeCreated,
    DateTimeOffset? DatetimeFinished,
    Json.JObject Arguments,
    TaskQueueId TaskQueue,
    TaskTypeId TaskType)
    : TaskInstance(Uuid, User, Name, State, DatetimeCreated, DatetimeFinished, Arguments, TaskQueue, TaskType)
{
    /// <inheritdoc />
    public override TaskKind Kind => TaskKind.Executable;
}
