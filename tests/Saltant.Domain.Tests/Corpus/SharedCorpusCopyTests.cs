using Xunit;
using Xunit.Abstractions;

namespace Saltant.Domain.Tests.Corpus;

/// <summary>
/// The repository's tests/data is a byte-identical copy of the shared original at
/// ../shared/saltant-api/ beside the repository. Where the original is not present (a clone on
/// its own), there is nothing to compare and the test passes with a note.
/// </summary>
public sealed class SharedCorpusCopyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("exchanges.jsonl")]
    [InlineData("README.md")]
    public void The_repository_copy_is_byte_identical_to_the_shared_original(string file)
    {
        var root = CorpusFiles.RepositoryRoot();
        Assert.NotNull(root);
        var copy = Path.Combine(root.FullName, "tests", "data", file);
        var original = Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "saltant-api", file));
        if (!File.Exists(original))
        {
            output.WriteLine($"Skipped: the shared original {original} is not present, so there is nothing to compare.");
            return;
        }

        Assert.True(File.ReadAllBytes(original).AsSpan().SequenceEqual(File.ReadAllBytes(copy)), $"{copy} differs from {original}");
    }

    [Fact]
    public void The_copy_beside_the_tests_is_the_repository_copy()
    {
        var root = CorpusFiles.RepositoryRoot();
        Assert.NotNull(root);
        var beside = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "exchanges.jsonl"));
        var copy = File.ReadAllBytes(Path.Combine(root.FullName, "tests", "data", "exchanges.jsonl"));
        Assert.True(beside.AsSpan().SequenceEqual(copy));
        Assert.Equal(227, CorpusFiles.All.Count);
    }
}
