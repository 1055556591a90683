namespace Saltant.Domain;

/// <summary>
/// The fields the server filters a task instance list on, for the list of instances of
/// <typeparamref name="TKind"/>. Both kinds have the same fields, but a filter on a task type id
/// names a type of one kind, so each kind's filters are their own type:
/// <c>TaskInstanceFilters&lt;Container&gt;.TaskType.Is(id)</c> takes only a container type's id
/// and goes only to the container instance list.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
public static class TaskInstanceFilters<TKind>
    where TKind : ITaskKind
{
    /// <summary><c>name</c>.</summary>
    public static TextField<TaskInstance<TKind>> Name { get; } = new("name");

    /// <summary><c>state</c>, with typed states.</summary>
    public static ChoiceField<TaskInstance<TKind>, TaskState> State { get; } = new("state", s => s.WireName);

    /// <summary><c>user__username</c>: who launched the instance.</summary>
    public static TextField<TaskInstance<TKind>> Owner { get; } = new("user__username");

    /// <summary><c>task_type</c>: the task type's id, of this kind.</summary>
    public static ForeignKeyField<TaskInstance<TKind>, TaskTypeId<TKind>> TaskType { get; } = new("task_type", id => id.ToString());

    /// <summary><c>task_queue</c>: the queue's id.</summary>
    public static ForeignKeyField<TaskInstance<TKind>, TaskQueueId> TaskQueue { get; } = new("task_queue", id => id.ToString());

    /// <summary><c>datetime_created</c>.</summary>
    public static DateTimeField<TaskInstance<TKind>> DatetimeCreated { get; } = new("datetime_created");

    /// <summary><c>datetime_finished</c>.</summary>
    public static DateTimeField<TaskInstance<TKind>> DatetimeFinished { get; } = new("datetime_finished");
}
