using System.Xml.Linq;
using Xunit;

namespace Saltant.Packaging.Tests;

/// <summary>Which projects `dotnet pack Saltant.Functional.sln` packs: the ones under src/, never tests, benches or samples.</summary>
public sealed class PackabilityTests
{
    private static string RepositoryRoot() => PackedFeed.FindRepositoryRoot();

    private static string? IsPackable(string project) =>
        XDocument.Load(project).Descendants().LastOrDefault(e => e.Name.LocalName == "IsPackable")?.Value;

    private static IEnumerable<string> Projects(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), folder), "*.*proj", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    [Fact]
    public void Projects_are_not_packable_unless_they_say_so()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Build.props"));
        Assert.Equal("false", props.Descendants("IsPackable").Single().Value);
    }

    [Fact]
    public void Every_project_under_src_is_packable_and_is_one_the_packaging_tests_pack()
    {
        var projects = Projects("src").ToList();
        Assert.All(projects, project => Assert.Equal("true", IsPackable(project)));
        Assert.Equal(
            PackedFeed.PackageIds.Order(StringComparer.Ordinal),
            projects.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("tests")]
    [InlineData("bench")]
    [InlineData("samples")]
    public void No_test_bench_or_sample_project_is_packable(string folder)
    {
        var projects = Projects(folder).ToList();
        Assert.NotEmpty(projects);
        Assert.All(projects, project => Assert.NotEqual("true", IsPackable(project)));
    }
}
