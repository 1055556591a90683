using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>A user exactly as <c>users/</c> serves it.</summary>
internal sealed class UserWire
{
    [JsonPropertyName("username")] public required string Username { get; init; }

    [JsonPropertyName("email")] public required string Email { get; init; }
}
