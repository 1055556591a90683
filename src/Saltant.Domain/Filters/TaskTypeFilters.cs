namespace Saltant.Domain;

/// <summary>
/// The fields the server filters both task type lists on, for the list of
/// <typeparamref name="T"/> (<see cref="ContainerTaskType"/> or <see cref="ExecutableTaskType"/>).
/// Container types have two more: <see cref="ContainerTaskTypeFilters"/>.
/// </summary>
/// <typeparam name="T">The kind of task type listed.</typeparam>
public static class TaskTypeFilters<T>
    where T : TaskType
{
    /// <summary><c>name</c>.</summary>
    public static TextField<T> Name { get; } = new("name");

    /// <summary><c>description</c>.</summary>
    public static TextField<T> Description { get; } = new("description");

    /// <summary><c>user__username</c>: the owner's username.</summary>
    public static TextField<T> Owner { get; } = new("user__username");

    /// <summary><c>command_to_run</c>.</summary>
    public static TextField<T> CommandToRun { get; } = new("command_to_run");

    /// <summary><c>datetime_created</c>.</summary>
    public static DateTimeField<T> DatetimeCreated { get; } = new("datetime_created");
}
