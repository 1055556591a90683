using Saltant.Domain;

namespace Saltant.Client;

/// <summary>The full-field drafts that write a record in hand back with PUT.</summary>
internal static class Drafts
{
    internal static TaskQueueDraft Of(TaskQueue q) => new(q.Name)
    {
        Description = q.Description,
        Private = q.Private,
        RunsExecutableTasks = q.RunsExecutableTasks,
        RunsDockerContainerTasks = q.RunsDockerContainerTasks,
        RunsSingularityContainerTasks = q.RunsSingularityContainerTasks,
        Active = q.Active,
        Whitelists = q.Whitelists,
    };

    internal static TaskWhitelistDraft Of(TaskWhitelist w) => new(w.Name)
    {
        Description = w.Description,
        WhitelistedContainerTaskTypes = w.WhitelistedContainerTaskTypes,
        WhitelistedExecutableTaskTypes = w.WhitelistedExecutableTaskTypes,
    };

    internal static ContainerTaskTypeDraft Of(ContainerTaskType t) => new(t.Name, t.CommandToRun, t.ContainerImage, t.ContainerType)
    {
        Description = t.Description,
        EnvironmentVariables = t.EnvironmentVariables,
        RequiredArguments = t.RequiredArguments,
        RequiredArgumentsDefaultValues = t.RequiredArgumentsDefaultValues,
        LogsPath = LanguageExt.Prelude.Optional(t.LogsPath),
        ResultsPath = LanguageExt.Prelude.Optional(t.ResultsPath),
    };

    internal static ExecutableTaskTypeDraft Of(ExecutableTaskType t) => new(t.Name, t.CommandToRun)
    {
        Description = t.Description,
        EnvironmentVariables = t.EnvironmentVariables,
        RequiredArguments = t.RequiredArguments,
        RequiredArgumentsDefaultValues = t.RequiredArgumentsDefaultValues,
        JsonFileOption = LanguageExt.Prelude.Optional(t.JsonFileOption),
    };
}
