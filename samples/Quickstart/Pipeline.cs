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

    /// <summary>The whole pipeline as one effect: each step runs only if the one before succeeded.</summary>
    internal Aff<SaltantRuntime, Unit> Run() =>
        from setup in Setup()
        from _1 in Say($"Created task types {setup.Greet.Name} (required arguments: {string.Join(", ", setup.Greet.RequiredArguments)}; default {setup.Greet.RequiredArgumentsDefaultValues}), {setup.Slow.Name} and {setup.Fail.Name}, and queue {setup.Queue.Name}.")
        from launched in client.ExecutableTaskInstances.CreateMany(Seq(
            Draft(setup.Greet, setup.Queue, "greet-world", Json.Object(("greeting", Json.Of("hello, world")))),
            Draft(setup.Greet, setup.Queue, "greet-thrice", Json.Object(("greeting", Json.Of("hi")), ("times", Json.Of(3)))),
            Draft(setup.Greet, setup.Queue, "greet-saltant", Json.Object(("greeting", Json.Of("hello, saltant")))),
            Draft(setup.Slow, setup.Queue, "slow-sleeper", Json.EmptyObject),
            Draft(setup.Fail, setup.Queue, "doomed-to-fail", Json.EmptyObject)))
        from instances in launched.Sequence().ToAff()  // the first refused launch, if any, ends the pipeline
        from _2 in Say($"Launched {instances.Count} instances; the arguments of {instances[0].Name} became {instances[0].Arguments} (the default filled in).")
        from ended in Watch(instances)
        // The live table stays on screen with every final state; printing them again would repeat it.
        from _3 in Say(live is null ? Environment.NewLine + ResultTable.Render(ended).TrimEnd('\n') : ResultTable.Summary(ended))
        select unit;

    private Aff<SaltantRuntime, Unit> Say(string line) =>
        Aff(async () =>
        {
            await output.WriteLineAsync(line);
            return unit;
        });

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

    /// <summary>Shows each state change as it is seen (a live table on a terminal, else lines), then gives the instances as they ended.</summary>
    private Aff<SaltantRuntime, Seq<ExecutableTaskInstance>> Watch(Seq<ExecutableTaskInstance> instances) =>
        AffMaybe<SaltantRuntime, Seq<ExecutableTaskInstance>>(async rt => live is null
            ? await WatchAsLinesAsync(instances, rt.CancellationToken)
            : await LiveTable.WatchAsync(live, client, instances, rt.CancellationToken));

    private async Task<Fin<Seq<ExecutableTaskInstance>>> WatchAsLinesAsync(Seq<ExecutableTaskInstance> instances, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var last = instances.ToDictionary(i => i.Uuid);
        var options = client.ExecutableTaskInstances.DefaultWait with { Timeout = TimeSpan.FromMinutes(5) };
        await foreach (var change in client.ExecutableTaskInstances.Watch(instances.Map(i => i.Uuid), options, cancellationToken))
        {
            if (change.Case is Error error)
            {
                return error;
            }

            await change.Match(
                Succ: async progress =>
                {
                    last[progress.Instance.Uuid] = progress.Instance;
                    var from = progress.Previous.Match(p => $"{p} -> ", () => "");
                    var done = last.Values.Count(i => i.State.IsFinished);
                    await output.WriteLineAsync(
                        $"[{clock.GetElapsedTime(started).TotalSeconds,5:0.0} s] {progress.Instance.Name,-15} {from}{progress.Instance.State,-12} ({done}/{instances.Count} finished)");
                },
                Fail: _ => Task.CompletedTask);
        }

        return instances.Map(i => last[i.Uuid]);
    }
}
