using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>
/// Wire shapes to domain records and back. Reading can fail only where the serializer cannot
/// check for us (a null inside a string array); the path of such a failure is built here.
/// </summary>
internal static class WireMapping
{
    internal static Either<DecodeFailure, User> ToDomain(UserWire w) =>
        new User(new Username(w.Username), w.Email);

    internal static UserWire ToWire(User u) => new() { Username = u.Username.Value, Email = u.Email };

    internal static Either<DecodeFailure, TaskQueue> ToDomain(TaskQueueWire w) =>
        new TaskQueue(
            new TaskQueueId(w.Id), new Username(w.User), w.Name, w.Description, w.Private,
            w.RunsExecutableTasks, w.RunsDockerContainerTasks, w.RunsSingularityContainerTasks, w.Active,
            toSeq(w.Whitelists.Select(id => new TaskWhitelistId(id)).ToArray()));

    internal static TaskQueueWire ToWire(TaskQueue q) => new()
    {
        Id = q.Id.Value,
        User = q.User.Value,
        Name = q.Name,
        Description = q.Description,
        Private = q.Private,
        RunsExecutableTasks = q.RunsExecutableTasks,
        RunsDockerContainerTasks = q.RunsDockerContainerTasks,
        RunsSingularityContainerTasks = q.RunsSingularityContainerTasks,
        Active = q.Active,
        Whitelists = q.Whitelists.Map(id => id.Value).ToArray(),
    };

    internal static Either<DecodeFailure, TaskWhitelist> ToDomain(TaskWhitelistWire w) =>
        new TaskWhitelist(
            new TaskWhitelistId(w.Id), new Username(w.User), w.Name, w.Description,
            TypeIds<Container>(w.WhitelistedContainerTaskTypes), TypeIds<Executable>(w.WhitelistedExecutableTaskTypes));

    internal static TaskWhitelistWire ToWire(TaskWhitelist l) => new()
    {
        Id = l.Id.Value,
        User = l.User.Value,
        Name = l.Name,
        Description = l.Description,
        WhitelistedContainerTaskTypes = l.WhitelistedContainerTaskTypes.Map(id => id.Value).ToArray(),
        WhitelistedExecutableTaskTypes = l.WhitelistedExecutableTaskTypes.Map(id => id.Value).ToArray(),
    };

    internal static Either<DecodeFailure, ExecutableTaskType> ToDomain(ExecutableTaskTypeWire w) =>
        SharedLists(w).Map(l => new ExecutableTaskType(
            new TaskTypeId<Executable>(w.Id), new Username(w.User), w.Name, w.Description, w.DatetimeCreated, w.CommandToRun,
            l.Environment, l.Required, w.RequiredArgumentsDefaultValues, w.JsonFileOption));

    internal static ExecutableTaskTypeWire ToWire(ExecutableTaskType t) => new()
    {
        Id = t.Id.Value,
        User = t.User.Value,
        Name = t.Name,
        Description = t.Description,
        DatetimeCreated = t.DatetimeCreated,
        CommandToRun = t.CommandToRun,
        EnvironmentVariables = t.EnvironmentVariables.ToArray(),
        RequiredArguments = t.RequiredArguments.ToArray(),
        RequiredArgumentsDefaultValues = t.RequiredArgumentsDefaultValues,
        JsonFileOption = t.JsonFileOption,
    };

    internal static Either<DecodeFailure, ContainerTaskType> ToDomain(ContainerTaskTypeWire w) =>
        SharedLists(w).Map(l => new ContainerTaskType(
            new TaskTypeId<Container>(w.Id), new Username(w.User), w.Name, w.Description, w.DatetimeCreated, w.CommandToRun,
            l.Environment, l.Required, w.RequiredArgumentsDefaultValues, w.LogsPath, w.ResultsPath, w.ContainerImage, w.ContainerType));

    internal static ContainerTaskTypeWire ToWire(ContainerTaskType t) => new()
    {
        Id = t.Id.Value,
        User = t.User.Value,
        Name = t.Name,
        Description = t.Description,
        DatetimeCreated = t.DatetimeCreated,
        CommandToRun = t.CommandToRun,
        EnvironmentVariables = t.EnvironmentVariables.ToArray(),
        RequiredArguments = t.RequiredArguments.ToArray(),
        RequiredArgumentsDefaultValues = t.RequiredArgumentsDefaultValues,
        LogsPath = t.LogsPath,
        ResultsPath = t.ResultsPath,
        ContainerImage = t.ContainerImage,
        ContainerType = t.ContainerType,
    };

    internal static ContainerTaskInstance Container(Guid uuid, string user, string name, string state, DateTimeOffset created, DateTimeOffset? finished, Json.JObject arguments, int queue, int type) =>
        new(new InstanceUuid(uuid), new Username(user), name, TaskState.Parse(state), created, finished, arguments, new TaskQueueId(queue), new TaskTypeId<Container>(type));

    internal static ExecutableTaskInstance Executable(Guid uuid, string user, string name, string state, DateTimeOffset created, DateTimeOffset? finished, Json.JObject arguments, int queue, int type) =>
        new(new InstanceUuid(uuid), new Username(user), name, TaskState.Parse(state), created, finished, arguments, new TaskQueueId(queue), new TaskTypeId<Executable>(type));

    internal static TaskInstanceWire ToWire<TKind>(TaskInstance<TKind> i)
        where TKind : ITaskKind => new()
    {
        Uuid = i.Uuid.Value,
        User = i.User.Value,
        Name = i.Name,
        State = i.State.WireName,
        DatetimeCreated = i.DatetimeCreated,
        DatetimeFinished = i.DatetimeFinished,
        Arguments = i.Arguments,
        TaskQueue = i.TaskQueue.Value,
        TaskType = i.TaskType.Value,
    };

    internal static Either<DecodeFailure, JwtPair> ToDomain(JwtPairWire w) => new JwtPair(new Secret(w.Access), new Secret(w.Refresh));

    internal static JwtPairWire ToWire(JwtPair p) => new() { Refresh = p.Refresh.Reveal(), Access = p.Access.Reveal() };

    internal static Either<DecodeFailure, JwtAccess> ToDomain(JwtAccessWire w) => new JwtAccess(new Secret(w.Access));

    internal static JwtAccessWire ToWire(JwtAccess a) => new() { Access = a.Access.Reveal() };

    internal static Either<DecodeFailure, InstanceStateUpdate> ToDomain(InstanceStateUpdateWire w) =>
        new InstanceStateUpdate(new InstanceUuid(w.Uuid), TaskState.Parse(w.State));

    internal static InstanceStateUpdateWire ToWire(InstanceStateUpdate u) => new() { Uuid = u.Uuid.Value, State = u.State.WireName };

    internal static Either<DecodeFailure, Map<string, Uri>> ToDomain(Dictionary<string, Uri> links)
    {
        var result = Map<string, Uri>();
        foreach (var (name, url) in links)
        {
            // The serializer does not refuse nulls inside a dictionary; a link must be a URL.
            if (url is null) return new DecodeFailure(JsonPath.Member("$", name), "expected an absolute URL, found null");
            result = result.AddOrUpdate(name, url);
        }

        return result;
    }

    // The two lists both kinds of task type hold, checked where the serializer does not check. Plain
    // code, not a LINQ query over Either: Native AOT compiles Either's SelectMany over Seq into a
    // method that always throws (it cannot load LanguageExt's TypeClass there).
    private static Either<DecodeFailure, (Seq<string> Environment, Seq<string> Required)> SharedLists(TaskTypeWire w) =>
        (NullIn(w.EnvironmentVariables, "$.environment_variables") ?? NullIn(w.RequiredArguments, "$.required_arguments")) is { } failure
            ? failure
            : (toSeq(w.EnvironmentVariables.ToArray()), toSeq(w.RequiredArguments.ToArray()));

    private static Seq<TaskTypeId<TKind>> TypeIds<TKind>(int[] ids)
        where TKind : ITaskKind =>
        toSeq(ids.Select(id => new TaskTypeId<TKind>(id)).ToArray());

    // The serializer refuses a null where a member is declared non-null, but not inside an array.
    private static DecodeFailure? NullIn(string[] items, string path)
    {
        var index = System.Array.IndexOf(items, null);
        return index < 0 ? null : new DecodeFailure($"{path}[{index}]", "expected a string, found null");
    }
}
