using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>
/// The fields both kinds of task type are served with, in the server's order. The serializer
/// writes a derived type's members first unless told otherwise, so each kind's own members carry
/// <see cref="OwnMembers"/> to follow these, as the server has them.
/// </summary>
internal abstract class TaskTypeWire
{
    /// <summary>The <see cref="JsonPropertyOrderAttribute"/> of a kind's own members: after the shared ones.</summary>
    protected const int OwnMembers = 1;

    [JsonPropertyName("id")] public required int Id { get; init; }

    [JsonPropertyName("user")] public required string User { get; init; }

    [JsonPropertyName("name")] public required string Name { get; init; }

    [JsonPropertyName("description")] public required string Description { get; init; }

    [JsonPropertyName("datetime_created")] public required DateTimeOffset DatetimeCreated { get; init; }

    [JsonPropertyName("command_to_run")] public required string CommandToRun { get; init; }

    [JsonPropertyName("environment_variables")] public required string[] EnvironmentVariables { get; init; }

    [JsonPropertyName("required_arguments")] public required string[] RequiredArguments { get; init; }

    [JsonPropertyName("required_arguments_default_values")] public required Json.JObject RequiredArgumentsDefaultValues { get; init; }
}

/// <summary>An executable task type exactly as <c>executabletasktypes/</c> serves it, in the server's field order.</summary>
internal sealed class ExecutableTaskTypeWire : TaskTypeWire
{
    [JsonPropertyName("json_file_option"), JsonPropertyOrder(OwnMembers)] public required string? JsonFileOption { get; init; }
}

/// <summary>A container task type exactly as <c>containertasktypes/</c> serves it, in the server's field order.</summary>
internal sealed class ContainerTaskTypeWire : TaskTypeWire
{
    [JsonPropertyName("logs_path"), JsonPropertyOrder(OwnMembers)] public required string? LogsPath { get; init; }

    [JsonPropertyName("results_path"), JsonPropertyOrder(OwnMembers)] public required string? ResultsPath { get; init; }

    [JsonPropertyName("container_image"), JsonPropertyOrder(OwnMembers)] public required string ContainerImage { get; init; }

    [JsonPropertyName("container_type"), JsonPropertyOrder(OwnMembers)] public required ContainerType ContainerType { get; init; }
}
