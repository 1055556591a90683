using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>A task queue exactly as <c>taskqueues/</c> serves it, in the server's field order.</summary>
internal sealed class TaskQueueWire
{
    [JsonPropertyName("id")] public required int Id { get; init; }

    [JsonPropertyName("user")] public required string User { get; init; }

    [JsonPropertyName("name")] public required string Name { get; init; }

    [JsonPropertyName("description")] public required string Description { get; init; }

    [JsonPropertyName("private")] public required bool Private { get; init; }

    [JsonPropertyName("runs_executable_tasks")] public required bool RunsExecutableTasks { get; init; }

    [JsonPropertyName("runs_docker_container_tasks")] public required bool RunsDockerContainerTasks { get; init; }

    [JsonPropertyName("runs_singularity_container_tasks")] public required bool RunsSingularityContainerTasks { get; init; }

    [JsonPropertyName("active")] public required bool Active { get; init; }

    [JsonPropertyName("whitelists")] public required int[] Whitelists { get; init; }
}
