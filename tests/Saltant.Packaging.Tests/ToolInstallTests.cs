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
    // Hang guards only: an install (one restore from the local feed) and a run of the tool take
    // seconds, a minute or so on a loaded machine; these fire only on a child that has hung.
    private static readonly TimeSpan ToolInstallHangGuard = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ToolRunHangGuard = TimeSpan.FromMinutes(5);

    /// <summary>Installs the tool once per test into its own folder and returns the path of the `saltant` command.</summary>
    private async Task<(string Command, string Home)> InstallAsync(string name)
    {
        var scratch = packed.Scratch(name);
        var tools = Path.Combine(scratch, "tools");
        // Only the packed feed as a source: a tool package carries its dependencies, so nothing else
        // is needed, and a package of the same id on nuget.org can never be picked instead.
        var config = Path.Combine(scratch, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{packed.Feed}" />
              </packageSources>
            </configuration>
            """);
        var install = await ChildProcess.RunAsync(
            ChildProcess.DotnetHost,
            ["tool", "install", "Saltant.Cli", "--tool-path", tools, "--add-source", packed.Feed, "--configfile", config, "--version", packed.Version],
            scratch,
            ToolInstallHangGuard,
            // A private package cache: the global one must never keep a stale Saltant.Cli of this version.
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(scratch, "packages") });
        output.WriteLine($"dotnet tool install took {install.Elapsed.TotalSeconds:F1} s");
        Assert.True(install.ExitCode == 0, install.ToString());

        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "saltant.exe" : "saltant");
        Assert.True(File.Exists(command), $"no {command} after\n{install}");
        return (command, Directory.CreateDirectory(Path.Combine(scratch, "home")).FullName);
    }

    /// <summary>
    /// The environment of the installed tool: no SALTANT_* of the machine running the tests, a home
    /// and config directory with no config file, and the runtime the tests run on.
    /// </summary>
    private static Dictionary<string, string?> ToolEnvironment(string home, IReadOnlyDictionary<string, string?>? saltant = null)
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("SALTANT_", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, _ => (string?)null);
        environment["HOME"] = home;
        environment["USERPROFILE"] = home;
        environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        environment["NO_COLOR"] = "1";
        var dotnet = ChildProcess.DotnetHost;
        if (Path.IsPathRooted(dotnet)) environment["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet);
        foreach (var (name, value) in saltant ?? new Dictionary<string, string?>()) environment[name] = value;
        return environment;
    }

    [Fact]
    public async Task The_installed_tool_prints_the_package_version_and_lists_the_emulators_users()
    {
        var (saltant, home) = await InstallAsync("install");

        var version = await ChildProcess.RunAsync(saltant, ["--version"], home, ToolRunHangGuard, ToolEnvironment(home));
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal(packed.Version, version.Out.Trim());

        await using var emulator = await SaltantEmulator.StartAsync();
        var list = await ChildProcess.RunAsync(
            saltant,
            ["users", "list", "--output", "json"],
            home,
            ToolRunHangGuard,
            ToolEnvironment(home, new Dictionary<string, string?>
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
}
