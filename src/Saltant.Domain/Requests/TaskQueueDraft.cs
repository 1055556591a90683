using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// Every writable field of a task queue: the body of a create, or of a PUT that replaces them
/// all. Defaults are the server's own (public, runs every kind, active, no whitelists).
/// </summary>
/// <param name="Name">The unique name (the server allows letters, digits and <c>@.+-_</c>).</param>
public sealed record TaskQueueDraft(string Name)
{
    /// <summary>The description; empty by default.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether only the owner may launch instances on it; false by default.</summary>
    public bool Private { get; init; }

    /// <summary>Whether it runs executable tasks; true by default.</summary>
    public bool RunsExecutableTasks { get; init; } = true;

    /// <summary>Whether it runs Docker container tasks; true by default.</summary>
    public bool RunsDockerContainerTasks { get; init; } = true;

    /// <summary>Whether it runs Singularity container tasks; true by default.</summary>
    public bool RunsSingularityContainerTasks { get; init; } = true;

    /// <summary>Whether it accepts new instances; true by default.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The whitelists whose task types it may run; none by default.</summary>
    public Seq<TaskWhitelistId> Whitelists { get; init; } = Seq<TaskWhitelistId>.Empty;

    /// <summary>The JSON body: every field.</summary>
    public Json.JObject ToJson() => Json.Object(
        ("name", Json.Of(Name ?? "")),
        ("description", Json.Of(Description ?? "")),
        ("private", Json.Of(Private)),
        ("runs_executable_tasks", Json.Of(RunsExecutableTasks)),
        ("runs_docker_container_tasks", Json.Of(RunsDockerContainerTasks)),
        ("runs_singularity_container_tasks", Json.Of(RunsSingularityContainerTasks)),
        ("active", Json.Of(Active)),
        ("whitelists", BodyFields.Ids(Whitelists, id => id.Value)));
}
