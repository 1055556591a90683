namespace Saltant.Domain;

/// <summary>The fields the server filters the task queue list on.</summary>
public static class TaskQueueFilters
{
    /// <summary><c>name</c>.</summary>
    public static TextField<TaskQueue> Name { get; } = new("name");

    /// <summary><c>description</c>.</summary>
    public static TextField<TaskQueue> Description { get; } = new("description");

    /// <summary><c>user__username</c>: the owner's username.</summary>
    public static TextField<TaskQueue> Owner { get; } = new("user__username");

    /// <summary><c>private</c>.</summary>
    public static BooleanField<TaskQueue> Private { get; } = new("private");

    /// <summary><c>runs_executable_tasks</c>.</summary>
    public static BooleanField<TaskQueue> RunsExecutableTasks { get; } = new("runs_executable_tasks");

    /// <summary><c>runs_docker_container_tasks</c>.</summary>
    public static BooleanField<TaskQueue> RunsDockerContainerTasks { get; } = new("runs_docker_container_tasks");

    /// <summary><c>runs_singularity_container_tasks</c>.</summary>
    public static BooleanField<TaskQueue> RunsSingularityContainerTasks { get; } = new("runs_singularity_container_tasks");

    /// <summary><c>active</c>.</summary>
    public static BooleanField<TaskQueue> Active { get; } = new("active");
}
