using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// Every writable field of a container task type: the body of a create, or of a PUT (the
/// server has no PATCH for task types, so a change sends them all).
/// </summary>
/// <param name="Name">The unique name.</param>
/// <param name="CommandToRun">The command run in the container.</param>
/// <param name="ContainerImage">The image, e.g. <c>docker://busybox:latest</c>.</param>
/// <param name="ContainerType">Docker or Singularity.</param>
public sealed record ContainerTaskTypeDraft(string Name, string CommandToRun, string ContainerImage, ContainerType ContainerType) : ITaskTypeDraft<Container>
{
    /// <summary>The description; empty by default.</summary>
    public string Description { get; init; } = "";

    /// <summary>Host environment variables passed to the task; none by default.</summary>
    public Seq<string> EnvironmentVariables { get; init; } = Seq<string>.Empty;

    /// <summary>Names of the arguments every instance needs; none by default.</summary>
    public Seq<string> RequiredArguments { get; init; } = Seq<string>.Empty;

    /// <summary>Defaults for required arguments; empty by default.</summary>
    public Json.JObject RequiredArgumentsDefaultValues { get; init; } = Json.EmptyObject;

    /// <summary>Where in the container logs are written; none (<c>null</c>) by default.</summary>
    public Option<string> LogsPath { get; init; }

    /// <summary>Where in the container results are written; none (<c>null</c>) by default.</summary>
    public Option<string> ResultsPath { get; init; }

    /// <summary>The JSON body: every field, absent paths as <c>null</c>.</summary>
    public Json.JObject ToJson() => new(
        BodyFields.TaskTypeCommon(Name, Description, CommandToRun, EnvironmentVariables, RequiredArguments, RequiredArgumentsDefaultValues)
            .Concat(
            [
                ("logs_path", BodyFields.NullableString(LogsPath)),
                ("results_path", BodyFields.NullableString(ResultsPath)),
                ("container_image", Json.Of(ContainerImage ?? "")),
                ("container_type", Json.Of(ContainerType.WireName())),
            ]));
}
