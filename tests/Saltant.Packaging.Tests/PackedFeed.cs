using System.Xml.Linq;
using Xunit;

namespace Saltant.Packaging.Tests;

/// <summary>
/// The packages of the packable projects, made once per build by this project's own build (the
/// PackTheSources target in Saltant.Packaging.Tests.csproj) into a folder beside the test assembly,
/// and shared by every packaging test. No test packs: a pack inside a test would build the sources a
/// second time while the surrounding `dotnet test` is building and testing the rest of the solution.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    /// <summary>The folder beside the test assembly that the build packs into.</summary>
    public const string FolderName = "packed-feed";

    /// <summary>The projects `dotnet pack Saltant.Functional.sln` packs, by package id.</summary>
    public static readonly IReadOnlyList<string> PackageIds =
    [
        "Saltant.Domain", "Saltant.Http", "Saltant.Client", "Saltant.Client.FSharp", "Saltant.Emulator",
        "Saltant.Testing", "Saltant.DependencyInjection", "Saltant.Cli",
    ];

    private readonly string _scratch = Directory.CreateTempSubdirectory("saltant-packaging-").FullName;

    public PackedFeed()
    {
        Version = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;
        Assert.True(
            Directory.Exists(Feed),
            $"No {Feed}: the build of Saltant.Packaging.Tests packs into it (target PackTheSources); build the project before testing it.");
    }

    /// <summary>The repository: the first folder above the test's output holding Saltant.Functional.sln.</summary>
    public string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The version every package has, from Directory.Build.props.</summary>
    public string Version { get; }

    /// <summary>The folder holding the .nupkg and .snupkg files.</summary>
    public string Feed { get; } = Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>A scratch folder for one test, removed with the rest.</summary>
    public string Scratch(string name) => Directory.CreateDirectory(Path.Combine(_scratch, name)).FullName;

    /// <summary>The package file of this id.</summary>
    public string Nupkg(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The symbol package file of this id.</summary>
    public string Snupkg(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (an antivirus, a dying child): the OS cleans the temp folder.
        }
    }

    internal static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Saltant.Functional.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No Saltant.Functional.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The tests that share the packed feed and its scratch folder.</summary>
[CollectionDefinition(Name)]
public sealed class PackedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
