using Saltant.Emulator.Faults;
using Xunit;

namespace Saltant.Cli.Tests;

/// <summary>The server and network failure exit codes (the others are asserted where their commands are tested).</summary>
public sealed class ExitCodeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_server_that_keeps_failing_exits_8_with_one_sentence_on_stderr()
    {
        var env = fixture.Env();
        env["SALTANT_MAX_RETRIES"] = "0";
        fixture.Emulator.Faults.Next(1, Fault.GatewayError(502), "users/", "GET");

        var result = await CliRunner.RunAsync(env, "users", "list");

        result.AssertFailure(8, "502");
        Assert.Equal("", result.Out);
        Assert.DoesNotContain(fixture.Emulator.User("alice").Token, result.Err);
        Assert.DoesNotContain("   at ", result.Err); // no stack trace
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_exits_9()
    {
        var env = fixture.Env();
        env["SALTANT_MAX_RETRIES"] = "0";
        env["SALTANT_API_URL"] = "http://127.0.0.1:1/api/";

        var result = await CliRunner.RunAsync(env, "task-queues", "list");

        result.AssertFailure(9, "127.0.0.1:1");
        Assert.DoesNotContain(fixture.Emulator.User("alice").Token, result.Err);
    }
}
