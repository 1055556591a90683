using LanguageExt;

namespace Saltant.Domain;

/// <summary>The fields of a task whitelist to change; only those set (<c>Some</c>) are sent.</summary>
public sealed record TaskWhitelistPatch
{
    /// <summary>A new name.</summary>
    public Option<string> Name { get; init; }

    /// <summary>A new description.</summary>
    public Option<string> Description { get; init; }

    /// <summary>The container task types it allows, replacing the current ones.</summary>
    public Option<Seq<TaskTypeId<Container>>> WhitelistedContainerTaskTypes { get; init; }

    /// <summary>The executable task types it allows, replacing the current ones.</summary>
    public Option<Seq<TaskTypeId<Executable>>> WhitelistedExecutableTaskTypes { get; init; }

    /// <summary>The JSON body: the fields set, and nothing else.</summary>
    public Json.JObject ToJson() => BodyFields.Present(
        BodyFields.When("name", Name, s => Json.Of(s ?? "")),
        BodyFields.When("description", Description, s => Json.Of(s ?? "")),
        BodyFields.When("whitelisted_container_task_types", WhitelistedContainerTaskTypes, ids => BodyFields.Ids(ids, id => id.Value)),
        BodyFields.When("whitelisted_executable_task_types", WhitelistedExecutableTaskTypes, ids => BodyFields.Ids(ids, id => id.Value)));
}
