using System.Text;
using System.Text.RegularExpressions;
using Saltant.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace Saltant.Packaging.Tests;

/// <summary>
/// The client compiled Native AOT, in the app that ships that way: the installed Native AOT tool
/// (Saltant.Client's buildTransitive targets in effect, as in an app of a user's) answers every step
/// of a session as the framework-dependent build of the same sources does, each against a fresh
/// emulator. The steps go through what a Native AOT build can break: settings from the environment,
/// decoding every resource, creating, a sweep (batched creates and list-based waiting), filtered
/// streams, a wait, and errors (404, 400, missing settings).
/// </summary>
[Collection(PackedCollection.Name)]
[Trait("Category", "Integration")]
public sealed partial class NativeAotTests(PackedFeed packed, ITestOutputHelper output)
{
    // Hang guard only: a step takes well under a second, seconds on a loaded machine.
    private static readonly TimeSpan StepHangGuard = TimeSpan.FromMinutes(5);

    private const int Sets = 60;

    [Fact]
    public async Task The_native_tool_answers_every_step_as_the_framework_dependent_build()
    {
        var tool = await ToolInstall.InstallAsync(packed, "native-aot", output);
        if (!PackedFeed.HasNativeTool)
        {
            output.WriteLine("no Native AOT package for this platform: the installed tool is the framework-dependent one");
            Assert.Contains("saltant.cli.any", tool.Resolved, StringComparison.Ordinal);
            return;
        }

        var sweep = Path.Combine(tool.Home, "sets.jsonl");
        File.WriteAllLines(sweep, Enumerable.Range(1, Sets).Select(i => $$"""{"key": "k{{i:D3}}", "n": {{i}}}"""));

        var native = await SessionAsync(tool, tool.Command, [], sweep);
        var jit = await SessionAsync(tool, ChildProcess.DotnetHost, [Path.Combine(tool.Folder, "emulator", "saltant.dll")], sweep);

        Assert.Equal(jit, native);
        Assert.Contains("exit 3", native, StringComparison.Ordinal);   // no settings
        Assert.Contains("exit 4", native, StringComparison.Ordinal);   // 404
        Assert.Contains("exit 7", native, StringComparison.Ordinal);   // 400, with the field's message
        Assert.Contains("already exists", native, StringComparison.Ordinal);
        Assert.Contains($"\"state\":\"successful\"", native.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"{Sets + 1} successful instances", native, StringComparison.Ordinal);   // the sweep's and the one waited for
    }

    /// <summary>
    /// Every step's exit code and output (and a failed step's errors), against an emulator of its own,
    /// with what differs between two runs (the URL, UUIDs, times) written as placeholders and each
    /// step's lines sorted (a sweep creates side by side, so its order is not fixed).
    /// </summary>
    private async Task<string> SessionAsync(InstalledTool tool, string program, string[] first, string sweep)
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["SALTANT_API_URL"] = emulator.ApiUrl.AbsoluteUri,
            ["SALTANT_AUTH_TOKEN"] = emulator.User("alice").Token,
        };
        string[][] steps =
        [
            ["--version"],
            ["users", "list", "-o", "json"],
            ["executable-task-types", "create", "--name", "smoke", "--command-to-run", "echo", "--required-arguments", "n", "-o", "json"],
            ["task-whitelists", "create", "--name", "smoke", "--whitelisted-executable-task-types", "1", "-o", "json"],
            ["task-queues", "create", "--name", "smoke", "--whitelists", "1", "-o", "json"],
            ["task-queues", "create", "--name", "smoke"],
            ["sweep", sweep, "--name", "s", "--type", "smoke", "--queue", "smoke", "-q"],
            ["executable-task-instances", "create", "--task-type", "1", "--task-queue", "1", "--name", "one", "--arguments", """{"n": 0}""", "--wait", "-o", "json"],
            ["executable-task-instances", "list", "--where", "state=successful", "-q"],
            ["executable-task-instances", "list", "--where", "name=one", "-o", "json"],
            ["executable-task-instances", "get", "00000000-0000-0000-0000-000000000000"],
            ["executable-task-types", "list", "-o", "json"],
            ["task-queues", "list", "-o", "json"],
        ];

        var transcript = new StringBuilder();
        var unset = ToolInstall.Environment(tool.Home);
        var noSettings = await ChildProcess.RunAsync(program, [.. first, "users", "list"], tool.Home, StepHangGuard, unset);
        transcript.Append(Step(["users", "list", "(no settings)"], noSettings, emulator.ApiUrl.AbsoluteUri));
        foreach (var step in steps)
        {
            var run = await ChildProcess.RunAsync(program, [.. first, .. step], tool.Home, StepHangGuard, ToolInstall.Environment(tool.Home, settings));
            transcript.Append(Step(step, run, emulator.ApiUrl.AbsoluteUri));
            if (step[0] == "executable-task-instances" && step[1] == "list" && step.Contains("-q"))
            {
                transcript.AppendLine($"{run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} successful instances");
            }
        }

        output.WriteLine(transcript.ToString());
        return transcript.ToString();
    }

    private static string Step(string[] step, ProcessResult run, string apiUrl)
    {
        string Normal(string text) => Times().Replace(Uuids().Replace(text.Replace(apiUrl, "API/", StringComparison.Ordinal), "UUID"), "TIME");
        // Standard error only where the step failed: a wait's progress lines there follow the worker's timing.
        var errors = run.ExitCode == 0 ? [] : Normal(run.Err).Split('\n').Select(line => "err: " + line);
        var lines = Normal(run.Out).Split('\n').Concat(errors).Order(StringComparer.Ordinal);
        return $"$ saltant {string.Join(' ', step)}\nexit {run.ExitCode}\n{string.Join('\n', lines)}\n";
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuids();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")]
    private static partial Regex Times();
}
