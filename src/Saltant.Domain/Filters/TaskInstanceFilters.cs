namespace Saltant.Domain;

/// <summary>
/// The fields the server filters both task instance lists on (the same for container and
/// executable instances, so one filter type serves both).
/// </summary>
public static class TaskInstanceFilters
{
    /// <summary><c>name</c>.</summary>
    public static TextField<TaskInstance> Name { get; } = new("name");

    /// <summary><c>state</c>, with typed states.</summary>
    public static ChoiceField<TaskInstance, TaskState> State { get; } = new("state", s => s.WireName);

    /// <summary><c>user__username</c>: who launched the instance.</summary>
    public static TextField<TaskInstance> Owner { get; } = new("user__username");

    /// <summary><c>task_type</c>: the task type's id (of the listed kind).</summary>
    public static ForeignKeyField<TaskInstance, TaskTypeId> TaskType { get; } = new("task_type", id => id.ToString());

    /// <summary><c>task_queue</c>: the queue's id.</summary>
    public static ForeignKeyField<TaskInstance, TaskQueueId> TaskQueue { get; } = new("task_queue", id => id.ToString());

    /// <summary><c>datetime_created</c>.</summary>
    public static DateTimeField<TaskInstance> DatetimeCreated { get; } = new("datetime_created");

    /// <summary><c>datetime_finished</c>.</summary>
    public static DateTimeField<TaskInstance> DatetimeFinished { get; } = new("datetime_finished");
}
