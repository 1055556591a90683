using Saltant.Emulator.Worker;
using Xunit;
using static Saltant.Emulator.Tests.TestSupport;

namespace Saltant.Emulator.Tests;

public sealed class WorkerTests
{
    private static Task<SaltantEmulator> StartManualAsync(ManualClock clock, Func<TaskRun, TaskOutcome>? policy = null)
    {
        var options = new SaltantEmulatorOptions { Clock = clock, WorkerMode = WorkerMode.Manual };
        if (policy is not null) options.OutcomePolicy = policy;
        return SaltantEmulator.StartAsync(options);
    }

    [Fact]
    public async Task A_created_instance_is_published_then_runs_to_success_with_a_finish_time()
    {
        var clock = new ManualClock();
        await using var emulator = await StartManualAsync(clock);
        using var alice = ClientFor(emulator, "alice");
        var (type, queue) = await SetUpExecutableAsync(alice, "true");
        var uuid = await CreateInstanceAsync(alice, type, queue);

        var before = await GetInstanceAsync(alice, uuid);
        Assert.Equal("published", before["state"]!.GetValue<string>());
        Assert.Null(before["datetime_finished"]);

        clock.Advance(TimeSpan.FromSeconds(1));
        await emulator.Worker.StepAsync();
        var after = await GetInstanceAsync(alice, uuid);
        Assert.Equal("successful", after["state"]!.GetValue<string>());
        Assert.NotNull(after["datetime_finished"]);
    }

    [Fact]
    public async Task False_and_nonzero_exit_fail()
    {
        var clock = new ManualClock();
        await using var emulator = await StartManualAsync(clock);
        using var alice = ClientFor(emulator, "alice");
        var (falseType, q1) = await SetUpExecutableAsync(alice, "false", "f");
        var (exitType, q2) = await SetUpExecutableAsync(alice, "sh -c 'exit 3'", "e");
        var a = await CreateInstanceAsync(alice, falseType, q1);
        var b = await CreateInstanceAsync(alice, exitType, q2);
        await emulator.Worker.RunUntilIdleAsync();
        Assert.Equal("failed", (await GetInstanceAsync(alice, a))["state"]!.GetValue<string>());
        Assert.Equal("failed", (await GetInstanceAsync(alice, b))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sleep_takes_scaled_clock_time_and_terminate_ends_it_without_a_finish_time()
    {
        var clock = new ManualClock();
        await using var emulator = await StartManualAsync(clock);
        using var alice = ClientFor(emulator, "alice");
        var (type, queue) = await SetUpExecutableAsync(alice, "sleep 30");
        var finishing = await CreateInstanceAsync(alice, type, queue);
        var terminated = await CreateInstanceAsync(alice, type, queue);

        await emulator.Worker.StepAsync();
        clock.Advance(TimeSpan.FromSeconds(29));
        await emulator.Worker.StepAsync();
        Assert.Equal("running", (await GetInstanceAsync(alice, finishing))["state"]!.GetValue<string>());

        var (status, answer) = await SendAsync(alice, HttpMethod.Post, $"executabletaskinstances/{terminated}/terminate/");
        Assert.Equal(202, status);
        Assert.Equal("running", answer!["state"]!.GetValue<string>());

        clock.Advance(TimeSpan.FromSeconds(1));
        await emulator.Worker.StepAsync();
        var done = await GetInstanceAsync(alice, finishing);
        Assert.Equal("successful", done["state"]!.GetValue<string>());
        var stopped = await GetInstanceAsync(alice, terminated);
        Assert.Equal("terminated", stopped["state"]!.GetValue<string>());
        Assert.Null(stopped["datetime_finished"]);
    }

    [Fact]
    public async Task Run_until_idle_advances_a_manual_clock_instead_of_waiting()
    {
        var clock = new ManualClock();
        await using var emulator = await StartManualAsync(clock);
        using var alice = ClientFor(emulator, "alice");
        var (type, queue) = await SetUpExecutableAsync(alice, "sleep 3600");
        var uuid = await CreateInstanceAsync(alice, type, queue);
        var start = clock.GetUtcNow();
        await emulator.Worker.RunUntilIdleAsync();
        Assert.Equal("successful", (await GetInstanceAsync(alice, uuid))["state"]!.GetValue<string>());
        Assert.True(clock.GetUtcNow() - start >= TimeSpan.FromSeconds(3599));
        Assert.Equal(0, emulator.Worker.PendingCount);
    }

    [Fact]
    public async Task The_outcome_policy_is_replaceable_and_sees_the_arguments()
    {
        var clock = new ManualClock();
        TaskRun? seen = null;
        await using var emulator = await StartManualAsync(clock, run => { seen = run; return TaskOutcome.Failure; });
        using var alice = ClientFor(emulator, "alice");
        var (type, queue) = await SetUpExecutableAsync(alice, "true");
        var uuid = await CreateInstanceAsync(alice, type, queue);
        await emulator.Worker.RunUntilIdleAsync();
        Assert.Equal("failed", (await GetInstanceAsync(alice, uuid))["state"]!.GetValue<string>());
        Assert.Equal("true", seen!.CommandToRun);
        Assert.Equal(TaskRunKind.Executable, seen.Kind);
    }

    [Fact]
    public async Task The_automatic_worker_finishes_a_scaled_sleep_on_the_real_clock()
    {
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { TimeScale = 0.001 });
        using var alice = ClientFor(emulator, "alice");
        var (type, queue) = await SetUpExecutableAsync(alice, "sleep 30");
        var uuid = await CreateInstanceAsync(alice, type, queue);
        await HangGuard.Within(emulator.Worker.RunUntilIdleAsync(), "the worker running a 30 ms sleep");
        Assert.Equal("successful", (await GetInstanceAsync(alice, uuid))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Access_tokens_expire_on_the_emulator_clock()
    {
        var clock = new ManualClock();
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { Clock = clock, AccessTokenLifetime = TimeSpan.FromMinutes(5) });
        using var anon = new HttpClient { BaseAddress = emulator.ApiUrl };
        using var res = await anon.PostAsync("token/", new FormUrlEncodedContent([new("username", "alice"), new("password", "alicepassword")]));
        var access = System.Text.Json.Nodes.JsonNode.Parse(await res.Content.ReadAsStringAsync())!["access"]!.GetValue<string>();
        anon.DefaultRequestHeaders.Authorization = new("Bearer", access);
        Assert.Equal(200, (int)(await anon.GetAsync("users/")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(6));
        using var expired = await anon.GetAsync("users/");
        Assert.Equal(403, (int)expired.StatusCode);
        Assert.Contains("token_not_valid", await expired.Content.ReadAsStringAsync());
    }
}
