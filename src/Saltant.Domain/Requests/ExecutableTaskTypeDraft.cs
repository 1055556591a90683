using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// Every writable field of an executable task type: the body of a create, or of a PUT (the
/// server has no PATCH for task types, so a change sends them all).
/// </summary>
/// <param name="Name">The unique name.</param>
/// <param name="CommandToRun">The command run on the worker host.</param>
public sealed record ExecutableTaskTypeDraft(string Name, string CommandToRun) : ITaskTypeDraft<Executable>
{
    /// <summary>The description; empty by default.</summary>
    public string Description { get; init; } = "";

    /// <summary>Host environment variables passed to the task; none by default.</summary>
    public Seq<string> EnvironmentVariables { get; init; } = Seq<string>.Empty;

    /// <summary>Names of the arguments every instance needs; none by default.</summary>
    public Seq<string> RequiredArguments { get; init; } = Seq<string>.Empty;

    /// <summary>Defaults for required arguments; empty by default.</summary>
    public Json.JObject RequiredArgumentsDefaultValues { get; init; } = Json.EmptyObject;

    /// <summary>The option that passes the arguments as a JSON file; none (<c>null</c>, inline arguments) by default.</summary>
    public Option<string> JsonFileOption { get; init; }

    /// <summary>The JSON body: every field, an absent option as <c>null</c>.</summary>
    public Json.JObject ToJson() => new(
        BodyFields.TaskTypeCommon(Name, Description, CommandToRun, EnvironmentVariables, RequiredArguments, RequiredArgumentsDefaultValues)
            .Concat(
            [
                ("json_file_option", BodyFields.NullableString(JsonFileOption)),
            ]));
}
