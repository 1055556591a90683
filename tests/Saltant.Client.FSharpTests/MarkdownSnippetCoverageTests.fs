namespace Saltant.Client.FSharpTests

open System
open System.IO
open System.Reflection
open System.Text.RegularExpressions
open Xunit

/// Every Markdown file in the repository with F# blocks to compile is one this project compiles.
/// (That no C# or F# block is left unmarked is checked in Saltant.Client.Tests, and by the build.)
type MarkdownSnippetCoverageTests() =
    let skipped = set [ ".git"; "bin"; "obj"; "_site"; "node_modules"; "artifacts"; "TestResults"; "BenchmarkDotNet.Artifacts" ]
    let fsharpFence = Regex(@"^\s*(`{3,}|~{3,})\s*(fsharp|fs|f#)\s*$", RegexOptions.IgnoreCase)
    let namedMarker = Regex(@"^\s*<!--\s*snippet:\s*(?!none\b)\S.*-->\s*$")

    let repositoryRoot () =
        let rec up (directory: DirectoryInfo) =
            if isNull directory then failwithf "no Saltant.Functional.sln above %s" AppContext.BaseDirectory
            elif File.Exists(Path.Combine(directory.FullName, "Saltant.Functional.sln")) then directory.FullName
            else up directory.Parent
        up (DirectoryInfo AppContext.BaseDirectory)

    let rec markdownFiles (directory: string) : string seq =
        seq {
            yield! Directory.EnumerateFiles(directory, "*.md")
            for child in Directory.EnumerateDirectories directory do
                if not (skipped.Contains(Path.GetFileName child)) then yield! markdownFiles child
        }

    // A file has an F# block to compile when a fsharp fence follows a named marker (blank lines between).
    let hasFSharpToCompile (file: string) =
        let lines = File.ReadAllLines file |> Array.filter (fun l -> l.Trim() <> "")
        lines |> Array.pairwise |> Array.exists (fun (before, line) -> fsharpFence.IsMatch line && namedMarker.IsMatch before)

    [<Fact>]
    member _.``Every Markdown file with F# blocks to compile is compiled here``() =
        let compiled =
            typeof<MarkdownSnippetCoverageTests>.Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            |> Seq.filter (fun a -> a.Key = "MarkdownSnippetFile")
            |> Seq.map (fun a -> Path.GetFullPath a.Value)
            |> Set.ofSeq
        let toCompile =
            markdownFiles (repositoryRoot ()) |> Seq.filter hasFSharpToCompile |> Seq.map Path.GetFullPath |> Set.ofSeq

        Assert.NotEmpty toCompile
        Assert.Empty(Set.difference toCompile compiled)
