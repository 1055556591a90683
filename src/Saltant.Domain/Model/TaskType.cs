using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// What container and executable task types share: a named command with its required arguments.
/// The id is not here: ids are numbered per kind, so it lives on <see cref="TaskType{TKind}"/>
/// where its type says which kind it numbers.
/// </summary>
/// <param name="User">Its owner.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="Description">Its description (may be empty).</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="CommandToRun">The command a worker runs.</param>
/// <param name="EnvironmentVariables">Names of host environment variables passed to the task.</param>
/// <param name="RequiredArguments">Names of the arguments every instance must have.</param>
/// <param name="RequiredArgumentsDefaultValues">Defaults filled in for required arguments an instance omits.</param>
public abstract record TaskType(
    Username User,
    string Name,
    string Description,
    DateTimeOffset DatetimeCreated,
    string CommandToRun,
    Seq<string> EnvironmentVariables,
    Seq<string> RequiredArguments,
    Json.JObject RequiredArgumentsDefaultValues)
{
    /// <summary>Which kind of task this type describes.</summary>
    public abstract TaskKind Kind { get; }
}

/// <summary>
/// A task type of one kind, with its id of that kind; the type that kind-generic code (and the
/// filters of a kind's task type list, <see cref="TaskTypeFilters{TKind}"/>) is written against.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <param name="Id">The type's id (numbered per kind).</param>
/// <param name="User">Its owner.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="Description">Its description (may be empty).</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="CommandToRun">The command a worker runs.</param>
/// <param name="EnvironmentVariables">Names of host environment variables passed to the task.</param>
/// <param name="RequiredArguments">Names of the arguments every instance must have.</param>
/// <param name="RequiredArgumentsDefaultValues">Defaults filled in for required arguments an instance omits.</param>
public abstract record TaskType<TKind>(
    TaskTypeId<TKind> Id,
    Username User,
    string Name,
    string Description,
    DateTimeOffset DatetimeCreated,
    string CommandToRun,
    Seq<string> EnvironmentVariables,
    Seq<string> RequiredArguments,
    Json.JObject RequiredArgumentsDefaultValues)
    : TaskType(User, Name, Description, DatetimeCreated, CommandToRun, EnvironmentVariables, RequiredArguments, RequiredArgumentsDefaultValues)
    where TKind : ITaskKind
{
    /// <inheritdoc />
    public sealed override TaskKind Kind => TKind.Kind;
}

/// <summary>A task type whose command runs in a Docker or Singularity container.</summary>
/// <param name="Id">The type's id.</param>
/// <param name="User">Its owner.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="Description">Its description.</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="CommandToRun">The command run in the container.</param>
/// <param name="EnvironmentVariables">Host environment variables passed in.</param>
/// <param name="RequiredArguments">Required argument names.</param>
/// <param name="RequiredArgumentsDefaultValues">Defaults for required arguments.</param>
/// <param name="LogsPath">Where in the container logs are written, if anywhere.</param>
/// <param name="ResultsPath">Where in the container results are written, if anywhere.</param>
/// <param name="ContainerImage">The image, e.g. <c>docker://busybox:latest</c>.</param>
/// <param name="ContainerType">Docker or Singularity.</param>
public sealed record ContainerTaskType(
    TaskTypeId<Container> Id,
    Username User,
    string Name,
    string Description,
    DateTimeOffset DatetimeCreated,
    string CommandToRun,
    Seq<string> EnvironmentVariables,
    Seq<string> RequiredArguments,
    Json.JObject RequiredArgumentsDefaultValues,
    string? LogsPath,
    string? ResultsPath,
    string ContainerImage,
    ContainerType ContainerType)
    : TaskType<Container>(Id, User, Name, Description, DatetimeCreated, CommandToRun, EnvironmentVariables, RequiredArguments, RequiredArgumentsDefaultValues);

/// <summary>A task type whose command runs directly on the worker host.</summary>
/// <param name="Id">The type's id.</param>
/// <param name="User">Its owner.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="Description">Its description.</param>
/// <param name="DatetimeCreated">When it was created.</param>
/// <param name="CommandToRun">The command run on the host.</param>
/// <param name="EnvironmentVariables">Host environment variables passed in.</param>
/// <param name="RequiredArguments">Required argument names.</param>
/// <param name="RequiredArgumentsDefaultValues">Defaults for required arguments.</param>
/// <param name="JsonFileOption">The option that passes the arguments as a JSON file path, or null to pass them inline.</param>
public sealed record ExecutableTaskType(
    TaskTypeId<Executable> Id,
    Username User,
    string Name,
    string Description,
    DateTimeOffset DatetimeCreated,
    string CommandToRun,
    Seq<string> EnvironmentVariables,
    Seq<string> RequiredArguments,
    Json.JObject RequiredArgumentsDefaultValues,
    string? JsonFileOption)
    : TaskType<Executable>(Id, User, Name, Description, DatetimeCreated, CommandToRun, EnvironmentVariables, RequiredArguments, RequiredArgumentsDefaultValues);
