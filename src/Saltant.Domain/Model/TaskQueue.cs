using LanguageExt;

namespace Saltant.Domain;

/// <summary>A task queue: where instances are sent, which kinds it runs, and who may use it.</summary>
/// <param name="Id">The queue's id.</param>
/// <param name="User">Its owner.</param>
/// <param name="Name">Its unique name (letters, digits and <c>@.+-_</c>).</param>
/// <param name="Description">Its description (may be empty).</param>
/// <param name="Private">Whether only its owner may launch instances on it.</param>
/// <param name="RunsExecutableTasks">Whether it runs executable tasks.</param>
/// <param name="RunsDockerContainerTasks">Whether it runs Docker container tasks.</param>
/// <param name="RunsSingularityContainerTasks">Whether it runs Singularity container tasks.</param>
/// <param name="Active">Whether it accepts new instances.</param>
/// <param name="Whitelists">The whitelists whose task types it may run.</param>
public sealed record TaskQueue(
    TaskQueueId Id,
    Username User,
    string Name,
    string Description,
    bool Private,
    bool RunsExecutableTasks,
    bool RunsDockerContainerTasks,
    bool RunsSingularityContainerTasks,
    bool Active,
    Seq<TaskWhitelistId> Whitelists);
