namespace Saltant.Domain;

/// <summary>
/// The fields the server filters both task type lists on, for the list of task types of
/// <typeparamref name="TKind"/>: <c>TaskTypeFilters&lt;Executable&gt;.Name.Is("greet")</c> goes
/// only to <c>executabletasktypes/</c>. Container types have two more:
/// <see cref="ContainerTaskTypeFilters"/>.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
public static class TaskTypeFilters<TKind>
    where TKind : ITaskKind
{
    /// <summary><c>name</c>.</summary>
    public static TextField<TaskType<TKind>> Name { get; } = new("name");

    /// <summary><c>description</c>.</summary>
    public static TextField<TaskType<TKind>> Description { get; } = new("description");

    /// <summary><c>user__username</c>: the owner's username.</summary>
    public static TextField<TaskType<TKind>> Owner { get; } = new("user__username");

    /// <summary><c>command_to_run</c>.</summary>
    public static TextField<TaskType<TKind>> CommandToRun { get; } = new("command_to_run");

    /// <summary><c>datetime_created</c>.</summary>
    public static DateTimeField<TaskType<TKind>> DatetimeCreated { get; } = new("datetime_created");
}
