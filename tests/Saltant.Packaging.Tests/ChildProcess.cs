using System.Diagnostics;

namespace Saltant.Packaging.Tests;

/// <summary>What a child process printed and returned, and how long it took.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Out, string Err, TimeSpan Elapsed)
{
    public override string ToString() => $"{Command}\nexit {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>
/// Runs a program with redirected output. The only limit is a hang guard: minutes beyond anything a
/// slow, loaded machine takes, so it can fire only on a child that has hung (a slow one is waited
/// for), and then the whole process tree is killed and the failure says it was the hang guard.
/// </summary>
public static class ChildProcess
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan hangGuard,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = StartInfo(fileName, arguments, workingDirectory, environment);
        var command = $"{fileName} {string.Join(' ', arguments)}";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(hangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var after = hangGuard < TimeSpan.FromMinutes(1) ? $"{hangGuard.TotalSeconds:F0} s" : $"{hangGuard.TotalMinutes:F0} min";
            throw new TimeoutException(
                $"Hang guard: {command} was still running after {after}, far longer than it takes on a slow, loaded machine, "
                + $"so it was taken to be hung and killed (this guard is not a time limit).\n--- stdout\n{await output}\n--- stderr\n{await error}");
        }
        return new ProcessResult(command, process.ExitCode, await output, await error, clock.Elapsed);
    }

    /// <summary>
    /// How every child of these tests starts: output, errors and input redirected, in
    /// <paramref name="workingDirectory"/>, with <paramref name="environment"/> applied (a null value
    /// removes the variable) over the test's own, less what `dotnet test` leaves for MSBuild.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        // A test runs under `dotnet test`, whose MSBuild leaves variables in the environment that
        // would steer a nested `dotnet pack` (MSBuildExtensionsPath, MSBUILDNOINPROCNODE, …): drop them.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>The dotnet host running these tests (so a nested command uses the same SDK install).</summary>
    public static string DotnetHost
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
            var self = Environment.ProcessPath;
            if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
            return "dotnet";
        }
    }
}
