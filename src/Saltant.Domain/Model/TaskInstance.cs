namespace Saltant.Domain;

/// <summary>
/// What container and executable task instances share: one run of a task type on a queue. The
/// task type's id is not here: ids are numbered per kind, so it lives on
/// <see cref="TaskInstance{TKind}"/> where its type says which kind it numbers.
/// </summary>
/// <param name="Uuid">The instance's UUID.</param>
/// <param name="User">Who launched it.</param>
/// <param name="Name">Its name (may be empty).</param>
/// <param name="State">Its state, as last read.</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="DatetimeFinished">When it finished, if it has (null after terminate).</param>
/// <param name="Arguments">Its arguments, with the type's defaults filled in.</param>
/// <param name="TaskQueue">The queue it runs on.</param>
public abstract record TaskInstance(
    InstanceUuid Uuid,
    Username User,
    string Name,
    TaskState State,
    DateTimeOffset DatetimeCreated,
    DateTimeOffset? DatetimeFinished,
    Json.JObject Arguments,
    TaskQueueId TaskQueue)
{
    /// <summary>Which kind of task this instance runs.</summary>
    public abstract TaskKind Kind { get; }
}

/// <summary>
/// A task instance of one kind, with its task type's id of that kind; the type that kind-generic
/// code (and the filters of a kind's instance list, <see cref="TaskInstanceFilters{TKind}"/>) is
/// written against.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <param name="Uuid">The instance's UUID.</param>
/// <param name="User">Who launched it.</param>
/// <param name="Name">Its name (may be empty).</param>
/// <param name="State">Its state, as last read.</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="DatetimeFinished">When it finished, if it has (null after terminate).</param>
/// <param name="Arguments">Its arguments, with the type's defaults filled in.</param>
/// <param name="TaskQueue">The queue it runs on.</param>
/// <param name="TaskType">Its task type, of the same kind.</param>
public abstract record TaskInstance<TKind>(
    InstanceUuid Uuid,
    Username User,
    string Name,
    TaskState State,
    DateTimeOffset DatetimeCreated,
    DateTimeOffset? DatetimeFinished,
    Json.JObject Arguments,
    TaskQueueId TaskQueue,
    TaskTypeId<TKind> TaskType)
    : TaskInstance(Uuid, User, Name, State, DatetimeCreated, DatetimeFinished, Arguments, TaskQueue)
    where TKind : ITaskKind
{
    /// <inheritdoc />
    public sealed override TaskKind Kind => TKind.Kind;
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
    TaskTypeId<Container> TaskType)
    : TaskInstance<Container>(Uuid, User, Name, State, DatetimeCreated, DatetimeFinished, Arguments, TaskQueue, TaskType);

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
    TaskTypeId<Executable> TaskType)
    : TaskInstance<Executable>(Uuid, User, Name, State, DatetimeCreated, DatetimeFinished, Arguments, TaskQueue, TaskType);
