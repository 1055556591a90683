using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>An executable task type exactly as <c>executabletasktypes/</c> serves it, in the server's field order.</summary>
internal sealed class ExecutableTaskTypeWire
{
    [JsonPropertyName("id")] public required int Id { get; init; }

    [JsonPropertyName("user")] public required string User { get; init; }

    [JsonPropertyName("name")] public required string Name { get; init; }

    [JsonPropertyName("description")] public required string Description { get; init; }

    [JsonPropertyName("datetime_created")] public required DateTimeOffset DatetimeCreated { get; init; }

    [JsonPropertyName("command_to_run")] public required string CommandToRun { get; init; }

    [JsonPropertyName("environment_variables")] public required string[] EnvironmentVariables { get; init; }

    [JsonPropertyName("required_arguments")] public required string[] RequiredArguments { get; init; }

    [JsonPropertyName("required_arguments_default_values")] public required Json.JObject RequiredArgumentsDefaultValues { get; init; }

    [JsonPropertyName("json_file_option")] public required string? JsonFileOption { get; init; }
}

/// <summary>A container task type exactly as <c>containertasktypes/</c> serves it, in the server's field order.</summary>
internal sealed class ContainerTaskTypeWire
{
    [JsonPropertyName("id")] public required int Id { get; init; }

    [JsonPropertyName("user")] public required string User { get; init; }

    [JsonPropertyName("name")] public required string Name { get; init; }

    [JsonPropertyName("description")] public required string Description { get; init; }

    [JsonPropertyName("datetime_created")] public required DateTimeOffset DatetimeCreated { get; init; }

    [JsonPropertyName("command_to_run")] public required string CommandToRun { get; init; }

    [JsonPropertyName("environment_variables")] public required string[] EnvironmentVariables { get; init; }

    [JsonPropertyName("required_arguments")] public required string[] RequiredArguments { get; init; }

    [JsonPropertyName("required_arguments_default_values")] public required Json.JObject RequiredArgumentsDefaultValues { get; init; }

    [JsonPropertyName("logs_path")] public required string? LogsPath { get; init; }

    [JsonPropertyName("results_path")] public required string? ResultsPath { get; init; }

    [JsonPropertyName("container_image")] public required string ContainerImage { get; init; }

    [JsonPropertyName("container_type")] public required ContainerType ContainerType { get; init; }
}
