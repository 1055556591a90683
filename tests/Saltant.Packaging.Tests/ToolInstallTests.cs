using System.Diagnostics;
using System.Text.Json;
using Saltant.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace Saltant.Packaging.Tests;

/// <summary>The packed tool, installed with `dotnet tool install` into a temporary folder and run.</summary>
[Collection(PackedCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ToolInstallTests(PackedFeed packed, ITestOutputHelper output)
{
    // Hang guards only: a run of the tool takes well under a second, seconds on a loaded machine;
    // these fire only on a child that has hung.
    private static readonly TimeSpan ToolRunHangGuard = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan EmulatorStartHangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_installed_tool_is_this_platforms_package_and_prints_the_version_and_lists_the_emulators_users()
    {
        var tool = await ToolInstall.InstallAsync(packed, "install", output);

        // The pointer package sends linux-x64 to the Native AOT package and every other platform to the framework-dependent one.
        if (PackedFeed.HasNativeTool)
        {
            Assert.Contains($"saltant.cli.{PackedFeed.NativeToolRuntimeIdentifier}", tool.Resolved, StringComparison.Ordinal);
            var head = new byte[4];
            using (var file = File.OpenRead(tool.Resolved)) file.ReadExactly(head);
            Assert.Equal("\u007fELF"u8.ToArray(), head);   // a native executable, not an apphost beside a saltant.dll
            Assert.False(File.Exists(Path.Combine(tool.Folder, "saltant.dll")));
            Assert.True(File.Exists(Path.Combine(tool.Folder, "emulator", "saltant.dll")));   // the framework-dependent build, for the emulator
            var config = File.ReadAllText(Path.Combine(tool.Folder, "emulator", "saltant.runtimeconfig.json"));
            Assert.Contains("Microsoft.AspNetCore.App", config, StringComparison.Ordinal);
            Assert.DoesNotContain("10.0.1", config, StringComparison.Ordinal);   // any 10.0 runtime, not the packing SDK's newest patch
        }
        else
        {
            Assert.Contains("saltant.cli.any", tool.Resolved, StringComparison.Ordinal);
        }

        var version = await ChildProcess.RunAsync(tool.Command, ["--version"], tool.Home, ToolRunHangGuard, ToolInstall.Environment(tool.Home));
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal(packed.Version, version.Out.Trim());

        await using var emulator = await SaltantEmulator.StartAsync();
        var list = await ChildProcess.RunAsync(
            tool.Command,
            ["users", "list", "--output", "json"],
            tool.Home,
            ToolRunHangGuard,
            ToolInstall.Environment(tool.Home, new Dictionary<string, string?>
            {
                ["SALTANT_API_URL"] = emulator.ApiUrl.ToString(),
                ["SALTANT_AUTH_TOKEN"] = emulator.User("alice").Token,
            }));
        output.WriteLine($"saltant users list took {list.Elapsed.TotalSeconds:F1} s");
        Assert.True(list.ExitCode == 0, list.ToString());

        using var json = JsonDocument.Parse(list.Out);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var usernames = json.RootElement.EnumerateArray().Select(user => user.GetProperty("username").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["admin", "alice", "bob"], usernames);
    }

    [Fact]
    public async Task The_installed_tools_emulator_command_serves_the_api_the_tool_then_reads()
    {
        var tool = await ToolInstall.InstallAsync(packed, "emulator", output);

        // The native build hands `emulator …` to the framework-dependent build beside it, help included.
        var help = await ChildProcess.RunAsync(tool.Command, ["emulator", "--help"], tool.Home, ToolRunHangGuard, ToolInstall.Environment(tool.Home));
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--time-scale", help.Out, StringComparison.Ordinal);

        var start = ChildProcess.StartInfo(tool.Command, ["emulator", "--port", "0", "--user", "carol:carol-token:carol-password"], tool.Home, ToolInstall.Environment(tool.Home));

        // The first line it prints says where it listens: "saltant emulator listening on http://127.0.0.1:PORT/api/".
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var emulator = new Process { StartInfo = start };
        emulator.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && text.Contains("listening on", StringComparison.Ordinal)) listening.TrySetResult(text.Split(' ').Last());
        };
        emulator.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text) errors.Enqueue(text);
        };
        emulator.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the emulator ended with {emulator.ExitCode}: {string.Join('\n', errors)}"));
        emulator.EnableRaisingEvents = true;
        Assert.True(emulator.Start());
        emulator.StandardInput.Close();
        emulator.BeginOutputReadLine();
        emulator.BeginErrorReadLine();
        try
        {
            var url = await listening.Task.WaitAsync(EmulatorStartHangGuard);
            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);

            var list = await ChildProcess.RunAsync(
                tool.Command,
                ["users", "list", "-q"],
                tool.Home,
                ToolRunHangGuard,
                ToolInstall.Environment(tool.Home, new Dictionary<string, string?> { ["SALTANT_API_URL"] = url, ["SALTANT_AUTH_TOKEN"] = "carol-token" }));
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.Equal("carol", list.Out.Trim());
        }
        finally
        {
            if (!emulator.HasExited) emulator.Kill(entireProcessTree: true);
            using var guard = new CancellationTokenSource(EmulatorStartHangGuard);
            await emulator.WaitForExitAsync(guard.Token);
        }
    }
}
