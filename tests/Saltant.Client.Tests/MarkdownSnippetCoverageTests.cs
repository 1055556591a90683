using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Saltant.Client.Tests;

/// <summary>
/// No C# or F# block in the repository's Markdown escapes compilation: each carries a snippet marker
/// (compiled, or `none` with a reason), and each file with C# blocks to compile is one this
/// project compiles. The build already refuses an unmarked block in a listed file; this also
/// covers files nobody listed (a new docs page, say).
/// </summary>
public sealed partial class MarkdownSnippetCoverageTests
{
    private static readonly string[] SkippedFolders = [".git", "bin", "obj", "_site", "node_modules", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts"];

    [GeneratedRegex(@"^\s*(`{3,}|~{3,})\s*([^`\s]*)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(.*?)\s*-->\s*$")]
    private static partial Regex Marker();

    private static readonly string[] CSharp = ["csharp", "cs", "c#"];

    private static readonly string[] FSharp = ["fsharp", "fs", "f#"];

    private sealed record CodeBlock(string File, int Line, string Language, string? Marker);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Saltant.Functional.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Saltant.Functional.sln above {AppContext.BaseDirectory}.");
    }

    private static IEnumerable<string> MarkdownFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.md"))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in MarkdownFiles(child))
            {
                yield return file;
            }
        }
    }

    // Every fenced block of a C# or F# language, with the marker on the last non-blank line before it.
    private static IEnumerable<CodeBlock> CodeBlocks(string file)
    {
        var lines = File.ReadAllLines(file);
        string? previous = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                if (lines[i].Trim().Length > 0)
                {
                    previous = lines[i];
                }

                continue;
            }

            var language = fence.Groups[2].Value.ToLowerInvariant();
            var marker = previous is null ? null : Marker().Match(previous) is { Success: true } m ? m.Groups[1].Value : null;
            var start = i;
            var mark = fence.Groups[1].Value;
            for (i++; i < lines.Length && !(lines[i].Trim().Length >= mark.Length && lines[i].Trim().All(c => c == mark[0])); i++)
            {
            }

            previous = null;
            if (CSharp.Contains(language) || FSharp.Contains(language))
            {
                yield return new CodeBlock(file, start + 1, language, marker);
            }
        }
    }

    private static List<CodeBlock> AllCodeBlocks() =>
        MarkdownFiles(RepositoryRoot()).SelectMany(CodeBlocks).ToList();

    [Fact]
    public void Every_csharp_and_fsharp_block_in_the_repositorys_markdown_is_marked()
    {
        var blocks = AllCodeBlocks();

        var unmarked = blocks.Where(b => b.Marker is null).Select(b => $"{b.File}:{b.Line} ({b.Language})");
        var unexplained = blocks.Where(b => b.Marker is { } m && Regex.IsMatch(m, @"^none\s*\(\s*\)$|^none$")).Select(b => $"{b.File}:{b.Line}");

        Assert.Empty(unmarked);
        Assert.Empty(unexplained);
        Assert.Contains(blocks, b => Path.GetFileName(b.File) == "README.md" && b.Marker is { } m && !m.StartsWith("none", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_markdown_file_with_csharp_blocks_to_compile_is_compiled_here()
    {
        var compiled = typeof(MarkdownSnippetCoverageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == "MarkdownSnippetFile")
            .Select(a => Path.GetFullPath(a.Value!))
            .ToHashSet();
        var toCompile = AllCodeBlocks()
            .Where(b => CSharp.Contains(b.Language) && b.Marker is { } m && !m.StartsWith("none", StringComparison.Ordinal))
            .Select(b => Path.GetFullPath(b.File))
            .ToHashSet();

        Assert.NotEmpty(toCompile);
        Assert.Empty(toCompile.Except(compiled));
    }
}
