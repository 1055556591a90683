using Saltant.Emulator.Store;

namespace Saltant.Emulator.Query;

/// <summary>The filterable fields of each resource, as saltant's filters.py lists them.</summary>
internal static class ResourceFilters
{
    public static readonly string[] States = ["created", "published", "running", "successful", "failed", "terminated"];
    public static readonly string[] ContainerTypes = ["docker", "singularity"];

    public static FilterField<QueueRecord>[] Queues { get; } =
    [
        new("name", FilterType.Char, Lookups.Char, q => q.Name),
        new("description", FilterType.Char, Lookups.Char, q => q.Description),
        new("user__username", FilterType.Char, Lookups.Char, q => q.User.Username),
        new("private", FilterType.Bool, Lookups.Bool, q => q.Private),
        new("runs_executable_tasks", FilterType.Bool, Lookups.Bool, q => q.RunsExecutableTasks),
        new("runs_docker_container_tasks", FilterType.Bool, Lookups.Bool, q => q.RunsDockerContainerTasks),
        new("runs_singularity_container_tasks", FilterType.Bool, Lookups.Bool, q => q.RunsSingularityContainerTasks),
        new("active", FilterType.Bool, Lookups.Bool, q => q.Active),
    ];

    public static FilterField<WhitelistRecord>[] Whitelists { get; } =
    [
        new("name", FilterType.Char, Lookups.Char, w => w.Name),
        new("description", FilterType.Char, Lookups.Char, w => w.Description),
        new("user__username", FilterType.Char, Lookups.Char, w => w.User.Username),
    ];

    public static FilterField<TaskTypeRecord>[] TaskTypes(TaskKind kind)
    {
        var common = new List<FilterField<TaskTypeRecord>>
        {
            new("name", FilterType.Char, Lookups.Char, t => t.Name),
            new("description", FilterType.Char, Lookups.Char, t => t.Description),
            new("user__username", FilterType.Char, Lookups.Char, t => t.User.Username),
            new("command_to_run", FilterType.Char, Lookups.Char, t => t.CommandToRun),
            FilterField<TaskTypeRecord>.DateTime("datetime_created", t => t.DatetimeCreated),
        };
        if (kind == TaskKind.Container)
        {
            common.Add(new("container_image", FilterType.Char, Lookups.Char, t => t.ContainerImage));
            common.Add(new("container_type", FilterType.Choice, Lookups.Char, t => t.ContainerType, ContainerTypes));
        }
        return [.. common];
    }

    public static FilterField<InstanceRecord>[] Instances(EmulatorStore store, TaskKind kind) =>
    [
        new("name", FilterType.Char, Lookups.Char, i => i.Name),
        new("state", FilterType.Choice, Lookups.Char, i => i.State, States),
        new("user__username", FilterType.Char, Lookups.Char, i => i.User.Username),
        new("task_type", FilterType.ForeignKey, Lookups.ForeignKey, i => i.TaskTypeId, Exists: id => id is > 0 and <= int.MaxValue && store.Types(kind).ContainsKey((int)id)),
        new("task_queue", FilterType.ForeignKey, Lookups.ForeignKey, i => i.TaskQueueId, Exists: id => id is > 0 and <= int.MaxValue && store.Queues.ContainsKey((int)id)),
        FilterField<InstanceRecord>.DateTime("datetime_created", i => i.DatetimeCreated),
        FilterField<InstanceRecord>.DateTime("datetime_finished", i => i.DatetimeFinished),
    ];
}
