using Saltant.Emulator;
using Spectre.Console.Testing;
using Saltant.Quickstart;
using Xunit;

namespace Saltant.Samples.Tests;

public sealed class QuickstartTests
{
    private static readonly Dictionary<string, string?> NoSettings = new();

    [Fact]
    public async Task The_quickstart_runs_the_whole_pipeline_on_the_embedded_emulator_and_exits_zero()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await QuickstartProgram.RunAsync(NoSettings, output, errors, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Equal("", errors.ToString());
        Assert.Contains("in-process emulator", text);
        Assert.Contains("\"times\":1", text); // the type's default filled into an instance's arguments
        Assert.Contains("-> successful", text); // the live display saw a change happen
        Assert.Matches(@"doomed-to-fail\s+failed", text);
        Assert.Matches(@"slow-sleeper\s+successful\s+\d+\.\d\d s", text);
        Assert.Contains("4 of 5 instances succeeded; 1 failed", text);
    }

    [Fact]
    public async Task On_a_terminal_the_progress_is_a_live_table_that_ends_with_every_final_state()
    {
        var console = new TestConsole().Interactive().Width(120);
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await QuickstartProgram.RunAsync(NoSettings, output, errors, CancellationToken.None, console);

        Assert.Equal(0, exit);
        Assert.Equal("", errors.ToString());
        var screen = console.Output;
        Assert.Contains("instance", screen);
        Assert.Matches(@"doomed-to-fail\s*│\s*failed", screen);
        Assert.Matches(@"slow-sleeper\s*│\s*successful", screen);
        Assert.Contains("4 of 5 instances succeeded", output.ToString());
        Assert.DoesNotContain("->", output.ToString()); // the change lines are for terminals without a live display
        Assert.DoesNotContain("doomed-to-fail", output.ToString()); // the states are shown once, in the live table, not again as a plain table
        Assert.DoesNotContain("duration", output.ToString());
    }

    [Fact]
    public async Task With_saltant_settings_it_runs_against_that_server()
    {
        await using var server = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { TimeScale = 0.1, WorkerPollInterval = TimeSpan.FromMilliseconds(10) });
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await QuickstartProgram.RunAsync(
            new Dictionary<string, string?>
            {
                ["SALTANT_API_URL"] = server.ApiUrl.ToString(),
                ["SALTANT_AUTH_TOKEN"] = server.User("bob").Token,
                ["SALTANT_WAIT_REFRESH_PERIOD"] = "0.2",
            },
            output,
            errors,
            CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("against the server in SALTANT_API_URL", output.ToString());
        Assert.Contains("4 of 5 instances succeeded", output.ToString());
        Assert.Equal(5, server.Requests.Count("POST", "executabletaskinstances/")); // launched on that server, once each
    }

    [Theory]
    [InlineData("bad-token", "credentials were not accepted")]
    [InlineData("unreachable", "failed before an answer arrived")]
    [InlineData("relative-url", "SALTANT_API_URL must be an absolute URL")]
    public async Task Failures_are_one_sentence_on_stderr_and_exit_one(string case_, string expected)
    {
        await using var server = await SaltantEmulator.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["SALTANT_API_URL"] = case_ switch
            {
                "unreachable" => "http://127.0.0.1:1/api/",
                "relative-url" => "saltant/api",
                _ => server.ApiUrl.ToString(),
            },
            ["SALTANT_AUTH_TOKEN"] = case_ == "bad-token" ? "0123456789abcdef" : server.User("alice").Token,
            ["SALTANT_MAX_RETRIES"] = "0",
        };
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await QuickstartProgram.RunAsync(environment, output, errors, CancellationToken.None);

        Assert.Equal(1, exit);
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("0123456789abcdef", line);
        Assert.DoesNotContain(server.User("alice").Token, line);
        Assert.DoesNotContain("   at ", errors.ToString()); // no stack trace
    }
}
