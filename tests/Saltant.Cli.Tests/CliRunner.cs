using Saltant.Cli;
using Saltant.Emulator;
using Saltant.Emulator.Worker;
using Xunit;
using Xunit.Sdk;

namespace Saltant.Cli.Tests;

/// <summary>What one in-process run of the tool printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the tool in-process with injected streams, environment and input.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        await RunWithInputAsync(environment, "", args);

    public static Task<CliResult> RunWithInputAsync(IReadOnlyDictionary<string, string?> environment, string input, params string[] args) =>
        RunAsync(environment, input, 250, default, args);

    /// <summary>Runs the tool laid out for a terminal this many columns wide.</summary>
    public static Task<CliResult> RunAtWidthAsync(IReadOnlyDictionary<string, string?> environment, int width, params string[] args) =>
        RunAsync(environment, "", width, default, args);

    /// <summary>Runs the tool; <paramref name="interrupt"/> stands for Ctrl+C.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string input, int width, CancellationToken interrupt, params string[] args) =>
        await RunAsync(environment, input, width, interrupt, new StringWriter { NewLine = "\n" }, args);

    /// <summary>Runs the tool with standard error written to <paramref name="error"/>.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string input, int width, CancellationToken interrupt, TextWriter error, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var host = new CliHost
        {
            Out = output,
            Error = error,
            In = new StringReader(input),
            Environment = environment,
            Width = width,
        };
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        guard.CancelAfter(HangGuard);
        var exit = await CliApp.RunAsync(args, host, guard.Token);
        if (guard.IsCancellationRequested && !interrupt.IsCancellationRequested)
        {
            throw new XunitException(
                $"Hang guard: saltant {string.Join(' ', args)} was still running after {HangGuard.TotalMinutes:F0} min, far longer than "
                + $"it takes on a slow, loaded machine, so it was taken to be hung and cancelled (this guard is not a time limit).\n"
                + new CliResult(exit, output.ToString(), error.ToString() ?? ""));
        }

        return new CliResult(exit, output.ToString(), error.ToString() ?? "");
    }

    /// <summary>
    /// How long a run may take before it is taken to be hung: minutes, where a run takes well under
    /// a second quiet and seconds on a loaded machine, so only a hang reaches it.
    /// </summary>
    public static TimeSpan HangGuard { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Asserts the run failed with this exit code and one "error: …" sentence, no stack trace.</summary>
    public static void AssertFailure(this CliResult result, int exitCode, string contains)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        var errors = result.Err.Split('\n').Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, line => Assert.StartsWith("error: ", line));
        Assert.Contains(contains, result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("Exception", result.Err);
    }

    /// <summary>A host for an interactive terminal drawn on <paramref name="console"/>, with standard output and error kept as text.</summary>
    internal static CliHost InteractiveHost(IReadOnlyDictionary<string, string?> environment, Spectre.Console.Testing.TestConsole console) => new()
    {
        Out = new StringWriter(),
        Error = new StringWriter(),
        In = new StringReader(""),
        Environment = environment,
        Interactive = true,
        Console = console,
    };

    public static void AssertSuccess(this CliResult result) => Assert.True(result.ExitCode == 0, result.ToString());
}

/// <summary>One emulator for a test class, with the environment of alice and an empty config directory.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public SaltantEmulator Emulator { get; private set; } = null!;

    public string ConfigHome { get; } = Directory.CreateTempSubdirectory("saltant-cli-tests-").FullName;

    public async Task InitializeAsync() =>
        Emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { Port = 0, WorkerMode = WorkerMode.Automatic, TimeScale = 0.01 });

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Directory.Delete(ConfigHome, recursive: true);
    }

    /// <summary>The environment of a user: URL, token, fast waits, and a config directory with no file.</summary>
    public Dictionary<string, string?> Env(string user = "alice") => new()
    {
        ["SALTANT_API_URL"] = Emulator.ApiUrl.ToString(),
        ["SALTANT_AUTH_TOKEN"] = Emulator.User(user).Token,
        ["SALTANT_WAIT_REFRESH_PERIOD"] = "0.2",
        ["XDG_CONFIG_HOME"] = ConfigHome,
        ["HOME"] = ConfigHome,
    };

    /// <summary>A name no other test uses.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
