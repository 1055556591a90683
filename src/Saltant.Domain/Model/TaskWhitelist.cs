using LanguageExt;

namespace Saltant.Domain;

/// <summary>A task whitelist: the task types a queue that uses it may run.</summary>
/// <param name="Id">The whitelist's id.</param>
/// <param name="User">Its owner.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="Description">Its description (may be empty).</param>
/// <param name="WhitelistedContainerTaskTypes">The container task types it allows.</param>
/// <param name="WhitelistedExecutableTaskTypes">The executable task types it allows.</param>
public sealed record TaskWhitelist(
    TaskWhitelistId Id,
    Username User,
    string Name,
    string Description,
    Seq<TaskTypeId<Container>> WhitelistedContainerTaskTypes,
    Seq<TaskTypeId<Executable>> WhitelistedExecutableTaskTypes);
