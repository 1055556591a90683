using LanguageExt;

namespace Saltant.Domain;

/// <summary>The fields of a task queue to change; only those set (<c>Some</c>) are sent.</summary>
public sealed record TaskQueuePatch
{
    /// <summary>A new name.</summary>
    public Option<string> Name { get; init; }

    /// <summary>A new description.</summary>
    public Option<string> Description { get; init; }

    /// <summary>Whether only the owner may use it.</summary>
    public Option<bool> Private { get; init; }

    /// <summary>Whether it runs executable tasks.</summary>
    public Option<bool> RunsExecutableTasks { get; init; }

    /// <summary>Whether it runs Docker container tasks.</summary>
    public Option<bool> RunsDockerContainerTasks { get; init; }

    /// <summary>Whether it runs Singularity container tasks.</summary>
    public Option<bool> RunsSingularityContainerTasks { get; init; }

    /// <summary>Whether it accepts new instances.</summary>
    public Option<bool> Active { get; init; }

    /// <summary>Its whitelists, replacing the current ones.</summary>
    public Option<Seq<TaskWhitelistId>> Whitelists { get; init; }

    /// <summary>The JSON body: the fields set, and nothing else.</summary>
    public Json.JObject ToJson() => BodyFields.Present(
        BodyFields.When("name", Name, s => Json.Of(s ?? "")),
        BodyFields.When("description", Description, s => Json.Of(s ?? "")),
        BodyFields.When("private", Private, Json.Of),
        BodyFields.When("runs_executable_tasks", RunsExecutableTasks, Json.Of),
        BodyFields.When("runs_docker_container_tasks", RunsDockerContainerTasks, Json.Of),
        BodyFields.When("runs_singularity_container_tasks", RunsSingularityContainerTasks, Json.Of),
        BodyFields.When("active", Active, Json.Of),
        BodyFields.When("whitelists", Whitelists, ids => BodyFields.Ids(ids, id => id.Value)));
}
