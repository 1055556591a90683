using Xunit;
using Xunit.Abstractions;

namespace Saltant.Packaging.Tests;

/// <summary>The tool installed with `dotnet tool install` into a folder of its own: the command, a home for it, and the file the command resolves to.</summary>
public sealed record InstalledTool(string Command, string Home, string Resolved)
{
    /// <summary>The folder of the platform package's files the command runs from.</summary>
    public string Folder => Path.GetDirectoryName(Resolved)!;
}

/// <summary>Installs the packed tool as a user would, from the packed feeds only.</summary>
public static class ToolInstall
{
    // Hang guards only: an install (one restore from the local feed) takes seconds, a minute or so on a
    // loaded machine; the native pack takes minutes. These fire only on a child that has hung.
    private static readonly TimeSpan InstallHangGuard = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Installs Saltant.Cli into a scratch folder of <paramref name="name"/>: the pointer package and
    /// Saltant.Cli.any from the build's feed, and on a platform with one the Native AOT package,
    /// packed first (once for every test).
    /// </summary>
    public static async Task<InstalledTool> InstallAsync(PackedFeed packed, string name, ITestOutputHelper output)
    {
        var nativePack = await packed.NativeToolPackAsync();
        if (nativePack is not null)
        {
            output.WriteLine($"the Native AOT pack took {nativePack.Elapsed.TotalSeconds:F0} s (once for every test)");
            Assert.True(nativePack.ExitCode == 0, nativePack.ToString());
            Assert.DoesNotContain("warning", nativePack.Out, StringComparison.OrdinalIgnoreCase);
        }

        var scratch = packed.Scratch(name);
        var tools = Path.Combine(scratch, "tools");
        // Only the packed feeds as sources: a tool package carries its dependencies, so nothing else
        // is needed, and a package of the same id on nuget.org can never be picked instead.
        var native = nativePack is null ? "" : $"""<add key="native" value="{packed.NativeFeed}" />""";
        var config = Path.Combine(scratch, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{packed.Feed}" />
                {native}
              </packageSources>
            </configuration>
            """);
        var install = await ChildProcess.RunAsync(
            ChildProcess.DotnetHost,
            ["tool", "install", "Saltant.Cli", "--tool-path", tools, "--configfile", config, "--version", packed.Version],
            scratch,
            InstallHangGuard,
            // A private package cache: the global one must never keep a stale Saltant.Cli of this version.
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(scratch, "packages") });
        output.WriteLine($"dotnet tool install took {install.Elapsed.TotalSeconds:F1} s");
        Assert.True(install.ExitCode == 0, install.ToString());

        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "saltant.exe" : "saltant");
        Assert.True(File.Exists(command), $"no {command} after\n{install}");
        var resolved = new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command;
        return new InstalledTool(command, Directory.CreateDirectory(Path.Combine(scratch, "home")).FullName, resolved);
    }

    /// <summary>
    /// The environment of the installed tool: no SALTANT_* of the machine running the tests, a home
    /// and config directory with no config file, and the runtime the tests run on.
    /// </summary>
    public static Dictionary<string, string?> Environment(string home, IReadOnlyDictionary<string, string?>? saltant = null)
    {
        var environment = System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
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
}
