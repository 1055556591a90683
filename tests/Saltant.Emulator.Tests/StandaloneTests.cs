using System.Text.Json.Nodes;
using Saltant.Emulator.Tests.Processes;
using Saltant.Emulator.Worker;
using Xunit;

namespace Saltant.Emulator.Tests;

/// <summary>The standalone emulator (<c>dotnet Saltant.Emulator.dll</c>) as a child process: its options and what it prints.</summary>
public sealed class StandaloneTests
{
    [Fact]
    public async Task Help_lists_every_worker_policy_on_standard_output_and_exits_0()
    {
        await using var child = ChildProcess.Start("Saltant.Emulator", ["--help"]);
        var help = string.Join("\n", await child.ReadToEndAsync());
        Assert.Equal(0, await child.WaitForExitAsync());
        Assert.Contains("--worker-policy", help);
        Assert.All(OutcomePolicyNames.All, name => Assert.Contains(name, help));
    }

    [Fact]
    public async Task An_unknown_worker_policy_exits_2_naming_the_policies()
    {
        await using var child = ChildProcess.Start("Saltant.Emulator", ["--port", "0", "--worker-policy", "sometimes"]);
        Assert.Equal(2, await child.WaitForExitAsync());
        Assert.Contains("--worker-policy takes one of " + string.Join(", ", OutcomePolicyNames.All), child.Transcript);
    }

    [Fact]
    public async Task The_seeded_users_are_printed_with_passwords_that_obtain_a_jwt()
    {
        await using var standalone = await StandaloneEmulator.StartAsync("--port", "0");
        Assert.Equal(["admin", "alice", "bob"], standalone.Users.Select(u => u.Username));
        Assert.Equal([true, false, false], standalone.Users.Select(u => u.IsSuperuser));
        using var http = new HttpClient { BaseAddress = standalone.ApiUrl };
        foreach (var user in standalone.Users)
        {
            using var res = await http.PostAsync("token/", new FormUrlEncodedContent([new("username", user.Username), new("password", user.Password)]));
            Assert.Equal(200, (int)res.StatusCode);
            Assert.NotNull(JsonNode.Parse(await res.Content.ReadAsStringAsync())!["access"]);
        }
    }

    [Theory]
    [InlineData(new[] { "--cost", "saltant" }, "18 ms per request + 0.55 ms per record, 2 requests at a time")]
    [InlineData(new[] { "--cost", "saltant", "--server-concurrency", "3" }, "18 ms per request + 0.55 ms per record, 3 requests at a time")]
    [InlineData(new[] { "--request-cost-ms", "5", "--record-cost-ms", "0.25" }, "5 ms per request + 0.25 ms per record, no limit on requests at a time")]
    public async Task The_cost_options_set_the_model_the_emulator_runs_with(string[] options, string described)
    {
        await using var standalone = await StandaloneEmulator.StartAsync(["--port", "0", .. options]);
        Assert.Contains("  server cost: " + described, standalone.Banner);
    }

    [Fact]
    public async Task Without_cost_options_there_is_no_model()
    {
        await using var standalone = await StandaloneEmulator.StartAsync("--port", "0");
        Assert.DoesNotContain(standalone.Banner, line => line.Contains("server cost", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--cost", "cheap", "--cost takes one of none, saltant")]
    [InlineData("--server-concurrency", "0", "--server-concurrency takes a whole number of at least 1")]
    [InlineData("--record-cost-ms", "-1", "--record-cost-ms takes a number of milliseconds")]
    public async Task A_bad_cost_option_exits_2_saying_what_it_takes(string option, string value, string message)
    {
        await using var child = ChildProcess.Start("Saltant.Emulator", ["--port", "0", option, value]);
        Assert.Equal(2, await child.WaitForExitAsync());
        Assert.Contains(message, child.Transcript);
    }
}
