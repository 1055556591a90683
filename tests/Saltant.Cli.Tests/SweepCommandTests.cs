using System.Text.Json;
using Spectre.Console.Testing;
using Xunit;

namespace Saltant.Cli.Tests;

/// <summary><c>saltant sweep</c> against the emulator: files in, each set once, resumable, clear errors that create nothing.</summary>
public sealed class SweepCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private string type = "";
    private string typeName = "";
    private string queue = "";
    private readonly string folder = Directory.CreateTempSubdirectory("saltant-sweep-").FullName;

    public async Task InitializeAsync()
    {
        typeName = EmulatorFixture.Unique("sweeper");
        type = await Id("executable-task-types", "create", "--name", typeName, "--command-to-run", "true", "--required-arguments", "n");
        var whitelist = await Id("task-whitelists", "create", "--name", EmulatorFixture.Unique("wl"), "--whitelisted-executable-task-types", type);
        queue = await Id("task-queues", "create", "--name", EmulatorFixture.Unique("q"), "--whitelists", whitelist);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> Id(params string[] args)
    {
        var result = await CliRunner.RunAsync(fixture.Env(), [.. args, "-q"]);
        result.AssertSuccess();
        return result.Out.Trim();
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private int CountNamed(string sweep)
    {
        var list = CliRunner.RunAsync(fixture.Env(), "executable-task-instances", "list", "--where", $"name__startswith={sweep}/", "-q").GetAwaiter().GetResult();
        list.AssertSuccess();
        return list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    [Fact]
    public async Task A_csv_sweep_runs_each_set_once_prints_a_table_that_fits_80_columns_and_resumes_without_creating_again()
    {
        var sets = File("sets.csv", "key,n\n" + string.Join("\n", Enumerable.Range(1, 12).Select(i => $"sample-{i:D2},{i}")) + "\n");
        var sweep = EmulatorFixture.Unique("grid");

        var first = await CliRunner.RunAtWidthAsync(fixture.Env(), 80, "sweep", sets, "--name", sweep, "--type", typeName, "--queue", queue);

        first.AssertSuccess();
        Assert.All(first.Out.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        Assert.Matches(@"sample-01\s+successful\s+1\s+[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", first.Out);
        Assert.Contains("12 set(s): 12 successful.", first.Out, StringComparison.Ordinal);
        Assert.Contains("sample-03 created ", first.Err, StringComparison.Ordinal); // one line per change when not on a terminal
        Assert.Equal(12, CountNamed(sweep));

        var again = await CliRunner.RunAsync(fixture.Env(), "sweep", sets, "--name", sweep, "--type", type, "--queue", queue, "--json");

        again.AssertSuccess();
        Assert.Equal(12, CountNamed(sweep));
        Assert.Contains("sample-03 found ", again.Err, StringComparison.Ordinal);
        var results = JsonDocument.Parse(again.Out).RootElement;
        Assert.Equal(12, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), r => Assert.Equal("successful", r.GetProperty("state").GetString()));
        Assert.Equal("sample-01", results[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_bad_file_names_each_line_and_field_and_creates_nothing()
    {
        var sets = File("bad.jsonl", "{\"key\": \"a\", \"n\": 1}\nnot json\n{\"n\": 2}\n");
        var sweep = EmulatorFixture.Unique("bad");

        var result = await CliRunner.RunAsync(fixture.Env(), "sweep", sets, "--name", sweep, "--type", type, "--queue", queue);

        result.AssertFailure(2, "line 2: not JSON");
        Assert.Contains("line 3, field \"key\": the key is missing", result.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was created", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, CountNamed(sweep));
    }

    [Fact]
    public async Task Sets_missing_a_required_argument_are_all_listed_and_nothing_is_created()
    {
        var sets = File("missing.jsonl", "{\"key\": \"a\", \"n\": 1}\n{\"key\": \"b\"}\n{\"key\": \"c\", \"m\": 3}\n");
        var sweep = EmulatorFixture.Unique("miss");

        var result = await CliRunner.RunAsync(fixture.Env(), "sweep", sets, "--name", sweep, "--type", type, "--queue", queue);

        result.AssertFailure(7, "b: required argument n missing");
        Assert.Contains("c: required argument n missing", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, CountNamed(sweep));
    }

    [Fact]
    public async Task An_unknown_type_or_queue_is_one_sentence_and_a_missing_file_is_a_usage_error()
    {
        var sets = File("ok.jsonl", "{\"key\": \"a\", \"n\": 1}\n");

        (await CliRunner.RunAsync(fixture.Env(), "sweep", sets, "--name", "x", "--type", "no-such-type", "--queue", queue))
            .AssertFailure(4, "no-such-type");
        (await CliRunner.RunAsync(fixture.Env(), "sweep", sets, "--name", "x", "--type", type, "--queue", "no-such-queue"))
            .AssertFailure(4, "no-such-queue");
        (await CliRunner.RunAsync(fixture.Env(), "sweep", Path.Combine(folder, "absent.csv"), "--name", "x", "--type", type, "--queue", queue))
            .AssertFailure(2, "there is no such file");
    }

    [Fact]
    public async Task Ctrl_c_stops_the_sweep_calmly_and_the_same_command_finishes_it()
    {
        var slowType = await Id("executable-task-types", "create", "--name", EmulatorFixture.Unique("slow"), "--command-to-run", "sleep 3", "--required-arguments", "n");
        var whitelist = await Id("task-whitelists", "create", "--name", EmulatorFixture.Unique("wl"), "--whitelisted-executable-task-types", slowType);
        var slowQueue = await Id("task-queues", "create", "--name", EmulatorFixture.Unique("q"), "--whitelists", whitelist);
        var sets = File("slow.jsonl", string.Join("\n", Enumerable.Range(1, 6).Select(i => $"{{\"key\": \"s{i}\", \"n\": {i}}}")));
        var sweep = EmulatorFixture.Unique("stop");
        using var interrupt = new CancellationTokenSource();
        var error = new InterruptingWriter(" created ", 3, interrupt);

        var stopped = await CliRunner.RunAsync(fixture.Env(), "", 120, interrupt.Token, error, "sweep", sets, "--name", sweep, "--type", slowType, "--queue", slowQueue);

        Assert.Equal(130, stopped.ExitCode);
        Assert.Contains("Stopped the sweep; its instances keep running on the server, and the same command resumes it.", stopped.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", stopped.Err, StringComparison.Ordinal);

        var resumed = await CliRunner.RunAsync(fixture.Env(), "sweep", sets, "--name", sweep, "--type", slowType, "--queue", slowQueue);
        resumed.AssertSuccess();
        Assert.Equal(6, CountNamed(sweep));
    }

    [Fact]
    public async Task On_a_terminal_the_sweep_shows_live_counts_by_state_then_the_results_table_within_80_columns()
    {
        var sets = File("live.jsonl", string.Join("\n", Enumerable.Range(1, 5).Select(i => $"{{\"key\": \"live-{i}\", \"n\": {i}}}")));
        var console = new TestConsole().Interactive().Width(80);
        var host = CliRunner.InteractiveHost(fixture.Env(), console);

        var exit = await CliApp.RunAsync(["sweep", sets, "--name", EmulatorFixture.Unique("live"), "--type", type, "--queue", queue], host);

        Assert.Equal(0, exit);
        Assert.Matches(@"successful\s+│?\s*5", console.Output);          // the live counts, by state
        Assert.Contains("5 set(s) seen", console.Output, StringComparison.Ordinal);
        Assert.Matches(@"live-1\s+successful\s+1\s+[0-9a-f-]{36}", console.Output); // the results table
        Assert.All(console.Output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        Assert.Contains("5 set(s): 5 successful.", host.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", host.Error.ToString());
    }

    /// <summary>Standard error that presses Ctrl+C once it has seen a text a number of times.</summary>
    private sealed class InterruptingWriter(string text, int times, CancellationTokenSource interrupt) : StringWriter
    {
        private int seen;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.Contains(text, StringComparison.Ordinal) && Interlocked.Increment(ref seen) == times)
            {
                interrupt.Cancel();
            }
        }
    }
}
