using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>A task instance of either kind exactly as the server serves it, in its field order.</summary>
internal sealed class TaskInstanceWire
{
    [JsonPropertyName("uuid")] public required Guid Uuid { get; init; }

    [JsonPropertyName("user")] public required string User { get; init; }

    [JsonPropertyName("name")] public required string Name { get; init; }

    [JsonPropertyName("state")] public required string State { get; init; }

    [JsonPropertyName("datetime_created")] public required DateTimeOffset DatetimeCreated { get; init; }

    [JsonPropertyName("datetime_finished")] public required DateTimeOffset? DatetimeFinished { get; init; }

    [JsonPropertyName("arguments")] public required Json.JObject Arguments { get; init; }

    [JsonPropertyName("task_queue")] public required int TaskQueue { get; init; }

    [JsonPropertyName("task_type")] public required int TaskType { get; init; }
}
