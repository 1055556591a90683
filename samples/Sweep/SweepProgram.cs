using System.Collections.Concurrent;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Client;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Worker;
using static LanguageExt.Prelude;

namespace Saltant.SweepSample;

/// <summary>Starts the emulator, runs the sweep twice (the first cut short), and prints what each run did.</summary>
internal static class SweepProgram
{
    private const string SweepName = "thumbnails";

    internal static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { TimeScale = 0.05, WorkerPollInterval = TimeSpan.FromMilliseconds(10) }, cancellationToken);
        emulator.Worker.OutcomePolicy = FlakyEveryTenth();
        var settings = Settings.Create(emulator.ApiUrl.ToString(), Authentication.Token(emulator.User("alice").Token), waitRefreshPeriod: TimeSpan.FromMilliseconds(200));
        var sets = toSeq(Enumerable.Range(1, 40)).Map(i => new SweepItem($"image-{i:D3}", Json.Object(("width", Json.Of((long)(100 + i)))))).Strict();

        using var cutShort = new CancellationTokenSource();
        var launched = 0;
        var crashAfter15 = new Reporter(change =>
        {
            if (change.Step == SweepStep.Created && Interlocked.Increment(ref launched) == 15)
            {
                cutShort.Cancel();
            }
        });

        var steps = new ConcurrentDictionary<SweepStep, int>();
        var counted = new Reporter(change => steps.AddOrUpdate(change.Step, 1, (_, n) => n + 1));

        var pipeline =
            from valid in settings.ToAff(problems => problems)
            from report in use(SaltantClient.Connect(valid), client =>
                from setup in Setup(client)
                from first in Attempt(client.ExecutableTaskInstances.Sweep(setup.Type, setup.Queue, SweepName, sets, progress: crashAfter15), cutShort.Token)
                from second in client.ExecutableTaskInstances.Sweep(setup.Type, setup.Queue, SweepName, sets, new SweepOptions { RetryFailed = 1 }, counted)
                select Report.Render(first, second, steps))
            select report;

        var outcome = await pipeline.RunAsync(cancellationToken);
        await output.WriteAsync(outcome.Match(Succ: text => text, Fail: error => $"The sweep sample failed: {error.Message}\n"));
        return outcome.IsSucc ? 0 : 1;
    }

    /// <summary>A task type with one required argument, whitelisted on a queue of its own.</summary>
    private static Aff<SaltantRuntime, (TaskTypeId<Executable> Type, TaskQueueId Queue)> Setup(SaltantClient client) =>
        from type in client.ExecutableTaskTypes.Create(new ExecutableTaskTypeDraft("thumbnail", "sleep 2") { RequiredArguments = Seq1("width") })
        from whitelist in client.TaskWhitelists.Create(new TaskWhitelistDraft("thumbnailers") { WhitelistedExecutableTaskTypes = Seq1(type.Id) })
        from queue in client.TaskQueues.Create(new TaskQueueDraft("thumbnails") { Whitelists = Seq1(whitelist.Id) })
        select (type.Id, queue.Id);

    /// <summary>Runs an effect that a token can cut short, keeping how it ended (the cut is expected here).</summary>
    private static Aff<SaltantRuntime, Fin<T>> Attempt<T>(Aff<SaltantRuntime, T> effect, CancellationToken cut) =>
        Aff(async () => await effect.RunAsync(cut));

    /// <summary>Every tenth set fails its first run, as flaky inputs do; its re-run succeeds.</summary>
    private static Func<TaskRun, TaskOutcome> FlakyEveryTenth()
    {
        var runs = new ConcurrentDictionary<string, int>();
        return run =>
        {
            var width = run.Arguments["width"]?.ToJsonString() ?? "";
            var first = runs.AddOrUpdate(width, 1, (_, n) => n + 1) == 1;
            return new TaskOutcome(!(first && width.EndsWith('0')), TimeSpan.FromSeconds(2));
        };
    }

    private sealed class Reporter(Action<SweepProgress<ExecutableTaskInstance>> report) : IProgress<SweepProgress<ExecutableTaskInstance>>
    {
        public void Report(SweepProgress<ExecutableTaskInstance> value) => report(value);
    }
}
