namespace Saltant.Domain.Tests.Corpus;

/// <summary>Where the recorded corpus lives: the copy beside the tests, the repository copy, and the shared original.</summary>
public static class CorpusFiles
{
    private static readonly Lazy<IReadOnlyList<Exchange>> Loaded = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "exchanges.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(Exchange.Parse)
            .ToList());

    /// <summary>Every exchange, in recording order (read from the test output's data/ folder).</summary>
    public static IReadOnlyList<Exchange> All => Loaded.Value;

    /// <summary>One exchange by its <c>seq</c>.</summary>
    public static Exchange BySeq(int seq) => All.Single(e => e.Seq == seq);

    /// <summary>The folder holding Saltant.Functional.sln, found by walking up from the test binaries.</summary>
    public static DirectoryInfo? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Saltant.Functional.sln"))) return dir;
        }

        return null;
    }
}
