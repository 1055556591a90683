using Xunit;

namespace Saltant.Cli.Tests;

public sealed class ShellTests
{
    private static readonly Dictionary<string, string?> NoSettings = new() { ["HOME"] = "/nonexistent" };

    [Theory]
    [InlineData("bash", "complete -o default -F _saltant_complete saltant")]
    [InlineData("zsh", "compdef _saltant saltant")]
    [InlineData("fish", "complete -c saltant")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName saltant")]
    public async Task Completion_prints_a_script_for_each_shell(string shell, string registration)
    {
        var result = await CliRunner.RunAsync(NoSettings, "completion", shell);

        result.AssertSuccess();
        Assert.Contains(registration, result.Out);
        Assert.Contains("[suggest:", result.Out);
    }

    [Fact]
    public async Task Completion_of_an_unknown_shell_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(NoSettings, "completion", "tcsh");

        result.AssertFailure(2, "tcsh");
    }

    [Theory]
    [InlineData("saltant task-", "task-queues", "task-whitelists")]
    [InlineData("saltant task-queues ", "create", "patch")]
    [InlineData("saltant executable-task-instances wait --ti", "--timeout")]
    public async Task The_suggest_directive_the_scripts_call_completes_commands_and_options(string line, params string[] expected)
    {
        var result = await CliRunner.RunAsync(NoSettings, $"[suggest:{line.Length}]", line);

        result.AssertSuccess();
        var suggestions = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in expected)
        {
            Assert.Contains(word, suggestions);
        }
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var result = await CliRunner.RunAsync(NoSettings, "--version");

        result.AssertSuccess();
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_the_exit_codes()
    {
        var result = await CliRunner.RunAsync(NoSettings, "--help");

        result.AssertSuccess();
        foreach (var command in new[] { "users", "task-queues", "task-whitelists", "container-task-types", "executable-task-types", "container-task-instances", "executable-task-instances", "config", "emulator", "completion" })
        {
            Assert.Contains(command, result.Out);
        }

        Assert.Contains("Exit codes:", result.Out);
        Assert.Matches(@"4\s+not found", result.Out);
        Assert.Matches(@"7\s+validation failed", result.Out);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("users", "delete", "bob")]
    [InlineData("task-queues", "create")]
    [InlineData("users", "list", "--output", "yaml")]
    [InlineData()]
    public async Task Usage_errors_exit_2_with_a_hint(params string[] args)
    {
        var result = await CliRunner.RunAsync(NoSettings, args);

        result.AssertFailure(2, "--help' for usage.");
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Users_have_no_write_commands()
    {
        var result = await CliRunner.RunAsync(NoSettings, "users", "--help");

        Assert.Contains("list", result.Out);
        Assert.DoesNotContain("create", result.Out);
    }

    [Fact]
    public async Task Instances_have_no_put_or_patch_and_task_types_no_patch()
    {
        (await CliRunner.RunAsync(NoSettings, "executable-task-instances", "put", "x")).AssertFailure(2, "");
        (await CliRunner.RunAsync(NoSettings, "container-task-instances", "patch", "x")).AssertFailure(2, "");
        (await CliRunner.RunAsync(NoSettings, "container-task-types", "patch", "1")).AssertFailure(2, "");
    }

    [Fact]
    public async Task The_emulator_command_serves_until_cancelled_and_prints_url_and_tokens()
    {
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        var host = new CliHost { Out = synchronized, Error = TextWriter.Null, In = new StringReader(""), Environment = NoSettings };
        using var stop = new CancellationTokenSource();

        var running = CliApp.RunAsync(["emulator", "--port", "0", "--time-scale", "0.01"], host, stop.Token);
        // Wait for the banner for as long as the emulator takes to start; only a hang guard ends it.
        string text;
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var finished = running.IsCompleted;
            lock (synchronized)
            {
                text = output.ToString();
            }

            if (finished || text.Contains("Press Ctrl+C", StringComparison.Ordinal)) break;
            Assert.True(started.Elapsed < CliRunner.HangGuard, $"Hang guard: the emulator command printed no \"Press Ctrl+C\" in {CliRunner.HangGuard.TotalMinutes:F0} min; taken to be hung.\n{text}");
            await Task.Delay(25);
        }

        var url = System.Text.RegularExpressions.Regex.Match(text, @"listening on (\S+)").Groups[1].Value;
        var token = System.Text.RegularExpressions.Regex.Match(text, @"alice: token ([^\s,]+)").Groups[1].Value;
        Assert.StartsWith("http://127.0.0.1:", url);
        var env = new Dictionary<string, string?> { ["SALTANT_API_URL"] = url, ["SALTANT_AUTH_TOKEN"] = token, ["HOME"] = "/nonexistent" };
        var users = await CliRunner.RunAsync(env, "users", "list", "-q");
        Assert.Contains("alice", users.Out);

        stop.Cancel();
        Assert.Equal(0, await running);
    }

    [Fact]
    public async Task The_emulator_command_rejects_a_bad_port()
    {
        var result = await CliRunner.RunAsync(NoSettings, "emulator", "--port", "70000");

        result.AssertFailure(2, "--port");
    }
}

/// <summary><c>completion install</c>, saltant-cli's way of setting completion up.</summary>
public sealed class CompletionInstallTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("saltant-completion-").FullName;

    private Dictionary<string, string?> Env(string? shell = "/bin/bash") => new() { ["HOME"] = home, ["SHELL"] = shell };

    [Fact]
    public async Task Install_appends_the_shells_script_once_to_its_usual_file()
    {
        var first = await CliRunner.RunAsync(Env(), "completion", "install");
        var again = await CliRunner.RunAsync(Env(), "completion", "install");

        first.AssertSuccess();
        again.AssertSuccess();
        var file = Path.Combine(home, ".bash_completion");
        Assert.Equal($"bash completion installed in {file}\n", first.Out);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("complete -o default -F _saltant_complete saltant", text);
        Assert.Equal(1, text.Split("# saltant completion for bash").Length - 1);
    }

    [Fact]
    public async Task Fish_gets_its_own_file_overwritten_and_an_explicit_path_is_honoured()
    {
        var fish = await CliRunner.RunAsync(Env("/usr/bin/fish"), "completion", "install");
        var custom = Path.Combine(home, "elsewhere", "saltant.zsh");
        var zsh = await CliRunner.RunAsync(Env(), "completion", "install", "zsh", custom, "--overwrite");

        fish.AssertSuccess();
        zsh.AssertSuccess();
        Assert.Contains("complete -c saltant", await File.ReadAllTextAsync(Path.Combine(home, ".config", "fish", "completions", "saltant.fish")));
        Assert.StartsWith("#compdef saltant", await File.ReadAllTextAsync(custom));
    }

    [Fact]
    public async Task Without_a_known_shell_install_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(Env("/bin/tcsh"), "completion", "install");

        result.AssertFailure(2, "no shell given");
    }

    public void Dispose() => Directory.Delete(home, recursive: true);
}
