using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace Saltant.Samples.Tests;

/// <summary>
/// The documentation site (docs/, built by DocFX) teaches what the README does: its guide articles
/// are the README's sections as docs/sync-articles writes them, every C# and F# block in them (and
/// on the landing page) is a snippet the README's tests compile and run, every resource client has
/// a page with an example (compiled and run by Saltant.Client.Tests), and the table of contents
/// lists every article.
/// </summary>
public sealed partial class DocsSiteTests
{
    private static readonly string[] GuideArticles =
        ["quickstart", "csharp", "fsharp", "configuration", "sweeps", "errors", "logging", "dependency-injection", "emulator", "cli"];

    private static readonly string[] ClientPages =
        ["users-client", "task-queues-client", "task-whitelists-client", "task-types-client", "task-instances-client"];

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(.*?)\s*-->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*(`{3,})\s*(\S*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^none \(copy of README\.md snippet ([A-Za-z_][A-Za-z0-9_]*), compiled and run from there\)$")]
    private static partial Regex CopyMarker();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex SnippetName();

    private sealed record Block(string Language, string? Marker, string Code, int Line);

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Saltant.Functional.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No Saltant.Functional.sln above {AppContext.BaseDirectory}.");
    }

    private static string Docs(params string[] parts) => Path.Combine([Root(), "docs", .. parts]);

    // Every fenced block with the marker on the last non-blank line before it.
    private static List<Block> Blocks(string file)
    {
        var lines = File.ReadAllLines(file);
        var blocks = new List<Block>();
        string? previous = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                if (lines[i].Trim().Length > 0) previous = lines[i];
                continue;
            }

            var marker = previous is not null && Marker().Match(previous) is { Success: true } m ? m.Groups[1].Value : null;
            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != fence.Groups[1].Value; i++) code.Add(lines[i]);
            blocks.Add(new Block(fence.Groups[2].Value.ToLowerInvariant(), marker, string.Join("\n", code), start + 1));
            previous = null;
        }
        return blocks;
    }

    private static bool IsCode(Block block) => block.Language is "csharp" or "cs" or "c#" or "fsharp" or "fs" or "f#";

    [Fact]
    public void The_guide_articles_and_the_error_page_are_the_readmes_sections_as_the_sync_script_writes_them()
    {
        var aside = Path.Combine(Path.GetTempPath(), "saltant-docs-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sync = Process.Start(new ProcessStartInfo("bash", [Docs("sync-articles"), aside]) { RedirectStandardError = true })!;
            var errors = sync.StandardError.ReadToEnd();
            sync.WaitForExit();
            Assert.True(sync.ExitCode == 0, errors);

            foreach (var name in GuideArticles)
            {
                var written = File.ReadAllText(Path.Combine(aside, "articles", name + ".md"));
                Assert.True(File.Exists(Docs("articles", name + ".md")), $"docs/articles/{name}.md is missing: run docs/sync-articles");
                Assert.True(written == File.ReadAllText(Docs("articles", name + ".md")), $"docs/articles/{name}.md differs from the README: run docs/sync-articles");
            }

            Assert.Equal(GuideArticles.Order(), Directory.GetFiles(Path.Combine(aside, "articles")).Select(Path.GetFileNameWithoutExtension).Order());
            Assert.True(File.ReadAllText(Path.Combine(aside, "overwrite", "SaltantError.md")) == File.ReadAllText(Docs("overwrite", "SaltantError.md")),
                "docs/overwrite/SaltantError.md differs from the README's table of errors: run docs/sync-articles");
        }
        finally
        {
            if (Directory.Exists(aside)) Directory.Delete(aside, recursive: true);
        }
    }

    [Fact]
    public void Every_code_block_of_the_guide_and_the_landing_page_is_a_snippet_the_readme_tests_compile()
    {
        var readme = Blocks(Path.Combine(Root(), "README.md"))
            .Where(b => IsCode(b) && b.Marker is { } m && !m.StartsWith("none", StringComparison.Ordinal))
            .ToDictionary(b => SnippetName().Match(b.Marker!).Value);
        var pages = GuideArticles.Select(name => Docs("articles", name + ".md")).Append(Docs("index.md"));
        var copies = 0;

        foreach (var page in pages)
        {
            foreach (var block in Blocks(page).Where(IsCode))
            {
                var where = $"{Path.GetFileName(page)}:{block.Line}";
                var copy = CopyMarker().Match(block.Marker ?? "");
                Assert.True(copy.Success, $"{where}: a guide block must be a copy of a README snippet, marked as one (found: {block.Marker ?? "no marker"})");
                var name = copy.Groups[1].Value;
                Assert.True(readme.TryGetValue(name, out var original), $"{where}: the README has no compiled snippet {name}");
                Assert.Equal(original!.Language, block.Language);
                Assert.True(original.Code == block.Code, $"{where}: differs from the README's snippet {name}");
                copies++;
            }
        }

        // The C# pipeline, task form and stream, the F# pipeline, the sweep, DI, the emulator test, and the landing page's pipeline.
        Assert.Equal(8, copies);
        Assert.Contains(readme.Values, b => b.Language == "fsharp");
    }

    [Fact]
    public void Every_resource_client_has_a_page_with_its_operations_and_a_compiled_example()
    {
        var clients = Directory.GetFiles(Path.Combine(Root(), "src", "Saltant.Client", "Resources"), "*Client.cs")
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();
        Assert.Equal(5, clients.Count);

        foreach (var client in clients)
        {
            var page = ClientPages.Select(name => Docs("articles", name + ".md")).SingleOrDefault(p => File.ReadLines(p).Skip(2).First().StartsWith($"`{client}`", StringComparison.Ordinal));
            Assert.True(page is not null, $"no page in docs/articles introduces {client}");
            var text = File.ReadAllText(page);
            Assert.Contains("| effect (`Aff`) | task form | what it does |", text, StringComparison.Ordinal);
            var example = Assert.Single(Blocks(page), b => b.Language == "csharp");
            Assert.Matches(@"^[A-Za-z]+Example\(SaltantClient client, CancellationToken cancellationToken\) returns string report$", example.Marker ?? "");
        }
    }

    [Fact]
    public void The_table_of_contents_lists_every_article_and_the_site_opens_on_the_guide()
    {
        var toc = File.ReadAllText(Docs("articles", "toc.yml"));
        foreach (var article in Directory.GetFiles(Docs("articles"), "*.md").Select(Path.GetFileName))
        {
            Assert.Contains($"href: {article}", toc, StringComparison.Ordinal);
        }
        Assert.Equal(GuideArticles.Length + ClientPages.Length, Directory.GetFiles(Docs("articles"), "*.md").Length);

        var site = File.ReadAllText(Docs("toc.yml"));
        Assert.Contains("href: articles/", site, StringComparison.Ordinal);
        Assert.Contains("href: api/", site, StringComparison.Ordinal);
        var landing = File.ReadAllText(Docs("index.md"));
        foreach (var article in GuideArticles.Concat(ClientPages))
        {
            Assert.Contains($"(articles/{article}.md", landing, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_readme_packed_into_every_package_has_no_relative_links()
    {
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md"));

        var targets = Regex.Matches(readme, @"\]\(([^)\s]+)\)|\b(?:href|src)=""([^""]+)""")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .ToList();

        Assert.All(targets, target => Assert.Matches(@"^(https?://|#)", target));
    }
}
