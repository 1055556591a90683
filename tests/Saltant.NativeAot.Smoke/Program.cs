using LanguageExt;
using LanguageExt.Common;
using Saltant.Client;
using Saltant.Domain;
using static LanguageExt.Prelude;

// Arguments: the API root and a user's token. Each step prints "name: what it saw"; a step whose
// call fails prints the error's type and message. Exit 0 when every step ran.
if (args.Length != 2)
{
    await Console.Error.WriteLineAsync("usage: Saltant.NativeAot.Smoke API_ROOT TOKEN");
    return 2;
}

var configured = Settings.FromEnvironment(new Dictionary<string, string?>
{
    ["SALTANT_API_URL"] = args[0],
    ["SALTANT_AUTH_TOKEN"] = args[1],
});
var misconfigured = Settings.FromEnvironment(new Dictionary<string, string?> { ["SALTANT_API_URL"] = "not a url", ["SALTANT_PAGE_SIZE"] = "0" });
Console.WriteLine("settings refused: " + misconfigured.Match(Right: _ => "no", Left: e => e.Message));
if (configured.IsLeft)
{
    Console.WriteLine("settings: " + configured.Match(Right: _ => "", Left: e => e.Message));
    return 1;
}

using var client = SaltantClient.Create(configured.Match(Right: s => s, Left: _ => throw new InvalidOperationException()));
string Show<T>(Fin<T> result, Func<T, string> show) => result.Match(Succ: show, Fail: (Error e) => $"{e.GetType().Name}: {e.Message}");

var type = await client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft("smoke", "echo $x")
{
    EnvironmentVariables = Seq1("HOME"),
    RequiredArguments = Seq("x", "y"),
    RequiredArgumentsDefaultValues = Json.Object(("x", Json.Of(1L)), ("y", Json.Of("two"))),
});
Console.WriteLine("type created: " + Show(type, t => $"{t.Name} [{string.Join(",", t.RequiredArguments)}] env [{string.Join(",", t.EnvironmentVariables)}]"));
Console.WriteLine("types listed: " + Show(await client.ExecutableTaskTypes.ListAsync(), all => string.Join(",", all.Map(t => t.Name))));
if (type.IsFail)
{
    return 1;
}

var typeId = type.Match(t => t.Id, _ => default);
var whitelist = await client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft("smoke") { WhitelistedExecutableTaskTypes = Seq1(typeId) });
var queue = whitelist.IsSucc
    ? await client.TaskQueues.CreateAsync(new TaskQueueDraft("smoke") { Whitelists = Seq1(whitelist.Match(w => w.Id, _ => default)) })
    : Fin<TaskQueue>.Fail(whitelist.Match(_ => Error.New("unreachable"), e => e));
Console.WriteLine("queue created: " + Show(queue, q => $"{q.Name} active={q.Active}"));
if (queue.IsFail)
{
    return 1;
}

var queueId = queue.Match(q => q.Id, _ => default);
var launched = await client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, 150).Select(i => TaskInstanceDraft.For(typeId, queueId) with { Name = $"smoke-{i:000}" }));
Console.WriteLine("instances launched: " + Show(launched, all => $"{all.Count(r => r.IsSucc)} of {all.Count}"));
Console.WriteLine("instances listed: " + Show(await client.ExecutableTaskInstances.ListAsync(), all => $"{all.Count}, {all.Map(i => i.Name).Distinct().Count()} distinct, newest first {all.Map(i => i.DatetimeCreated).Zip(all.Map(i => i.DatetimeCreated).Skip(1)).ForAll(p => p.Item1 >= p.Item2)}"));
var streamed = 0;
var unfinished = TaskInstanceFilters<Executable>.State.In(TaskState.CreatedState, TaskState.PublishedState, TaskState.RunningState);
await foreach (var item in client.ExecutableTaskInstances.Stream(Seq1(unfinished)))
{
    streamed += item.IsSucc ? 1 : 0;
}

Console.WriteLine($"instances streamed (unfinished): {streamed}");
Console.WriteLine("missing instance: " + Show(await client.ExecutableTaskInstances.GetAsync(new InstanceUuid(Guid.Empty)), i => i.Name));
Console.WriteLine("rejected queue: " + Show(await client.TaskQueues.CreateAsync(new TaskQueueDraft("smoke")), q => q.Name));
return 0;
