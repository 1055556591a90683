using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>The answer of <c>token/</c>.</summary>
internal sealed class JwtPairWire
{
    [JsonPropertyName("refresh")] public required string Refresh { get; init; }

    [JsonPropertyName("access")] public required string Access { get; init; }
}

/// <summary>The answer of <c>token/refresh/</c>.</summary>
internal sealed class JwtAccessWire
{
    [JsonPropertyName("access")] public required string Access { get; init; }
}

/// <summary>The answer of <c>updatetaskinstancestatus/{uuid}/</c>.</summary>
internal sealed class InstanceStateUpdateWire
{
    [JsonPropertyName("uuid")] public required Guid Uuid { get; init; }

    [JsonPropertyName("state")] public required string State { get; init; }
}

/// <summary>
/// The envelope of every list answer. The results stay raw so one envelope serves every record
/// type: each is then read by that record's decoder, which reports paths under <c>$.results[i]</c>.
/// </summary>
internal sealed class PageWire
{
    [JsonPropertyName("count")] public required int Count { get; init; }

    [JsonPropertyName("next")] public required Uri? Next { get; init; }

    [JsonPropertyName("previous")] public required Uri? Previous { get; init; }

    [JsonPropertyName("results")] public required JsonElement[] Results { get; init; }
}

/// <summary>
/// A list answer whose results are read straight into one record's wire shape, so a page is parsed
/// once (no intermediate element per record); serializer failures carry their
/// <c>$.results[i]…</c> path as they are.
/// </summary>
/// <typeparam name="TWire">The record's wire shape.</typeparam>
internal sealed class PageWire<TWire>
{
    [JsonPropertyName("count")] public required int Count { get; init; }

    [JsonPropertyName("next")] public required Uri? Next { get; init; }

    [JsonPropertyName("previous")] public required Uri? Previous { get; init; }

    [JsonPropertyName("results")] public required TWire[] Results { get; init; }
}
