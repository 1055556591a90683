using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// A new task instance of one kind: which task type to run on which queue, with what arguments.
/// The kind comes from the task type's id, so a draft made from a container type's id can only be
/// launched as a container instance.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <param name="TaskType">The task type, of this kind.</param>
/// <param name="TaskQueue">The queue to run it on.</param>
public sealed record TaskInstanceDraft<TKind>(TaskTypeId<TKind> TaskType, TaskQueueId TaskQueue)
    where TKind : ITaskKind
{
    /// <summary>The arguments; the server fills in the type's defaults. Empty by default.</summary>
    public Json.JObject Arguments { get; init; } = Json.EmptyObject;

    /// <summary>A name for the instance; when absent the field is not sent and the server stores an empty name.</summary>
    public Option<string> Name { get; init; }

    /// <summary>The JSON body.</summary>
    public Json.JObject ToJson() => BodyFields.Present(
        BodyFields.When("name", Name, s => Json.Of(s ?? "")),
        Option<(string, Json)>.Some(("task_type", Json.Of((long)TaskType.Value))),
        Option<(string, Json)>.Some(("task_queue", Json.Of((long)TaskQueue.Value))),
        Option<(string, Json)>.Some(("arguments", Arguments ?? Json.EmptyObject)));
}

/// <summary>Makes <see cref="TaskInstanceDraft{TKind}"/>s without spelling out the kind, which the task type's id already says.</summary>
public static class TaskInstanceDraft
{
    /// <summary>
    /// A draft that runs <paramref name="taskType"/> on <paramref name="taskQueue"/> with no
    /// arguments and no name; set them with <c>with { Arguments = …, Name = … }</c>.
    /// </summary>
    /// <typeparam name="TKind">The task type's kind (inferred).</typeparam>
    /// <param name="taskType">The task type.</param>
    /// <param name="taskQueue">The queue to run it on.</param>
    public static TaskInstanceDraft<TKind> For<TKind>(TaskTypeId<TKind> taskType, TaskQueueId taskQueue)
        where TKind : ITaskKind =>
        new(taskType, taskQueue);
}
