using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Worker;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>The README's C# examples, compiled and run against the emulator, so the README cannot drift from the API.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_pipeline_runs_as_written()
    {
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerPollInterval = TimeSpan.FromMilliseconds(5) });
        var token = emulator.User("alice").Token;
        var cancellationToken = CancellationToken.None;

        // --- as in the README ---
        var settings = Settings.Create(emulator.ApiUrl.ToString(), Authentication.Token(token), waitRefreshPeriod: TimeSpan.FromMilliseconds(50));

        var pipeline =
            from client in SaltantClient.Connect((Settings)settings)
            from type in client.ExecutableTaskTypes.Create(new ExecutableTaskTypeDraft("greet", "echo")
            {
                RequiredArguments = Seq("greeting", "times"),
                RequiredArgumentsDefaultValues = Json.Object(("times", Json.Of(1))),
            })
            from whitelist in client.TaskWhitelists.Create(new TaskWhitelistDraft("greeters") { WhitelistedExecutableTaskTypes = Seq1(type.Id) })
            from queue in client.TaskQueues.Create(new TaskQueueDraft("greetings") { Whitelists = Seq1(whitelist.Id) })
            from instance in client.ExecutableTaskInstances.Create(TaskInstanceDraft.For(type.Id, queue.Id) with
            {
                Arguments = Json.Object(("greeting", Json.Of("hello"))),
            })
            from finished in client.ExecutableTaskInstances.Wait(instance)
            select finished;

        Fin<ExecutableTaskInstance> result = await pipeline.RunAsync(cancellationToken);
        // --- end ---

        var done = Ok(result);
        Assert.Equal(TaskState.SuccessfulState, done.State);
        Assert.Equal(Json.Object(("greeting", Json.Of("hello")), ("times", Json.Of(1))), done.Arguments);

        // The Task form and the stream, as in the README.
        using var plain = SaltantClient.Create((Settings)settings);
        Fin<TaskQueue> found = await plain.TaskQueues.GetByNameAsync("greetings", cancellationToken);
        var line = found.Match(Succ: q => $"{q.Name} is {(q.Active ? "active" : "inactive")}", Fail: e => e.Message);
        Assert.Equal("greetings is active", line);

        var failed = new List<ExecutableTaskInstance>();
        await foreach (var item in plain.ExecutableTaskInstances.Stream(Seq1(TaskInstanceFilters<Executable>.State.Is(TaskState.FailedState))))
        {
            if (item.IsFail) { Assert.Fail(((Error)item).Message); break; }
            failed.Add((ExecutableTaskInstance)item);
        }

        Assert.Empty(failed);
    }

    [Fact]
    public async Task The_readme_emulator_snippet_runs_as_written()
    {
        // --- as in the README ---
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual });
        var settings = Settings.Create(emulator.ApiUrl.ToString(), Authentication.Token(emulator.User("alice").Token));
        // … run your code against it …
        using var client = SaltantClient.Create((Settings)settings);
        var type = Ok(await client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft("t", "true")));
        var whitelist = Ok(await client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft("w") { WhitelistedExecutableTaskTypes = Seq1(type.Id) }));
        var queue = Ok(await client.TaskQueues.CreateAsync(new TaskQueueDraft("q") { Whitelists = Seq1(whitelist.Id) }));
        var instance = Ok(await client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        await emulator.Worker.RunUntilIdleAsync();           // instances move on to successful or failed
        emulator.Faults.Next(2, Emulator.Faults.Fault.GatewayError(503));    // the next two requests get a 503
        Assert.Equal(1, emulator.Requests.Count("POST", "executabletaskinstances/"));
        // --- end ---

        Assert.Equal(TaskState.SuccessfulState, Ok(await client.ExecutableTaskInstances.GetAsync(instance.Uuid)).State); // retried past both 503s
    }
}
