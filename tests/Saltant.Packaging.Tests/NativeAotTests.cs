using System.Runtime.InteropServices;
using Saltant.Emulator;
using Saltant.Emulator.Worker;
using Xunit;
using Xunit.Abstractions;

namespace Saltant.Packaging.Tests;

/// <summary>
/// The client published Native AOT, as an app of a user's would be (the package's buildTransitive
/// targets in effect): tests/Saltant.NativeAot.Smoke compiled ahead of time answers every step as
/// the same app JIT-compiled does, each against a fresh emulator.
/// </summary>
[Collection(PackedCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NativeAotTests(PackedFeed packed, ITestOutputHelper output)
{
    // Hang guards only: the publish takes a minute or two (ILCompiler), more on a loaded machine.
    private static readonly TimeSpan PublishHangGuard = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan RunHangGuard = TimeSpan.FromMinutes(5);

    private const string Smoke = "Saltant.NativeAot.Smoke";

    [Fact]
    public async Task The_client_published_native_aot_answers_as_the_jit_compiled_app()
    {
        var sources = CopySources(packed.Scratch("native-aot"));
        var project = Path.Combine(sources, "tests", Smoke, Smoke + ".csproj");
        var native = Path.Combine(sources, "native");
        var jit = Path.Combine(sources, "jit");
        var rid = RuntimeInformation.RuntimeIdentifier;

        var publish = await ChildProcess.RunAsync(
            ChildProcess.DotnetHost, ["publish", project, "-c", "Release", "-r", rid, "-p:PublishAot=true", "-o", native], sources, PublishHangGuard);
        output.WriteLine($"the Native AOT publish took {publish.Elapsed.TotalSeconds:F0} s");
        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.DoesNotContain("warning", publish.Out, StringComparison.OrdinalIgnoreCase);
        var build = await ChildProcess.RunAsync(ChildProcess.DotnetHost, ["build", project, "-c", "Release", "-o", jit], sources, PublishHangGuard);
        Assert.True(build.ExitCode == 0, build.ToString());

        var nativeRun = await RunAgainstFreshEmulatorAsync(Path.Combine(native, Smoke), []);
        var jitRun = await RunAgainstFreshEmulatorAsync(ChildProcess.DotnetHost, [Path.Combine(jit, Smoke + ".dll")]);

        Assert.Equal(jitRun, nativeRun);
        Assert.Contains("types listed: smoke", nativeRun);
        Assert.Contains("instances listed: 150, 150 distinct, newest first True", nativeRun);
        Assert.Contains("instances streamed (unfinished): 150", nativeRun);
        Assert.Contains("missing instance: NotFound:", nativeRun);
        Assert.Contains("rejected queue: ValidationFailed:", nativeRun);
        Assert.Contains("settings refused: The saltant settings have 3 problems", nativeRun);
    }

    /// <summary>The app's output against an emulator of its own, its URL written as API/ so that two runs compare.</summary>
    private async Task<string> RunAgainstFreshEmulatorAsync(string program, string[] first)
    {
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual });
        var run = await ChildProcess.RunAsync(program, [.. first, emulator.ApiUrl.AbsoluteUri, emulator.User("alice").Token], AppContext.BaseDirectory, RunHangGuard);
        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Out.Replace(emulator.ApiUrl.AbsoluteUri, "API/", StringComparison.Ordinal);
    }

    /// <summary>
    /// The smoke app and what it is built from, without build outputs: publishing from the repository
    /// itself would rebuild src/*/bin under tests running beside this one.
    /// </summary>
    private string CopySources(string scratch)
    {
        var root = packed.RepositoryRoot;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "src/Directory.Build.props" })
        {
            var target = Path.Combine(scratch, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(root, file), target, overwrite: true);
        }

        foreach (var folder in new[] { "src/Saltant.Domain", "src/Saltant.Http", "src/Saltant.Client", "tests/" + Smoke })
        {
            CopyFolder(Path.Combine(root, folder), Path.Combine(scratch, folder));
        }

        return scratch;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
