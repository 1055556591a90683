using LanguageExt;

namespace Saltant.Domain;

/// <summary>Every writable field of a task whitelist: the body of a create, or of a PUT.</summary>
/// <param name="Name">The unique name.</param>
public sealed record TaskWhitelistDraft(string Name)
{
    /// <summary>The description; empty by default.</summary>
    public string Description { get; init; } = "";

    /// <summary>The container task types it allows; none by default.</summary>
    public Seq<TaskTypeId<Container>> WhitelistedContainerTaskTypes { get; init; } = Seq<TaskTypeId<Container>>.Empty;

    /// <summary>The executable task types it allows; none by default.</summary>
    public Seq<TaskTypeId<Executable>> WhitelistedExecutableTaskTypes { get; init; } = Seq<TaskTypeId<Executable>>.Empty;

    /// <summary>The JSON body: every field.</summary>
    public Json.JObject ToJson() => Json.Object(
        ("name", Json.Of(Name ?? "")),
        ("description", Json.Of(Description ?? "")),
        ("whitelisted_container_task_types", BodyFields.Ids(WhitelistedContainerTaskTypes, id => id.Value)),
        ("whitelisted_executable_task_types", BodyFields.Ids(WhitelistedExecutableTaskTypes, id => id.Value)));
}
