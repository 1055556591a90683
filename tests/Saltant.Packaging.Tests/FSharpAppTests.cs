using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Saltant.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace Saltant.Packaging.Tests;

/// <summary>
/// The packed F# package used as an F# user would: a console app made outside the repository, that
/// references only Saltant.Client.FSharp from the packed feed (what it brings comes with it), runs
/// the README's F# example against an emulator.
/// </summary>
[Collection(PackedCollection.Name)]
[Trait("Category", "Integration")]
public sealed partial class FSharpAppTests(PackedFeed packed, ITestOutputHelper output)
{
    // Hang guards only: a restore and build of a small F# app take tens of seconds, minutes on a
    // loaded machine; a run of it takes a second. These fire only on a child that has hung.
    private static readonly TimeSpan BuildHangGuard = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RunHangGuard = TimeSpan.FromMinutes(5);

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*pipeline\s+(?<parameters>.*?)\s+returns\s+(?<returns>\w+)\s*-->\s*$")]
    private static partial Regex PipelineMarker();

    [GeneratedRegex(@"^open\s+\S+")]
    private static partial Regex OpenLine();

    /// <summary>
    /// The README's F# pipeline block as a program: its `open` lines on top, the block as the body
    /// of a function taking the marker's parameters (as the test projects' snippet compiler makes
    /// it), and a main that runs it on the URL and token it is given.
    /// </summary>
    private string ReadmeProgram()
    {
        var lines = File.ReadAllLines(Path.Combine(packed.RepositoryRoot, "README.md"));
        var section = Array.FindIndex(lines, l => l.Trim() == "## Using it from F#");
        Assert.True(section >= 0, "the README has no '## Using it from F#' section");
        var markerAt = Array.FindIndex(lines, section, l => PipelineMarker().IsMatch(l));
        Assert.True(markerAt > section, "the F# section has no 'snippet: pipeline' block");
        var marker = PipelineMarker().Match(lines[markerAt]);
        var fence = Array.FindIndex(lines, markerAt + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        Assert.Equal("```fsharp", lines[fence].Trim());
        var end = Array.FindIndex(lines, fence + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        var block = lines[(fence + 1)..end];

        var opens = block.TakeWhile(l => OpenLine().IsMatch(l) || l.Trim().Length == 0).ToList();
        var body = block.Skip(opens.Count);
        var program = new StringBuilder();
        program.AppendLine("module Program").AppendLine();
        foreach (var open in opens.Where(l => l.Trim().Length > 0)) program.AppendLine(open);
        program.AppendLine()
            .AppendLine($"let pipeline {marker.Groups["parameters"].Value} =")
            .AppendLine("    task {");
        foreach (var line in body) program.AppendLine(line.Length == 0 ? "" : "        " + line);
        program.AppendLine($"        return {marker.Groups["returns"].Value}")
            .AppendLine("    }")
            .AppendLine()
            .AppendLine("[<EntryPoint>]")
            .AppendLine("let main argv =")
            .AppendLine("    let result = (pipeline argv.[0] argv.[1] System.Threading.CancellationToken.None).GetAwaiter().GetResult()")
            .AppendLine("    if result.IsSucc then 0 else 1");
        return program.ToString();
    }

    /// <summary>Where NuGet keeps the packages this machine has restored: the app's only source besides the packed feed.</summary>
    private static async Task<string> GlobalPackagesAsync(string scratch)
    {
        var locals = await ChildProcess.RunAsync(ChildProcess.DotnetHost, ["nuget", "locals", "global-packages", "--list"], scratch, RunHangGuard);
        Assert.True(locals.ExitCode == 0, locals.ToString());
        var line = locals.Out.Split('\n').Single(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        return line["global-packages:".Length..].Trim();
    }

    [Fact]
    public async Task An_FSharp_app_on_the_packed_FSharp_package_runs_the_README_example_against_an_emulator()
    {
        var scratch = packed.Scratch("fsharp-app");
        var app = Directory.CreateDirectory(Path.Combine(scratch, "app")).FullName;

        // Outside the repository, and stopping MSBuild's search for Directory.* files here.
        File.WriteAllText(Path.Combine(scratch, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(scratch, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(scratch, "Directory.Packages.props"), "<Project />");

        // Saltant.* only from the packed feed; what they depend on (LanguageExt.Core, FSharp.Core,
        // Microsoft.Extensions.*) from the packages this machine has restored, no network needed.
        var globalPackages = await GlobalPackagesAsync(scratch);
        File.WriteAllText(Path.Combine(scratch, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{packed.Feed}" />
                <add key="restored" value="{globalPackages}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="packed">
                  <package pattern="Saltant.*" />
                </packageSource>
                <packageSource key="restored">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.fsproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="Program.fs" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="Saltant.Client.FSharp" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        var program = ReadmeProgram();
        File.WriteAllText(Path.Combine(app, "Program.fs"), program);

        // A private package cache: the global one must never keep a stale Saltant.* of this version.
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(scratch, "packages") };
        var build = await ChildProcess.RunAsync(
            ChildProcess.DotnetHost, ["build", app, "-c", "Release", "-o", Path.Combine(scratch, "out")], scratch, BuildHangGuard, environment);
        output.WriteLine($"dotnet build of the F# app took {build.Elapsed.TotalSeconds:F1} s");
        Assert.True(build.ExitCode == 0, $"{build}\n--- Program.fs\n{program}");

        // Only the package was referenced; the rest came with it, and the Saltant.* from the packed feed.
        var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        foreach (var id in new[] { "Saltant.Client.FSharp", "Saltant.Client", "Saltant.Http", "Saltant.Domain", "LanguageExt.Core" })
            Assert.Contains($"\"{id}/", assets);
        Assert.DoesNotContain("\"Saltant.Emulator/", assets);
        var restored = Path.Combine(scratch, "packages", "saltant.client.fsharp", packed.Version, $"saltant.client.fsharp.{packed.Version}.nupkg");
        Assert.Equal(await File.ReadAllBytesAsync(packed.Nupkg("Saltant.Client.FSharp")), await File.ReadAllBytesAsync(restored));

        await using var emulator = await SaltantEmulator.StartAsync();
        var dll = Path.Combine(scratch, "out", "App.dll");
        var run = await ChildProcess.RunAsync(
            ChildProcess.DotnetHost, [dll, emulator.ApiUrl.AbsoluteUri, emulator.User("alice").Token], scratch, RunHangGuard);
        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        // The README prints each finished instance: its UUID and its state.
        var printed = Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} successful$", printed);
        Assert.Equal(1, emulator.Requests.Count("POST", "executabletaskinstances/"));

        // Run again: the task type "echo" exists now, so the server refuses the first create and
        // the README's Invalid branch prints the field at fault.
        var again = await ChildProcess.RunAsync(
            ChildProcess.DotnetHost, [dll, emulator.ApiUrl.AbsoluteUri, emulator.User("alice").Token], scratch, RunHangGuard);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Empty(again.Out.Trim());
        Assert.StartsWith("name: ", again.Err.Trim(), StringComparison.Ordinal);

        // Bad settings: every problem printed, nothing sent.
        var requests = emulator.Requests.Count("GET", "users/");
        var misconfigured = await ChildProcess.RunAsync(ChildProcess.DotnetHost, [dll, "saltant.example.org/api/", "  "], scratch, RunHangGuard);
        Assert.True(misconfigured.ExitCode == 1, misconfigured.ToString());
        Assert.Equal(
            ["fix ApiRoot", "fix Authentication.Key"],
            misconfigured.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[0]));
        Assert.Equal(requests, emulator.Requests.Count("GET", "users/"));
    }

    [Fact]
    public void The_FSharp_package_depends_on_the_client_and_the_lowest_FSharp_Core_it_builds_with()
    {
        using var package = ZipFile.OpenRead(packed.Nupkg("Saltant.Client.FSharp"));
        var entry = package.GetEntry("Saltant.Client.FSharp.nuspec");
        Assert.NotNull(entry);
        using var stream = entry.Open();
        var dependencies = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
        Assert.Equal(packed.Version, dependencies["Saltant.Client"]);
        Assert.Equal("6.0.0", dependencies["FSharp.Core"]);
        Assert.Equal(["FSharp.Core", "Saltant.Client"], dependencies.Keys.Order(StringComparer.Ordinal));
    }
}
