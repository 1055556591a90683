using LanguageExt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Faults;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>
/// The README's C# blocks, run against the emulator. <see cref="ReadmeSnippets"/> is generated from
/// README.md before every compile (build/MarkdownSnippets.targets), so what runs here is what the
/// README shows, character for character.
/// </summary>
public sealed class ReadmeSnippetTests
{
    // A hang guard only: every run here takes well under a second when nothing is wrong.
    private static CancellationTokenSource HangGuard() => new(TimeSpan.FromMinutes(2));

    private static string Url(SaltantEmulator emulator) => emulator.ApiUrl.ToString();

    private static string AlicesToken(SaltantEmulator emulator) => emulator.User("alice").Token;

    [Fact]
    public async Task The_pipeline_launches_a_greeting_waits_for_it_and_disposes_its_client()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var connections = new OpenConnections(emulator.ApiUrl.Port);
        using var guard = HangGuard();

        var result = await ReadmeSnippets.Pipeline(Url(emulator), AlicesToken(emulator), guard.Token);

        var done = Ok(result);
        Assert.Equal(TaskState.SuccessfulState, done.State);
        Assert.Equal(Json.Object(("greeting", Json.Of("hello")), ("times", Json.Of(1))), done.Arguments);
        Assert.Equal(1, emulator.Requests.Count("POST", "executabletaskinstances/"));
        Assert.True(connections.Seen, "the pipeline's connections were not seen");
        await Eventually(() => connections.Count == 0, "the pipeline's client to close its connections");
    }

    [Fact]
    public async Task A_pipeline_that_fails_midway_returns_the_error_and_still_disposes_its_client()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var guard = HangGuard();
        Ok(await ReadmeSnippets.Pipeline(Url(emulator), AlicesToken(emulator), guard.Token));
        using var connections = new OpenConnections(emulator.ApiUrl.Port);

        // Run again: the task type "greet" exists now, so the server refuses the first create.
        var again = await ReadmeSnippets.Pipeline(Url(emulator), AlicesToken(emulator), guard.Token);

        var refused = Fails<ValidationFailed, ExecutableTaskInstance>(again);
        Assert.Contains(refused.FieldErrors, field => field.Field == "name" && field.Messages.Exists(m => m.Contains("already exists")));
        Assert.Equal(1, emulator.Requests.Count("POST", "executabletaskinstances/"));
        Assert.True(connections.Seen, "the second pipeline's connections were not seen");
        await Eventually(() => connections.Count == 0, "the failed pipeline's client to close its connections");
    }

    [Fact]
    public async Task Bad_settings_are_the_pipelines_failure_not_an_exception()
    {
        using var guard = HangGuard();

        var result = await ReadmeSnippets.Pipeline("saltant.example.org/api/", "  ", guard.Token);

        var error = Fails<ConfigError, ExecutableTaskInstance>(result);
        Assert.Equal(["ApiRoot", "Authentication.Key"], error.Problems.Map(p => p.Setting).ToArray());
    }

    [Fact]
    public async Task A_token_the_server_refuses_fails_the_pipeline_at_connect_and_leaves_no_connection()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var connections = new OpenConnections(emulator.ApiUrl.Port);
        using var guard = HangGuard();

        var result = await ReadmeSnippets.Pipeline(Url(emulator), "0123456789abcdef0123456789abcdef01234567", guard.Token);

        Fails<AuthenticationFailed, ExecutableTaskInstance>(result);
        Assert.Equal(0, emulator.Requests.Count("POST", "executabletasktypes/"));
        await Eventually(() => connections.Count == 0, "the refused client to close its connections");
    }

    [Fact]
    public async Task The_task_form_reads_the_queue_the_pipeline_made_from_the_same_settings_value()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var guard = HangGuard();
        Ok(await ReadmeSnippets.Pipeline(Url(emulator), AlicesToken(emulator), guard.Token));
        using var connections = new OpenConnections(emulator.ApiUrl.Port);

        var line = await ReadmeSnippets.TaskForm(Settings.Create(Url(emulator), Authentication.Token(AlicesToken(emulator))), guard.Token);

        Assert.Equal("greetings is active", line);
        Assert.True(connections.Seen, "the task form's connections were not seen");
        await Eventually(() => connections.Count == 0, "the task form's client to close its connections");
    }

    [Fact]
    public async Task The_task_form_says_in_one_sentence_that_the_queue_is_missing_or_the_settings_are_bad()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var guard = HangGuard();
        var good = Settings.Create(Url(emulator), Authentication.Token(AlicesToken(emulator)));
        var bad = Settings.Create("ftp://saltant.example.org/api/", Authentication.Token(AlicesToken(emulator)));

        var missing = await ReadmeSnippets.TaskForm(good, guard.Token);
        var invalid = await ReadmeSnippets.TaskForm(bad, guard.Token);

        using (var client = SaltantClient.Create(Ok(good)))
        {
            Assert.Equal(Fails<NameNotFound, TaskQueue>(await client.TaskQueues.GetByNameAsync("greetings", guard.Token)).Message, missing);
        }

        Assert.Contains("greetings", missing);
        Assert.Equal(bad.Match(Right: _ => "", Left: problems => problems.Message), invalid);
        Assert.Contains("ApiRoot", invalid);
        Assert.DoesNotContain(AlicesToken(emulator), invalid);
    }

    [Fact]
    public async Task The_stream_collects_exactly_the_failed_instances()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var client = SaltantClient.Create(Harness.SettingsFor(emulator, pageSize: 2));
        using var guard = HangGuard();
        var failing = await LaunchedAndFinished(client, ["false", "true", "false", "true", "false"], guard.Token);

        var failed = await ReadmeSnippets.FailedInstances(client);

        Assert.Equal(
            failing.Filter(i => i.State == TaskState.FailedState).Map(i => i.Uuid).OrderBy(u => u.ToString()),
            failed.Select(i => i.Uuid).OrderBy(u => u.ToString()));
        Assert.Equal(3, failed.Count);
        Assert.All(failed, i => Assert.Equal(TaskState.FailedState, i.State));
    }

    [Fact]
    public async Task A_stream_that_fails_ends_the_loop_with_the_error_instead_of_throwing()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var client = SaltantClient.Create(Harness.SettingsFor(emulator, maxRetries: 0));
        using var guard = HangGuard();
        await LaunchedAndFinished(client, ["false"], guard.Token);
        emulator.Faults.Add(Fault.GatewayError(503), pathPrefix: "executabletaskinstances/", method: "GET");

        var failed = await ReadmeSnippets.FailedInstances(client);

        Assert.Empty(failed); // the failed instance is there, but the only page answered 503
        Assert.Equal(1, emulator.Requests.Count("GET", "executabletaskinstances/"));
    }

    [Fact]
    public async Task The_emulator_example_runs_the_readme_pipeline_past_two_503s()
    {
        using var guard = HangGuard();

        // The block's own assertions run inside it; here, what it hands back.
        var result = await ReadmeSnippets.EmulatorTest(ReadmeSnippets.Pipeline, guard.Token);

        Assert.Equal(TaskState.SuccessfulState, Ok(result).State);
    }

    [Fact]
    public async Task The_dependency_injection_example_registers_a_client_bound_to_the_configuration()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var guard = HangGuard();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([
            new("Saltant:ApiUrl", Url(emulator)),
            new("Saltant:AuthToken", AlicesToken(emulator)),
            new("Saltant:BatchConcurrency", "3"),
        ]);

        await ReadmeSnippets.DependencyInjection(builder);
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<SaltantClient>();
        Assert.Equal(3, client.Settings.BatchConcurrency);
        Ok(await client.TestAuthenticationAsync(guard.Token));
        Assert.Equal(1, emulator.Requests.Count("GET", "users/"));
    }

    // One executable task type per command, whitelisted on one queue; one instance of each, waited for.
    private static async Task<Seq<ExecutableTaskInstance>> LaunchedAndFinished(SaltantClient client, string[] commands, CancellationToken cancellationToken)
    {
        var types = new List<ExecutableTaskType>();
        foreach (var command in commands.Distinct())
        {
            types.Add(Ok(await client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft("run-" + command, command), cancellationToken)));
        }

        var whitelist = Ok(await client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft("runs") { WhitelistedExecutableTaskTypes = types.Select(t => t.Id).ToSeq() }, cancellationToken));
        var queue = Ok(await client.TaskQueues.CreateAsync(new TaskQueueDraft("runs") { Whitelists = Seq1(whitelist.Id) }, cancellationToken));
        var launched = new List<InstanceUuid>();
        foreach (var command in commands)
        {
            var type = types.Single(t => t.CommandToRun == command);
            launched.Add(Ok(await client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id), cancellationToken)).Uuid);
        }

        return Ok(await client.ExecutableTaskInstances.WaitManyAsync(launched.ToSeq(), cancellationToken: cancellationToken));
    }
}
