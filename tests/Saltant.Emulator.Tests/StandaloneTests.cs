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
}
