using Saltant.Domain;

namespace Saltant.Cli.Output;

/// <summary>
/// How one resource is shown: its encoder (the server's field names, as on the wire), the fields
/// of its list table and of its detail view (saltant-cli's choice of attributes), and its key.
/// </summary>
/// <typeparam name="T">The record.</typeparam>
/// <param name="Noun">What one record is called, e.g. "task queue".</param>
/// <param name="Encoder">Writes a record as the server does.</param>
/// <param name="ListFields">The list table's columns, server field names.</param>
/// <param name="DetailFields">The detail view's rows, server field names.</param>
/// <param name="Key">The record's id, UUID or username, as printed by <c>--quiet</c>.</param>
/// <param name="DropOrder">
/// The list columns to leave out, first to last, while the table is too wide for the terminal; the
/// columns not named here are always shown (the key, an instance's state).
/// </param>
internal sealed record ResourceView<T>(string Noun, Encoder<T> Encoder, string[] ListFields, string[] DetailFields, Func<T, string> Key, string[] DropOrder);

/// <summary>The views of every resource.</summary>
internal static class Views
{
    private static readonly string[] TaskTypeBase =
        ["id", "user", "name", "description", "datetime_created", "command_to_run", "environment_variables", "required_arguments", "required_arguments_default_values"];

    private static readonly string[] InstanceDetail =
        ["uuid", "name", "state", "user", "task_queue", "task_type", "datetime_created", "datetime_finished", "arguments"];

    private static readonly string[] InstanceList =
        ["uuid", "state", "user", "task_queue", "task_type", "datetime_created", "datetime_finished", "name"];

    private static readonly string[] InstanceDrops =
        ["datetime_finished", "user", "datetime_created", "task_queue", "task_type", "name"];

    /// <summary>Users.</summary>
    public static ResourceView<User> User { get; } = new("user", Encoders.User, ["username", "email"], ["username", "email"], u => u.Username.Value, ["email"]);

    /// <summary>Task queues.</summary>
    public static ResourceView<TaskQueue> TaskQueue { get; } = new(
        "task queue",
        Encoders.TaskQueue,
        ["id", "user", "name", "private", "active", "description"],
        ["id", "user", "name", "description", "private", "runs_executable_tasks", "runs_docker_container_tasks", "runs_singularity_container_tasks", "active", "whitelists"],
        q => q.Id.ToString(),
        ["user", "private", "active", "description", "name"]);

    /// <summary>Task whitelists.</summary>
    public static ResourceView<TaskWhitelist> TaskWhitelist { get; } = new(
        "task whitelist",
        Encoders.TaskWhitelist,
        ["id", "user", "name", "description"],
        ["id", "user", "name", "description", "whitelisted_container_task_types", "whitelisted_executable_task_types"],
        w => w.Id.ToString(),
        ["user", "description", "name"]);

    /// <summary>Container task types.</summary>
    public static ResourceView<ContainerTaskType> ContainerTaskType { get; } = new(
        "container task type",
        Encoders.ContainerTaskType,
        ["id", "name", "user", "description", "container_image", "container_type"],
        [.. TaskTypeBase, "logs_path", "results_path", "container_image", "container_type"],
        t => t.Id.ToString(),
        ["user", "description", "container_type", "container_image", "name"]);

    /// <summary>Executable task types.</summary>
    public static ResourceView<ExecutableTaskType> ExecutableTaskType { get; } = new(
        "executable task type",
        Encoders.ExecutableTaskType,
        ["id", "name", "user", "description"],
        [.. TaskTypeBase, "json_file_option"],
        t => t.Id.ToString(),
        ["user", "description", "name"]);

    /// <summary>Container task instances.</summary>
    public static ResourceView<ContainerTaskInstance> ContainerTaskInstance { get; } =
        new("container task instance", Encoders.ContainerTaskInstance, InstanceList, InstanceDetail, i => i.Uuid.ToString(), InstanceDrops);

    /// <summary>Executable task instances.</summary>
    public static ResourceView<ExecutableTaskInstance> ExecutableTaskInstance { get; } =
        new("executable task instance", Encoders.ExecutableTaskInstance, InstanceList, InstanceDetail, i => i.Uuid.ToString(), InstanceDrops);
}
