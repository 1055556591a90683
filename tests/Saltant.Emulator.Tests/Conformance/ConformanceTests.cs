using Saltant.Emulator.Tests.Processes;
using Saltant.Emulator.Worker;
using Xunit;
using Xunit.Abstractions;

namespace Saltant.Emulator.Tests.Conformance;

/// <summary>Replays the whole recorded corpus against a fresh emulator seeded like the recording.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_recorded_exchange_gets_the_recorded_answer()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 27, 15, 11, 35, TimeSpan.Zero));
        var options = new SaltantEmulatorOptions
        {
            Clock = clock,
            WorkerMode = WorkerMode.Manual,
            // The recording's host had no Docker or Singularity: container instances ended failed.
            OutcomePolicy = OutcomePolicies.NoContainerRuntime,
        };
        foreach (var user in CorpusReplay.RecordedUsers) options.Users.Add(user);
        await using var emulator = await SaltantEmulator.StartAsync(options);

        var score = await new CorpusReplay(emulator.ApiUrl, emulator.User, new ManualWorkerPacer(clock, emulator.Worker)).RunAsync();

        output.WriteLine(score.ToString());
        Assert.True(score.Failures.Count == 0, score.ToString());
        Assert.Equal(score.Total, score.Matched);
    }

    [Fact]
    public async Task The_standalone_emulator_told_there_is_no_container_runtime_answers_every_recorded_exchange()
    {
        // The emulator as a user runs it: its own process, real clock, automatic worker. A time scale
        // of 10 keeps the corpus's 'sleep 30' running through the replay, as it was when recorded.
        string[] args = ["--port", "0", "--time-scale", "10", "--worker-policy", OutcomePolicyNames.NoContainerRuntime,
            .. CorpusReplay.RecordedUsers.SelectMany(u => new[] { "--user", $"{u.Username}:{u.Token}:{u.Password}{(u.IsSuperuser ? ":superuser" : "")}" })];
        await using var standalone = await StandaloneEmulator.StartAsync(args);
        Assert.Equal(CorpusReplay.RecordedUsers.Select(u => (u.Username, u.Token, u.Password)), standalone.Users.Select(u => (u.Username, u.Token, u.Password)));

        using var pacer = new SettledWorkerPacer(standalone.ApiUrl, CorpusReplay.RecordedUsers[0].Token);
        var score = await new CorpusReplay(standalone.ApiUrl, name => CorpusReplay.RecordedUsers.Single(u => u.Username == name), pacer).RunAsync();

        output.WriteLine(score.ToString());
        output.WriteLine($"The pacer looked again {pacer.ExtraPolls} times before the worker had settled.");
        Assert.True(score.Failures.Count == 0, score.ToString());
        Assert.Equal(score.Total, score.Matched);
    }
}
