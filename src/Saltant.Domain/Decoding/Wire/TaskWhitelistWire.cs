using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>A task whitelist exactly as <c>taskwhitelists/</c> serves it, in the server's field order.</summary>
internal sealed class TaskWhitelistWire
{
    [JsonPropertyName("id")] public required int Id { get; init; }

    [JsonPropertyName("user")] public required string User { get; init; }

    [JsonPropertyName("name")] public required string Name { get; init; }

    [JsonPropertyName("description")] public required string Description { get; init; }

    [JsonPropertyName("whitelisted_container_task_types")] public required int[] WhitelistedContainerTaskTypes { get; init; }

    [JsonPropertyName("whitelisted_executable_task_types")] public required int[] WhitelistedExecutableTaskTypes { get; init; }
}
