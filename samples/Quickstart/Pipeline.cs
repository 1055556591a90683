using LanguageExt;
using LanguageExt.Common;
using Saltant.Client;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Quickstart;

/// <summary>
/// The pipeline a new user sees: task types, a whitelist, a queue, a handful of instances (one
/// fails on purpose), a live progress display while they run, and a table of how they ended
/// (on a terminal, the live table is that table: only the count follows it).
/// </summary>
internal sealed class Pipeline(SaltantClient client, TextWriter output, TimeProvider clock, Spectre.Console.IAnsiConsole? live = null)
{
    /// <summary>Names the quickstart's records uniquely, so it can run many times on one server.</summary>
    private readonly string suffix = Guid.NewGuid().ToString("N")[..6];

    internal async Task<Fin<Unit>> RunAsync(CancellationToken cancellationToken)
    {
        var setup = await Setup().RunAsync(cancellationToken);
        if (setup.IsFail)
        {
            return (Error)setup;
        }

        var (greet, slow, fail, queue) = ((ExecutableTaskType, ExecutableTaskType, ExecutableTaskType, TaskQueue))setup;
        await output.WriteLineAsync($"Created task types {greet.Name} (required arguments: {string.Join(", ", greet.RequiredArguments)}; default {greet.RequiredArgumentsDefaultValues}), {slow.Name} and {fail.Name}, and queue {queue.Name}.");

        var drafts = Seq(
            Draft(greet, queue, "greet-world", Json.Object(("greeting", Json.Of("hello, world")))),
            Draft(greet, queue, "greet-thrice", Json.Object(("greeting", Json.Of("hi")), ("times", Json.Of(3)))),
            Draft(greet, queue, "greet-saltant", Json.Object(("greeting", Json.Of("hello, saltant")))),
            Draft(slow, queue, "slow-sleeper", Json.EmptyObject),
            Draft(fail, queue, "doomed-to-fail", Json.EmptyObject));
        var launched = await client.ExecutableTaskInstances.CreateManyAsync(drafts, cancellationToken);
        if (launched.IsFail)
        {
            return (Error)launched;
        }

        var results = (Seq<Fin<ExecutableTaskInstance>>)launched;
        if (results.Find(r => r.IsFail).Case is Fin<ExecutableTaskInstance> failed)
        {
            return (Error)failed;
        }

        var instances = results.Map(r => (ExecutableTaskInstance)r);
        await output.WriteLineAsync($"Launched {instances.Count} instances; the arguments of {instances[0].Name} became {instances[0].Arguments} (the default filled in).");

        var finished = await WatchAsync(instances, cancellationToken);
        if (finished.IsFail)
        {
            return (Error)finished;
        }

        // The live table stays on screen with every final state; printing them again would repeat it.
        var ended = (Seq<ExecutableTaskInstance>)finished;
        if (live is null)
        {
            await output.WriteLineAsync();
            await output.WriteAsync(ResultTable.Render(ended));
        }
        else
        {
            await output.WriteLineAsync(ResultTable.Summary(ended));
        }
        return unit;
    }

    /// <summary>The setup as one composed effect: each step runs only if the one before succeeded.</summary>
    private Aff<SaltantRuntime, (ExecutableTaskType Greet, ExecutableTaskType Slow, ExecutableTaskType Fail, TaskQueue Queue)> Setup() =>
        from greet in client.ExecutableTaskTypes.Create(new ExecutableTaskTypeDraft($"quickstart-greet-{suffix}", "echo")
        {
            Description = "Echoes a greeting some number of times.",
            RequiredArguments = Seq("greeting", "times"),
            RequiredArgumentsDefaultValues = Json.Object(("times", Json.Of(1))),
        })
        from slow in client.ExecutableTaskTypes.Create(new ExecutableTaskTypeDraft($"quickstart-slow-{suffix}", "sleep 4"))
        from fail in client.ExecutableTaskTypes.Create(new ExecutableTaskTypeDraft($"quickstart-fail-{suffix}", "false"))
        from whitelist in client.TaskWhitelists.Create(new TaskWhitelistDraft($"quickstart-{suffix}")
        {
            WhitelistedExecutableTaskTypes = Seq(greet.Id, slow.Id, fail.Id),
        })
        from queue in client.TaskQueues.Create(new TaskQueueDraft($"quickstart-{suffix}")
        {
            Description = "The quickstart's queue.",
            Whitelists = Seq1(whitelist.Id),
        })
        select (greet, slow, fail, queue);

    private static TaskInstanceDraft<Executable> Draft(ExecutableTaskType type, TaskQueue queue, string name, Json.JObject arguments) =>
        new(type.Id, queue.Id) { Name = name, Arguments = arguments };

    /// <summary>Shows each state change as it is seen (a live table on a terminal, else lines), then returns the instances as they ended.</summary>
    private Task<Fin<Seq<ExecutableTaskInstance>>> WatchAsync(Seq<ExecutableTaskInstance> instances, CancellationToken cancellationToken) =>
        live is null ? WatchAsLinesAsync(instances, cancellationToken) : LiveTable.WatchAsync(live, client, instances, cancellationToken);

    private async Task<Fin<Seq<ExecutableTaskInstance>>> WatchAsLinesAsync(Seq<ExecutableTaskInstance> instances, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var last = new Dictionary<InstanceUuid, ExecutableTaskInstance>();
        var options = client.ExecutableTaskInstances.DefaultWait with { Timeout = TimeSpan.FromMinutes(5) };
        await foreach (var change in client.ExecutableTaskInstances.Watch(instances.Map(i => i.Uuid), options, cancellationToken))
        {
            if (change.IsFail)
            {
                return (Error)change;
            }

            var progress = (InstanceProgress<ExecutableTaskInstance>)change;
            last[progress.Instance.Uuid] = progress.Instance;
            var from = progress.Previous.Match(p => $"{p} -> ", () => "");
            var done = last.Values.Count(i => i.State.IsFinished);
            await output.WriteLineAsync(
                $"[{clock.GetElapsedTime(started).TotalSeconds,5:0.0} s] {progress.Instance.Name,-15} {from}{progress.Instance.State,-12} ({done}/{instances.Count} finished)");
        }

        return instances.Map(i => last[i.Uuid]);
    }
}
