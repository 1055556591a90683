using System.Runtime.InteropServices;
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

    /// <summary>
    /// What the build packs besides those: the tool's framework-dependent platform package (the
    /// project's package, Saltant.Cli, is the pointer to the platform packages).
    /// </summary>
    public static readonly IReadOnlyList<string> PlatformPackageIds = ["Saltant.Cli.any"];

    /// <summary>The platforms the tool has a Native AOT package for (its ToolPackageRuntimeIdentifiers, less any).</summary>
    public static readonly IReadOnlyList<string> NativeToolRuntimeIdentifiers = ["linux-x64"];

    // Hang guard only: the Native AOT pack takes two or three minutes (ILCompiler), more on a loaded machine.
    private static readonly TimeSpan NativePackHangGuard = TimeSpan.FromMinutes(20);

    private readonly string _scratch = Directory.CreateTempSubdirectory("saltant-packaging-").FullName;
    private readonly Lazy<Task<ProcessResult?>> _nativePack;

    public PackedFeed()
    {
        Version = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;
        Assert.True(
            Directory.Exists(Feed),
            $"No {Feed}: the build of Saltant.Packaging.Tests packs into it (target PackTheSources); build the project before testing it.");
        NativeFeed = Path.Combine(_scratch, "native-feed");
        _nativePack = new Lazy<Task<ProcessResult?>>(PackNativeToolAsync);
    }

    /// <summary>The folder the native tool package is packed into (see <see cref="PackNativeToolAsync"/>).</summary>
    public string NativeFeed { get; }

    /// <summary>
    /// This machine's portable platform name when it has a Native AOT tool package (packed for the
    /// tests that install the tool), else null. Portable: a distribution's own build of .NET reports
    /// a RID such as ubuntu.24.04-x64, and a musl Linux is not linux-x64.
    /// </summary>
    public static string? NativeToolRuntimeIdentifier { get; } =
        OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64 && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal)
            ? NativeToolRuntimeIdentifiers.FirstOrDefault(rid => rid == "linux-x64")
            : null;

    /// <summary>Whether this machine's platform has a Native AOT tool package.</summary>
    public static bool HasNativeTool => NativeToolRuntimeIdentifier is not null;

    /// <summary>
    /// The pack of Saltant.Cli.&lt;this platform&gt; (Native AOT), made once for every test that needs
    /// it, or null on a platform without one (the tool installs as Saltant.Cli.any there). It is
    /// not part of the build's pack, which would put an ILCompiler run into every build of this
    /// project; it packs from a copy of the sources, since packing in the repository would rebuild
    /// src/*/bin under tests running beside these.
    /// </summary>
    public Task<ProcessResult?> NativeToolPackAsync() => _nativePack.Value;

    private async Task<ProcessResult?> PackNativeToolAsync()
    {
        if (NativeToolRuntimeIdentifier is not { } rid) return null;
        var sources = CopySources(Scratch("native-tool-sources"), ["src/Saltant.Domain", "src/Saltant.Http", "src/Saltant.Client", "src/Saltant.Emulator", "src/Saltant.Cli"]);
        return await ChildProcess.RunAsync(
            ChildProcess.DotnetHost,
            // No build servers left behind: the MSBuild nodes and compiler server would outlive the test run.
            ["pack", Path.Combine(sources, "src", "Saltant.Cli", "Saltant.Cli.csproj"), "-c", "Release", "-r", rid, "-o", NativeFeed, "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            sources,
            NativePackHangGuard);
    }

    /// <summary>The shared build files and these folders of the repository, without build outputs, under <paramref name="scratch"/>.</summary>
    public string CopySources(string scratch, IEnumerable<string> folders)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "README.md", "src/Directory.Build.props", "src/ReadyToRun.targets" })
        {
            var target = Path.Combine(scratch, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepositoryRoot, file), target, overwrite: true);
        }

        foreach (var folder in folders)
        {
            CopyFolder(Path.Combine(RepositoryRoot, folder), Path.Combine(scratch, folder));
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
