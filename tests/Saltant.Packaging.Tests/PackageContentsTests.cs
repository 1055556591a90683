using System.IO.Compression;
using System.Xml.Linq;
using Xunit;

namespace Saltant.Packaging.Tests;

/// <summary>What each package carries: identity, description, licence, README, tags, repository, XML docs, symbols.</summary>
[Collection(PackedCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PackageContentsTests(PackedFeed packed)
{
    public static TheoryData<string> Ids => new(PackedFeed.PackageIds.Concat(PackedFeed.PlatformPackageIds));

    public static TheoryData<string> SymbolIds => new(PackedFeed.PackageIds.Where(id => id != "Saltant.Cli").Concat(PackedFeed.PlatformPackageIds));

    public static TheoryData<string> LibraryIds => new(PackedFeed.PackageIds.Where(id => id != "Saltant.Cli"));

    private static XElement Metadata(ZipArchive package, string id)
    {
        var entry = package.GetEntry($"{id}.nuspec");
        Assert.NotNull(entry);
        using var stream = entry.Open();
        var nuspec = XDocument.Load(stream);
        return nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    private static IReadOnlyList<string> Entries(string path)
    {
        using var package = ZipFile.OpenRead(path);
        return package.Entries.Select(e => e.FullName).ToList();
    }

    [Fact]
    public void The_pack_makes_a_package_and_a_symbol_package_for_each_packable_project_and_the_tools_platform_package_and_nothing_else()
    {
        // The tool's pointer package holds no assemblies, so it has no symbol package; its
        // framework-dependent platform package has one. (The Native AOT one is packed by the tests that install the tool.)
        var expected = PackedFeed.PackageIds.Concat(PackedFeed.PlatformPackageIds)
            .SelectMany(id => id == "Saltant.Cli" ? [$"{id}.{packed.Version}.nupkg"] : new[] { $"{id}.{packed.Version}.nupkg", $"{id}.{packed.Version}.snupkg" })
            .Order(StringComparer.Ordinal);
        var made = Directory.EnumerateFiles(packed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, made);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_package_has_its_id_version_description_licence_readme_tags_and_repository_type(string id)
    {
        using var package = ZipFile.OpenRead(packed.Nupkg(id));
        var metadata = Metadata(package, id);

        Assert.Equal(id, Child(metadata, "id")?.Value);
        Assert.Equal(packed.Version, Child(metadata, "version")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Child(metadata, "description")?.Value));
        Assert.NotEqual("Package Description", Child(metadata, "description")?.Value);   // the SDK's placeholder
        Assert.Equal("Saltant.Functional contributors", Child(metadata, "authors")?.Value);

        var license = Child(metadata, "license");
        Assert.NotNull(license);
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", Child(metadata, "readme")?.Value);
        var readme = package.GetEntry("README.md");
        Assert.NotNull(readme);
        using (var reader = new StreamReader(readme.Open()))
        {
            var text = reader.ReadToEnd();
            Assert.StartsWith("# Saltant.Functional", text);
            // A package page shows the README without the repository: a relative link would lead nowhere.
            var relative = System.Text.RegularExpressions.Regex.Matches(text, @"\]\(([^)\s]+)\)|\b(?:href|src)=""([^""]+)""")
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                .Where(target => !target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith("http://", StringComparison.Ordinal) && !target.StartsWith('#'));
            Assert.Empty(relative);
        }

        Assert.Contains("saltant", (Child(metadata, "tags")?.Value ?? "").Split(' '));

        // SourceLink-ready: the repository element is there; packed in a git checkout it names the
        // commit (its url appears once the repository has a remote; a tarball of the sources has
        // no .git, and then no commit either).
        var repository = Child(metadata, "repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        if (Path.Exists(Path.Combine(packed.RepositoryRoot, ".git")))
            Assert.Matches("^[0-9a-f]{40}$", repository?.Attribute("commit")?.Value ?? "");
    }

    [Theory]
    [MemberData(nameof(LibraryIds))]
    public void Each_library_package_has_its_assembly_and_xml_docs_and_no_pdb(string id)
    {
        var entries = Entries(packed.Nupkg(id));
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));   // those go in the .snupkg
    }

    [Fact]
    public void The_tool_package_is_a_pointer_to_the_native_package_for_linux_x64_and_the_framework_dependent_one_elsewhere()
    {
        using var package = ZipFile.OpenRead(packed.Nupkg("Saltant.Cli"));
        var metadata = Metadata(package, "Saltant.Cli");
        Assert.Equal("DotnetTool", Child(metadata, "packageTypes")?.Elements().Single().Attribute("name")?.Value);
        Assert.Null(Child(metadata, "dependencies"));
        Assert.DoesNotContain(package.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));   // no implementation of its own

        var settings = package.GetEntry("tools/any/any/DotnetToolSettings.xml");
        Assert.NotNull(settings);
        using var stream = settings.Open();
        var document = XDocument.Load(stream);
        Assert.Equal("saltant", document.Descendants("Command").Single().Attribute("Name")?.Value);
        var platforms = document.Descendants("RuntimeIdentifierPackage").Select(p => (p.Attribute("RuntimeIdentifier")?.Value, p.Attribute("Id")?.Value));
        Assert.Equal([("linux-x64", "Saltant.Cli.linux-x64"), ("any", "Saltant.Cli.any")], platforms);
        Assert.Equal(PackedFeed.NativeToolRuntimeIdentifiers, platforms.Select(p => p.Item1).Where(rid => rid != "any"));
    }

    [Fact]
    public void The_framework_dependent_tool_package_is_a_dotnet_tool_named_saltant_with_its_dependencies_and_the_emulator_inside()
    {
        using var package = ZipFile.OpenRead(packed.Nupkg("Saltant.Cli.any"));
        var metadata = Metadata(package, "Saltant.Cli.any");
        Assert.Equal("DotnetToolRidPackage", Child(metadata, "packageTypes")?.Elements().Single().Attribute("name")?.Value);
        Assert.Null(Child(metadata, "dependencies"));   // a tool carries what it needs

        var entries = package.Entries.Select(e => e.FullName).ToList();
        foreach (var file in new[] { "saltant.dll", "saltant.xml", "Saltant.Client.dll", "Saltant.Http.dll", "Saltant.Domain.dll", "Saltant.Emulator.dll", "LanguageExt.Core.dll", "System.CommandLine.dll", "Spectre.Console.dll" })
            Assert.Contains($"tools/net10.0/any/{file}", entries);

        var settings = package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml");
        Assert.NotNull(settings);
        using (var stream = settings.Open())
        {
            var command = XDocument.Load(stream).Descendants("Command").Single();
            Assert.Equal("saltant", command.Attribute("Name")?.Value);
            Assert.Equal("saltant.dll", command.Attribute("EntryPoint")?.Value);
        }

        // The emulator's Kestrel needs the ASP.NET Core shared framework named in the runtime config,
        // and the tool runs on any 10.0 runtime, not only the newest patch the packing SDK knew.
        using var config = new StreamReader(package.GetEntry("tools/net10.0/any/saltant.runtimeconfig.json")!.Open());
        var frameworks = System.Text.Json.JsonDocument.Parse(config.ReadToEnd()).RootElement.GetProperty("runtimeOptions").GetProperty("frameworks")
            .EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("version").GetString()));
        Assert.Equal([("Microsoft.NETCore.App", "10.0.0"), ("Microsoft.AspNetCore.App", "10.0.0")], frameworks);
    }

    /// <summary>The libraries every call runs through, packed with ReadyToRun code for linux-x64 (src/ReadyToRun.targets).</summary>
    private static readonly string[] ReadyToRunIds = ["Saltant.Domain", "Saltant.Http", "Saltant.Client"];

    [Theory]
    [MemberData(nameof(LibraryIds))]
    public void The_libraries_every_call_runs_through_carry_ReadyToRun_code_for_linux_x64_whose_symbols_still_match(string id)
    {
        using var package = ZipFile.OpenRead(packed.Nupkg(id));
        using var image = new MemoryStream();
        using (var entry = package.GetEntry($"lib/net10.0/{id}.dll")!.Open())
        {
            entry.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(image);
        var readyToRun = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        // Only a linux-x64 SDK makes the image (crossgen2 compiles for the platform it runs on, like ILCompiler).
        Assert.Equal(ReadyToRunIds.Contains(id) && PackedFeed.NativeToolRuntimeIdentifier == "linux-x64", readyToRun);
        Assert.True(pe.HasMetadata);   // the IL and metadata are there either way: every platform reads the assembly
        if (readyToRun)
        {
            // The AMD64 machine with the Linux bit the runtime checks, so other platforms run the IL.
            Assert.Equal((System.Reflection.PortableExecutable.Machine)((ushort)System.Reflection.PortableExecutable.Machine.Amd64 ^ 0x7B79), pe.PEHeaders.CoffHeader.Machine);
        }

        // The debug record still names the pdb of the symbol package: debuggers and symbol servers match them by it.
        var codeView = pe.ReadCodeViewDebugDirectoryData(pe.ReadDebugDirectory().Single(d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.CodeView));
        using var symbols = ZipFile.OpenRead(packed.Snupkg(id));
        using var pdb = new MemoryStream();
        using (var entry = symbols.GetEntry($"lib/net10.0/{id}.pdb")!.Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(pdb);
        var pdbId = provider.GetMetadataReader().DebugMetadataHeader!.Id;
        Assert.Equal(codeView.Guid, new Guid(pdbId.AsSpan(0, 16)));
    }

    [Theory]
    [MemberData(nameof(SymbolIds))]
    public void Each_symbol_package_has_the_portable_pdb_of_its_assembly(string id)
    {
        var entries = Entries(packed.Snupkg(id));
        var pdb = id == "Saltant.Cli.any" ? "tools/net10.0/any/saltant.pdb" : $"lib/net10.0/{id}.pdb";
        Assert.Contains(pdb, entries);
        using var package = ZipFile.OpenRead(packed.Snupkg(id));
        using var stream = package.GetEntry(pdb)!.Open();
        var signature = new byte[4];
        stream.ReadExactly(signature);
        Assert.Equal("BSJB"u8.ToArray(), signature);   // a portable pdb (ECMA-335 metadata), what snupkg requires
    }
}
