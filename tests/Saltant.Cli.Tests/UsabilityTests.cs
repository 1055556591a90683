using System.Text;
using System.Text.Json;
using Saltant.Cli;
using Spectre.Console.Testing;
using Xunit;

namespace Saltant.Cli.Tests;

/// <summary>Issue #12: tables that fit 80 columns, errors that point at the fix, output shapes, and the state terminate shows.</summary>
public sealed class UsabilityTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private string succeeds = "";
    private string slow = "";
    private string queue = "";

    public async Task InitializeAsync()
    {
        succeeds = await Id("executable-task-types", "create", "--name", EmulatorFixture.Unique("ok"), "--command-to-run", "echo hi",
            "--description", "A task type whose description is long enough to need wrapping in a table eighty columns wide, and then some.");
        slow = await Id("executable-task-types", "create", "--name", EmulatorFixture.Unique("slow"), "--command-to-run", "sleep 1000");
        var whitelist = await Id("task-whitelists", "create", "--name", EmulatorFixture.Unique("wl"), "--whitelisted-executable-task-types", $"{succeeds},{slow}");
        queue = await Id("task-queues", "create", "--name", EmulatorFixture.Unique("q"), "--whitelists", whitelist);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Id(params string[] args)
    {
        var result = await CliRunner.RunAsync(fixture.Env(), [.. args, "-q"]);
        result.AssertSuccess();
        return result.Out.Trim();
    }

    private Task<string> Launch(string type, string name = "") =>
        Id("executable-task-instances", "create", "--task-type", type, "--task-queue", queue, "--name", name);

    private static void AssertFits(string output, int width)
    {
        var lines = output.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= width, $"wider than {width}: '{line}'\n{output}"));
    }

    [Fact]
    public async Task An_instance_list_fits_80_columns_with_every_uuid_and_state_on_one_line()
    {
        var one = await Launch(succeeds, "a rather long instance name that would push the table wide");
        var two = await Launch(succeeds);
        await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "wait", one, two);

        var result = await CliRunner.RunAtWidthAsync(fixture.Env(), 80, "executable-task-instances", "list", "--where", $"uuid__in={one},{two}");

        result.AssertSuccess();
        AssertFits(result.Out, 80);
        Assert.Matches($@"{one}\s+successful", result.Out);
        Assert.Matches($@"{two}\s+successful", result.Out);
        Assert.DoesNotContain("datetime_finished", result.Out); // the least important columns went first

        var wide = await CliRunner.RunAtWidthAsync(fixture.Env(), 250, "executable-task-instances", "list", "--where", $"uuid__in={one},{two}");
        Assert.Contains("datetime_finished", wide.Out); // and come back when there is room
    }

    [Fact]
    public async Task A_task_type_list_fits_80_columns_wrapping_only_free_text()
    {
        var result = await CliRunner.RunAtWidthAsync(fixture.Env(), 80, "executable-task-types", "list", "--where", $"id={succeeds}");

        result.AssertSuccess();
        AssertFits(result.Out, 80);
        Assert.Matches($@"^\s*{succeeds}\s", result.Out.Split('\n').First(l => l.Contains("echo hi", StringComparison.Ordinal) || l.TrimStart().StartsWith(succeeds, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_live_wait_table_fits_80_columns_and_shows_the_elapsed_time()
    {
        var one = await Launch(succeeds);
        var console = new TestConsole().Interactive().Width(80);
        var host = CliRunner.InteractiveHost(fixture.Env(), console);

        var exit = await CliApp.RunAsync(["executable-task-instances", "wait", one], host);

        Assert.Equal(0, exit);
        AssertFits(console.Output, 80);
        Assert.Contains("elapsed", console.Output);
        Assert.Matches($@"{one}\s+successful\s+\d+\.\d s", console.Output);
    }

    [Fact]
    public async Task The_live_wait_table_colours_the_states()
    {
        var one = await Launch(succeeds);
        var console = new TestConsole().Interactive().Width(80).Colors(Spectre.Console.ColorSystem.Standard).EmitAnsiSequences();
        var host = CliRunner.InteractiveHost(fixture.Env(), console);

        var exit = await CliApp.RunAsync(["executable-task-instances", "wait", one], host);

        Assert.Equal(0, exit);
        Assert.Contains("\u001b[32msuccessful", console.Output); // green
    }

    [Fact]
    public async Task Terminate_prints_the_state_the_instance_ended_in()
    {
        var sleeper = await Launch(slow);

        var table = await CliRunner.RunAtWidthAsync(fixture.Env(), 80, "executable-task-instances", "terminate", sleeper);

        table.AssertSuccess();
        Assert.Matches($@"{sleeper}\s+terminated", table.Out);
        Assert.DoesNotContain("running", table.Out);
    }

    [Fact]
    public async Task A_url_without_api_that_answers_404_is_a_configuration_error_suggesting_api()
    {
        var env = fixture.Env();
        var root = fixture.Emulator.ApiUrl.ToString().Replace("api/", "", StringComparison.Ordinal);
        env["SALTANT_API_URL"] = root;

        var result = await CliRunner.RunAsync(env, "task-queues", "list");

        result.AssertFailure(3, $"try {root}api/");
    }

    [Fact]
    public async Task A_bad_value_for_a_true_false_option_names_the_option()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "task-queues", "patch", "1", "--active", "maybe");

        result.AssertFailure(2, "--active takes true or false");
        Assert.Contains("'maybe'", result.Err);
        Assert.DoesNotContain("Unrecognized", result.Err);
    }

    [Fact]
    public async Task A_mistyped_command_gets_one_error_with_the_closest_command()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "users", "lisst");

        result.AssertFailure(2, "did you mean 'list'?");
        Assert.Single(result.Err.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_output_option_before_the_command_says_where_it_goes()
    {
        var early = await CliRunner.RunAsync(fixture.Env(), "-o", "json", "users", "list");
        var misplaced = await CliRunner.RunAsync(fixture.Env(), "emulator", "--profile", "work");

        early.AssertFailure(2, "'-o' goes after the command it applies to: 'saltant users list -o …'.");
        misplaced.AssertFailure(2, "'--profile' does not apply to 'saltant emulator'");
    }

    [Fact]
    public async Task Bad_arguments_json_is_one_sentence_naming_the_option_without_parser_noise()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "create", "--task-type", succeeds, "--task-queue", queue, "--arguments", "{greeting: hi}");

        result.AssertFailure(2, "--arguments is not valid JSON");
        Assert.DoesNotContain("LineNumber", result.Err);
        Assert.DoesNotContain("BytePositionInLine", result.Err);
        Assert.DoesNotContain(". ", result.Err.TrimEnd()); // one sentence
        Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Ctrl_c_during_a_wait_stops_waiting_calmly_with_exit_130()
    {
        var sleeper = await Launch(slow);
        using var interrupt = new CancellationTokenSource();
        var error = new InterruptOnFirstLine(interrupt);

        var result = await CliRunner.RunAsync(fixture.Env(), "", 250, interrupt.Token, error, "executable-task-instances", "wait", sleeper);

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("Stopped waiting; 1 instance(s) keep running on the server.", result.Err);
        Assert.DoesNotContain("error:", result.Err);
        Assert.DoesNotContain("cancelled", result.Err);
        (await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "terminate", sleeper)).AssertSuccess();
    }

    [Fact]
    public async Task Ctrl_c_during_the_live_wait_table_stops_waiting_calmly_too()
    {
        var sleeper = await Launch(slow);
        using var interrupt = new CancellationTokenSource();
        var error = new StringWriter();
        var host = new CliHost
        {
            Out = new StringWriter(),
            Error = error,
            In = new StringReader(""),
            Environment = fixture.Env(),
            Interactive = true,
            Console = new TestConsole().Interactive().Width(80),
            Clock = new InterruptOnSecondDraw(interrupt),
        };

        var exit = await CliApp.RunAsync(["executable-task-instances", "wait", sleeper], host, interrupt.Token);

        Assert.Equal(130, exit);
        Assert.Contains("Stopped waiting; 1 instance(s) keep running on the server.", error.ToString());
        Assert.DoesNotContain("error:", error.ToString());
        (await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "terminate", sleeper)).AssertSuccess();
    }

    [Fact]
    public async Task A_clone_that_fails_prints_its_error_only()
    {
        var unknown = Guid.NewGuid().ToString();

        var result = await CliRunner.RunAtWidthAsync(fixture.Env(), 80, "executable-task-instances", "clone", unknown);

        result.AssertFailure(4, unknown);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Create_with_wait_in_json_prints_one_object_like_create()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "create", "--task-type", succeeds, "--task-queue", queue, "--wait", "-o", "json");

        result.AssertSuccess();
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.Equal("successful", document.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Json_and_quiet_together_are_refused_as_a_usage_error()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "users", "list", "-o", "json", "-q");

        result.AssertFailure(2, "--quiet and --output json exclude each other");
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task The_create_help_says_an_executable_task_instance()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "create", "--help");

        Assert.Contains("Launch an executable task instance", result.Out);
        Assert.DoesNotContain("a executable", result.Out);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("completion")]
    [InlineData("config")]
    [InlineData("config", "path")]
    public async Task Options_that_do_not_apply_are_not_offered(params string[] command)
    {
        var result = await CliRunner.RunAsync(fixture.Env(), [.. command, "--help"]);

        result.AssertSuccess();
        Assert.DoesNotContain("--output", result.Out);
        Assert.DoesNotContain("--quiet", result.Out);
        Assert.DoesNotContain("--profile", result.Out);
        if (command[0] != "config")
        {
            Assert.DoesNotContain("--config", result.Out);
        }
    }

    [Fact]
    public async Task Options_that_apply_are_still_offered()
    {
        var list = await CliRunner.RunAsync(fixture.Env(), "users", "list", "--help");
        var configList = await CliRunner.RunAsync(fixture.Env(), "config", "list", "--help");

        Assert.Contains("--output", list.Out);
        Assert.Contains("--profile", list.Out);
        Assert.Contains("--config", list.Out);
        Assert.Contains("--output", configList.Out);
        Assert.Contains("--config", configList.Out);
    }

    /// <summary>A clock that presses Ctrl+C when the live table is drawn the second time (after the first state is seen).</summary>
    private sealed class InterruptOnSecondDraw(CancellationTokenSource interrupt) : TimeProvider
    {
        private int reads;

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Increment(ref reads) == 2)
            {
                interrupt.Cancel();
            }

            return base.GetUtcNow();
        }
    }

    /// <summary>Standard error that presses Ctrl+C once the first progress line is written.</summary>
    private sealed class InterruptOnFirstLine(CancellationTokenSource interrupt) : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (!interrupt.IsCancellationRequested && value is not null && System.Text.RegularExpressions.Regex.IsMatch(value, Uuid))
            {
                interrupt.Cancel();
            }
        }
    }
}
