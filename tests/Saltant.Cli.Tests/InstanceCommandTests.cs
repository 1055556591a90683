using System.Text.Json;
using Saltant.Cli;
using Saltant.Domain;
using Spectre.Console.Testing;
using Xunit;

namespace Saltant.Cli.Tests;

public sealed class InstanceCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private string succeeds = "";
    private string fails = "";
    private string slow = "";
    private string queue = "";
    private string container = "";

    public async Task InitializeAsync()
    {
        succeeds = await Id("executable-task-types", "create", "--name", EmulatorFixture.Unique("ok"), "--command-to-run", "echo hi");
        fails = await Id("executable-task-types", "create", "--name", EmulatorFixture.Unique("ko"), "--command-to-run", "false");
        slow = await Id("executable-task-types", "create", "--name", EmulatorFixture.Unique("slow"), "--command-to-run", "sleep 1000");
        container = await Id("container-task-types", "create", "--name", EmulatorFixture.Unique("ctt"), "--command-to-run", "run", "--container-image", "img", "--container-type", "docker");
        var whitelist = await Id(
            "task-whitelists", "create", "--name", EmulatorFixture.Unique("wl"),
            "--whitelisted-executable-task-types", $"{succeeds},{fails},{slow}", "--whitelisted-container-task-types", container);
        queue = await Id("task-queues", "create", "--name", EmulatorFixture.Unique("q"), "--whitelists", whitelist);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Id(params string[] args)
    {
        var result = await CliRunner.RunAsync(fixture.Env(), [.. args, "-q"]);
        result.AssertSuccess();
        return result.Out.Trim();
    }

    private Task<string> Launch(string type, string arguments = "{}") =>
        Id("executable-task-instances", "create", "--task-type", type, "--task-queue", queue, "--arguments", arguments);

    [Fact]
    public async Task Create_prints_the_instance_with_its_arguments()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "create", "--task-type", succeeds, "--task-queue", queue, "--name", "greet", "--json-arguments", "{\"greeting\": \"hi\"}", "-o", "json");

        result.AssertSuccess();
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal("greet", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("hi", document.RootElement.GetProperty("arguments").GetProperty("greeting").GetString());
        Assert.True(Guid.TryParse(document.RootElement.GetProperty("uuid").GetString(), out _));
    }

    [Fact]
    public async Task Waiting_for_several_where_one_fails_exits_non_zero_and_names_the_failed_one()
    {
        var good1 = await Launch(succeeds);
        var bad = await Launch(fails);
        var good2 = await Launch(succeeds);

        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "wait", good1, bad, good2, "-o", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var document = JsonDocument.Parse(result.Out);
        var states = document.RootElement.EnumerateArray().ToDictionary(i => i.GetProperty("uuid").GetString()!, i => i.GetProperty("state").GetString());
        Assert.Equal("successful", states[good1]);
        Assert.Equal("failed", states[bad]);
        Assert.Equal("successful", states[good2]);
        Assert.Contains($"error: 1 of 3 instance(s) did not succeed: {bad} (failed).", result.Err);
        Assert.Contains($"{bad} ", result.Err); // a progress line per instance, on stderr
    }

    [Fact]
    public async Task Waiting_for_successful_ones_exits_zero_and_prints_the_table()
    {
        var one = await Launch(succeeds);
        var two = await Launch(succeeds);

        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "wait", one, two, "--refresh-period", "0.1");

        result.AssertSuccess();
        Assert.Matches($@"{one}\s+successful", result.Out);
        Assert.Matches($@"{two}\s+successful", result.Out);
    }

    [Fact]
    public async Task Create_with_wait_launches_and_waits()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "create", "--task-type", fails, "--task-queue", queue, "--wait", "-q");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^[0-9a-f-]{36}\n$", result.Out);
        Assert.Contains("(failed)", result.Err);
    }

    [Fact]
    public async Task A_wait_past_its_timeout_exits_with_the_wait_timeout_code()
    {
        var sleeper = await Launch(slow);

        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "wait", sleeper, "--timeout", "0.3");

        result.AssertFailure(10, sleeper);
        await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "terminate", sleeper);
    }

    [Fact]
    public async Task Clone_copies_several_at_once_and_can_wait_for_the_copies()
    {
        var one = await Launch(succeeds, "{\"n\": 1}");
        var two = await Launch(succeeds, "{\"n\": 2}");

        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "clone", one, two, "--wait", "-o", "json");

        result.AssertSuccess();
        using var document = JsonDocument.Parse(result.Out);
        var clones = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, clones.Count);
        Assert.All(clones, c => Assert.Equal("successful", c.GetProperty("state").GetString()));
        Assert.DoesNotContain(clones, c => c.GetProperty("uuid").GetString() == one || c.GetProperty("uuid").GetString() == two);
        Assert.Equal([1, 2], clones.Select(c => c.GetProperty("arguments").GetProperty("n").GetInt32()));
    }

    [Fact]
    public async Task Clone_of_an_unknown_uuid_is_not_found_while_the_others_are_cloned()
    {
        var one = await Launch(succeeds);
        var unknown = Guid.NewGuid().ToString();

        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "clone", one, unknown, "-q");

        result.AssertFailure(4, unknown);
        Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Terminate_several_then_they_end_terminated()
    {
        var one = await Launch(slow);
        var two = await Launch(slow);

        var terminated = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "terminate", one, two, "-q");
        terminated.AssertSuccess();
        Assert.Equal([one, two], terminated.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var waited = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "wait", one, two);
        Assert.Equal(1, waited.ExitCode);
        Assert.Matches($@"{one}\s+terminated", waited.Out);
        Assert.Contains("2 of 2 instance(s) did not succeed", waited.Err);
    }

    [Fact]
    public async Task List_filters_instances_by_state()
    {
        var bad = await Launch(fails);
        await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "wait", bad);

        var failed = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "list", "--where", "state=failed", "-q");
        var succeeded = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "list", "--filters", "{\"state\": \"successful\"}", "-q");

        Assert.Contains(bad, failed.Out);
        Assert.DoesNotContain(bad, succeeded.Out);
    }

    [Fact]
    public async Task Container_instances_have_the_same_commands()
    {
        var uuid = await Id("container-task-instances", "create", "--task-type", container, "--task-queue", queue);

        var result = await CliRunner.RunAsync(fixture.Env(), "container-task-instances", "wait", uuid);

        result.AssertSuccess();
        Assert.Matches($@"{uuid}\s+successful", result.Out);
        (await CliRunner.RunAsync(fixture.Env(), "container-task-instances", "get", uuid)).AssertSuccess();
    }

    [Fact]
    public async Task On_an_interactive_terminal_wait_draws_a_live_table()
    {
        var one = await Launch(succeeds);
        var console = new TestConsole().Interactive().Width(250);
        var host = CliRunner.InteractiveHost(fixture.Env(), console);

        var exit = await CliApp.RunAsync(["executable-task-instances", "wait", one], host);

        Assert.Equal(0, exit);
        Assert.Matches($@"{one}\s+successful", console.Output);
        Assert.Equal("", host.Error.ToString()); // no plain progress lines when the live table shows progress
    }
}
