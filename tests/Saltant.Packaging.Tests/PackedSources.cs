using System.Xml.Linq;
using Xunit;

namespace Saltant.Packaging.Tests;

/// <summary>
/// The packable projects packed once for the whole collection. The sources (src/, the root
/// Directory.*.props, global.json, README.md) are copied to a temporary folder and packed there, so
/// the nested build never touches the repository's own bin/ and obj/, which the surrounding
/// `dotnet test` of the solution may be building at the same moment.
/// </summary>
public sealed class PackedSources : IAsyncLifetime
{
    /// <summary>The projects `dotnet pack Saltant.Functional.sln` packs, by package id.</summary>
    public static readonly IReadOnlyList<string> PackageIds =
    [
        "Saltant.Domain", "Saltant.Http", "Saltant.Client", "Saltant.Emulator",
        "Saltant.Testing", "Saltant.DependencyInjection", "Saltant.Cli",
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("saltant-packaging-").FullName;

    /// <summary>The repository: the first folder above the test's output holding Saltant.Functional.sln.</summary>
    public string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The version every package has, from Directory.Build.props.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The folder holding the .nupkg and .snupkg files.</summary>
    public string Feed => Path.Combine(_root, "feed");

    /// <summary>A scratch folder for one test, removed with the rest.</summary>
    public string Scratch(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    /// <summary>The `dotnet pack` run, for timing and diagnostics.</summary>
    public ProcessResult Pack { get; private set; } = null!;

    /// <summary>The package file of this id.</summary>
    public string Nupkg(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The symbol package file of this id.</summary>
    public string Snupkg(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    public async Task InitializeAsync()
    {
        Version = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;

        var sources = Path.Combine(_root, "sources");
        Directory.CreateDirectory(sources);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("Directory.", StringComparison.Ordinal) || name is "global.json" or "README.md" or ".editorconfig"
                || name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
                File.Copy(file, Path.Combine(sources, name));
        }
        CopySources(Path.Combine(RepositoryRoot, "src"), Path.Combine(sources, "src"));

        // One solution of the packable projects: one restore, one build of each, one pack each.
        var solution = new XElement("Solution",
            PackageIds.Select(id => new XElement("Project", new XAttribute("Path", $"src/{id}/{id}.csproj"))));
        solution.Save(Path.Combine(sources, "pack.slnx"));

        Pack = await ChildProcess.RunAsync(
            ChildProcess.DotnetHost,
            ["pack", "pack.slnx", "-c", "Release", "-o", Feed, "--disable-build-servers", "-nologo", "-v:minimal"],
            sources,
            TimeSpan.FromMinutes(3));
        Assert.True(Pack.ExitCode == 0, Pack.ToString());
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (an antivirus, a dying child): the OS cleans the temp folder.
        }
        return Task.CompletedTask;
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj") continue;
            CopySources(directory, Path.Combine(to, name));
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Saltant.Functional.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No Saltant.Functional.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The tests that share one pack (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PackedCollection : ICollectionFixture<PackedSources>
{
    public const string Name = "packed sources";
}
