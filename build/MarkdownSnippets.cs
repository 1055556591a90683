// The MarkdownSnippets task, compiled by MSBuild's RoslynCodeTaskFactory from MarkdownSnippets.targets
// (which says how a project uses it). It turns the marked C# or F# code blocks of Markdown files into
// one generated source file per Markdown file, with #line directives so that a compiler error in a
// block points at the Markdown line it came from. It needs nothing beyond MSBuild, and keeps to the
// netstandard surface the factory compiles against.
//
// A block is marked by an HTML comment on the line before its fence (blank lines between allowed):
//
//   <!-- snippet: Name(string apiUrl, CancellationToken cancellationToken) returns Fin<TaskQueue> queue -->
//     C#: the block becomes `public static async Task<Fin<TaskQueue>> Name(string apiUrl, ...)` whose
//     body is the block, ending with `return queue;` (without `returns`: a plain Task). Leading `using`
//     lines are lifted to the top of the generated file. CS1998 is off (a block need not await).
//
//   <!-- snippet: name (apiUrl: string) (cancellationToken: System.Threading.CancellationToken) returns result -->
//     F#: `let name (apiUrl: string) ... = task { <the block>; return result }` (without parameters,
//     `name ()`; without `returns`, the block's last expression is the task's unit). Leading `open`
//     lines are lifted to the top. The block is re-indented as a whole, so a multi-line string
//     literal in it would change.
//
//   <!-- snippet: none (why it is not compiled) -->
//     Any block that is not compiled, with the reason.
//
// Types in a marker's parameters resolve against the block's own `using`/`open` lines (and the
// project's implicit usings); spell out any others in full.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>Extracts marked fenced code blocks from Markdown files into compilable C# or F#.</summary>
public sealed class MarkdownSnippets : Task
{
    /// <summary>The Markdown files, each with GeneratedSource metadata (where its code goes) and optional ClassName.</summary>
    [Required]
    public ITaskItem[] Files { get; set; }

    /// <summary>"C#" or "F#": which blocks are compiled, and the language generated.</summary>
    [Required]
    public string Language { get; set; }

    /// <summary>The namespace the generated classes or modules go in.</summary>
    [Required]
    public string Namespace { get; set; }

    // A fence: indentation, three or more backticks or tildes, then the info string.
    private static readonly Regex FenceOpen = new Regex(@"^(?<indent>\s*)(?<fence>`{3,}|~{3,})\s*(?<info>[^`\s]*)");

    // The marker: an HTML comment alone on its line (GitHub and DocFX render nothing for it).
    private static readonly Regex MarkerLine = new Regex(@"^\s*<!--\s*snippet:\s*(?<spec>.*?)\s*-->\s*$");

    private static readonly Regex NoneSpec = new Regex(@"^none\s*\((?<reason>[^)]*)\)$");

    private static readonly Regex NamedSpec = new Regex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?<parameters>.*?)(?:\s+returns\s+(?<returns>.+))?$");

    // "Type expression" after `returns`: the expression is the last identifier, the type all before it.
    private static readonly Regex TypedReturn = new Regex(@"^(?<type>.+?)\s+(?<expression>[A-Za-z_][A-Za-z0-9_]*)$");

    private static readonly Regex Identifier = new Regex(@"^[A-Za-z_][A-Za-z0-9_]*$");

    private static readonly Regex CSharpUsing = new Regex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[^;]+)?\s*;\s*(//.*)?$");

    private static readonly Regex FSharpOpen = new Regex(@"^open\s+(type\s+)?[A-Za-z_][\w.`]*\s*(//.*)?$");

    private static readonly string[] CSharpNames = { "csharp", "cs", "c#" };

    private static readonly string[] FSharpNames = { "fsharp", "fs", "f#" };

    /// <inheritdoc />
    public override bool Execute()
    {
        if (Language != "C#" && Language != "F#")
        {
            Log.LogError("MarkdownSnippets: Language must be C# or F#, not '{0}'.", Language);
            return false;
        }

        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Files)
        {
            var output = file.GetMetadata("GeneratedSource");
            string other;
            if (outputs.TryGetValue(output, out other))
            {
                Log.LogError(null, "SNIP007", null, file.GetMetadata("FullPath"), 0, 0, 0, 0,
                    "This file and " + other + " would both be generated into " + output + "; give one of them other GeneratedSource metadata.");
                return false;
            }

            outputs[output] = file.GetMetadata("FullPath");
        }

        foreach (var file in Files)
        {
            var blocks = Read(file.GetMetadata("FullPath"));
            if (blocks == null)
            {
                continue;
            }

            var output = file.GetMetadata("GeneratedSource");
            var className = file.GetMetadata("ClassName");
            if (className.Length == 0)
            {
                className = ClassNameFor(file.GetMetadata("Filename"));
            }

            var mine = blocks.Where(b => b.Name != null && b.Language == Language).ToList();
            var text = Language == "C#"
                ? CSharp(file.GetMetadata("FullPath"), className, mine)
                : FSharp(file.GetMetadata("FullPath"), output, className, mine);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output)));
            File.WriteAllText(output, text, new UTF8Encoding(false));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>A marked block: where it is, how it is wrapped, and its lines.</summary>
    private sealed class Block
    {
        public int MarkerLine;
        public int FirstLine; // 1-based line of the block's first code line
        public string Language; // "C#", "F#" or another info string
        public string Name; // null for `none`
        public string Parameters;
        public string ReturnType;
        public string ReturnExpression;
        public List<string> Lines;
    }

    // Every fenced block of the file with its marker; null (and errors logged) when the file is wrong.
    private List<Block> Read(string path)
    {
        if (!File.Exists(path))
        {
            Log.LogError(null, "SNIP000", null, path, 0, 0, 0, 0, "The Markdown file listed for snippets does not exist.");
            return null;
        }

        var lines = File.ReadAllLines(path);
        var blocks = new List<Block>();
        var names = new HashSet<string>();
        int pendingMarker = -1; // index of a marker line not yet followed by its fence
        string pendingSpec = null;
        var ok = true;

        for (var i = 0; i < lines.Length; i++)
        {
            var marker = MarkerLine.Match(lines[i]);
            if (marker.Success)
            {
                if (pendingMarker >= 0)
                {
                    ok = Error(path, pendingMarker + 1, "SNIP003", "A snippet marker must be followed by a fenced code block.");
                }

                pendingMarker = i;
                pendingSpec = marker.Groups["spec"].Value;
                continue;
            }

            var open = FenceOpen.Match(lines[i]);
            if (!open.Success)
            {
                if (pendingMarker >= 0 && lines[i].Trim().Length > 0)
                {
                    ok = Error(path, pendingMarker + 1, "SNIP003", "A snippet marker must be followed by a fenced code block.");
                    pendingMarker = -1;
                }

                continue;
            }

            var fence = open.Groups["fence"].Value;
            var info = open.Groups["info"].Value.ToLowerInvariant();
            var language = CSharpNames.Contains(info) ? "C#" : FSharpNames.Contains(info) ? "F#" : info;
            var start = i;
            var body = new List<string>();
            var closed = false;
            for (i++; i < lines.Length; i++)
            {
                var trimmed = lines[i].Trim();
                if (trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]))
                {
                    closed = true;
                    break;
                }

                body.Add(lines[i]);
            }

            if (!closed)
            {
                ok = Error(path, start + 1, "SNIP005", "This fenced code block is never closed.");
                break;
            }

            var compilable = language == "C#" || language == "F#";
            if (pendingMarker < 0)
            {
                if (compilable)
                {
                    ok = Error(path, start + 1, "SNIP001",
                        "This " + info + " block has no snippet marker: put <!-- snippet: Name(parameters) --> on the line before it to compile it, or <!-- snippet: none (why) --> to say why it is not compiled.");
                }

                continue;
            }

            var block = Parse(path, pendingMarker + 1, pendingSpec, language);
            pendingMarker = -1;
            if (block == null)
            {
                ok = false;
                continue;
            }

            if (block.Name != null && !compilable)
            {
                ok = Error(path, block.MarkerLine, "SNIP006", "Only csharp and fsharp blocks can be compiled; mark this " + info + " block <!-- snippet: none (why) -->.");
                continue;
            }

            if (block.Name != null && !names.Add(block.Name))
            {
                ok = Error(path, block.MarkerLine, "SNIP004", "Another snippet in this file is already named " + block.Name + ".");
                continue;
            }

            block.FirstLine = start + 2;
            block.Lines = body;
            blocks.Add(block);
        }

        if (pendingMarker >= 0)
        {
            ok = Error(path, pendingMarker + 1, "SNIP003", "A snippet marker must be followed by a fenced code block.");
        }

        return ok ? blocks : null;
    }

    private Block Parse(string path, int line, string spec, string language)
    {
        var block = new Block { MarkerLine = line, Language = language };
        var none = NoneSpec.Match(spec);
        if (none.Success)
        {
            if (none.Groups["reason"].Value.Trim().Length == 0)
            {
                Error(path, line, "SNIP002", "Say why the block is not compiled: <!-- snippet: none (why) -->.");
                return null;
            }

            return block;
        }

        var named = NamedSpec.Match(spec);
        if (!named.Success || named.Groups["name"].Value == "none")
        {
            Error(path, line, "SNIP002", "A snippet marker is <!-- snippet: Name(parameters) [returns Type expression] --> or <!-- snippet: none (why) -->, not '" + spec + "'.");
            return null;
        }

        block.Name = named.Groups["name"].Value;
        block.Parameters = named.Groups["parameters"].Value.Trim();
        var returns = named.Groups["returns"].Success ? named.Groups["returns"].Value.Trim() : null;
        if (language == "C#")
        {
            if (!(block.Parameters.StartsWith("(") && block.Parameters.EndsWith(")")))
            {
                Error(path, line, "SNIP002", "A C# snippet's parameters are a C# parameter list in parentheses: <!-- snippet: " + block.Name + "(string name, CancellationToken cancellationToken) -->.");
                return null;
            }

            if (returns != null)
            {
                var typed = TypedReturn.Match(returns);
                if (!typed.Success)
                {
                    Error(path, line, "SNIP002", "A C# snippet returns a type and a local of the block: 'returns Fin<TaskQueue> queue', not 'returns " + returns + "'.");
                    return null;
                }

                block.ReturnType = typed.Groups["type"].Value;
                block.ReturnExpression = typed.Groups["expression"].Value;
            }
        }
        else if (language == "F#" && returns != null)
        {
            if (!Identifier.IsMatch(returns))
            {
                Error(path, line, "SNIP002", "An F# snippet returns a value the block binds: 'returns result', not 'returns " + returns + "'.");
                return null;
            }

            block.ReturnExpression = returns;
        }

        return block;
    }

    private bool Error(string path, int line, string code, string message)
    {
        Log.LogError(null, code, null, path, line, 0, 0, 0, message);
        return false;
    }

    // README -> ReadmeSnippets, getting-started -> GettingStartedSnippets, DependencyInjection -> DependencyInjectionSnippets.
    private static string ClassNameFor(string fileName)
    {
        var parts = Regex.Split(fileName, "[^A-Za-z0-9]+").Where(p => p.Length > 0);
        var name = string.Concat(parts.Select(p =>
            char.ToUpperInvariant(p[0]) + (p.All(c => !char.IsLower(c)) ? p.Substring(1).ToLowerInvariant() : p.Substring(1))));
        return (name.Length > 0 && char.IsDigit(name[0]) ? "_" : "") + name + "Snippets";
    }

    // The block's lines without their common indentation (a block inside a list item is indented).
    private static List<string> Dedent(List<string> lines)
    {
        var indents = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).ToList();
        var common = indents.Count == 0 ? 0 : indents.Min();
        return lines.Select(l => l.Trim().Length == 0 ? "" : l.Substring(common).TrimEnd()).ToList();
    }

    // Splits leading `using`/`open` lines (lifted to the file's top) from the body. Returns the
    // lifted lines with their Markdown line numbers, and the index where the body starts.
    private static int Lift(List<string> lines, Regex directive, int firstLine, List<KeyValuePair<int, string>> lifted)
    {
        var i = 0;
        for (; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            if (!directive.IsMatch(lines[i]))
            {
                break;
            }

            lifted.Add(new KeyValuePair<int, string>(firstLine + i, lines[i]));
        }

        return i;
    }

    private static string Header(string markdown, string language) =>
        "// <auto-generated>\n" +
        "// The " + language + " code blocks of " + Path.GetFileName(markdown) + ", compiled as written (build/MarkdownSnippets.targets).\n" +
        "// Edit the Markdown, not this file: it is written again whenever the Markdown changes.\n" +
        "// </auto-generated>\n";

    private static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";

    // A #line directive's file name: quoted, no escapes (C# and F# alike).
    private static string LineFile(string path) => "\"" + path + "\"";

    private string CSharp(string markdown, string className, List<Block> blocks)
    {
        var lifted = new List<KeyValuePair<int, string>>();
        var bodies = new List<KeyValuePair<Block, List<string>>>();
        foreach (var block in blocks)
        {
            var lines = Dedent(block.Lines);
            var start = Lift(lines, CSharpUsing, block.FirstLine, lifted);
            bodies.Add(new KeyValuePair<Block, List<string>>(block, lines.Skip(start).ToList()));
        }

        var text = new StringBuilder(Header(markdown, "C#"));
        text.Append("#nullable enable\n");
        text.Append("#pragma warning disable CS1998 // a snippet need not await\n");
        var seen = new HashSet<string>();
        foreach (var directive in lifted.Where(d => seen.Add(d.Value)))
        {
            text.Append("#line ").Append(directive.Key).Append(' ').Append(LineFile(markdown)).Append('\n');
            text.Append(directive.Value).Append('\n');
        }

        text.Append("#line default\n\n");
        text.Append("[assembly: global::System.Reflection.AssemblyMetadata(\"MarkdownSnippetFile\", ").Append(Verbatim(markdown)).Append(")]\n\n");
        text.Append("namespace ").Append(Namespace).Append("\n{\n");
        text.Append("    /// <summary>The marked C# blocks of ").Append(Path.GetFileName(markdown)).Append(", one method each.</summary>\n");
        text.Append("    internal static partial class ").Append(className).Append("\n    {\n");
        foreach (var pair in bodies)
        {
            var block = pair.Key;
            var returnType = block.ReturnType == null
                ? "global::System.Threading.Tasks.Task"
                : "global::System.Threading.Tasks.Task<" + block.ReturnType + ">";
            text.Append("        /// <summary>").Append(Path.GetFileName(markdown)).Append(", the block at line ").Append(block.FirstLine - 1).Append(".</summary>\n");
            text.Append("        public static async ").Append(returnType).Append(' ').Append(block.Name).Append(block.Parameters).Append("\n        {\n");
            text.Append("#line ").Append(block.FirstLine + (block.Lines.Count - pair.Value.Count)).Append(' ').Append(LineFile(markdown)).Append('\n');
            foreach (var line in pair.Value)
            {
                text.Append(line.Length == 0 ? "" : "            " + line).Append('\n');
            }

            text.Append("#line default\n");
            if (block.ReturnExpression != null)
            {
                text.Append("            return ").Append(block.ReturnExpression).Append(";\n");
            }

            text.Append("        }\n\n");
        }

        text.Append("    }\n}\n");
        return text.ToString();
    }

    private string FSharp(string markdown, string output, string className, List<Block> blocks)
    {
        var lifted = new List<KeyValuePair<int, string>>();
        var bodies = new List<KeyValuePair<Block, List<string>>>();
        foreach (var block in blocks)
        {
            var lines = Dedent(block.Lines);
            var start = Lift(lines, FSharpOpen, block.FirstLine, lifted);
            bodies.Add(new KeyValuePair<Block, List<string>>(block, lines.Skip(start).ToList()));
        }

        // F# has no `#line default`: the generated file's own numbering is restored by naming it.
        var text = new List<string>(Header(markdown, "F#").TrimEnd('\n').Split('\n'));
        var quotedMarkdown = LineFile(markdown);
        var quotedOutput = LineFile(Path.GetFullPath(output));
        Action restore = () => text.Add("# " + (text.Count + 2) + " " + quotedOutput);
        text.Add("namespace " + Namespace);
        text.Add("");
        var seen = new HashSet<string>();
        foreach (var directive in lifted.Where(d => seen.Add(d.Value)))
        {
            text.Add("# " + directive.Key + " " + quotedMarkdown);
            text.Add(directive.Value);
        }

        restore();
        text.Add("");
        text.Add("/// The marked F# blocks of " + Path.GetFileName(markdown) + ", one function each.");
        text.Add("module internal " + className + " =");
        text.Add("    [<assembly: System.Reflection.AssemblyMetadata(\"MarkdownSnippetFile\", " + Verbatim(markdown) + ")>]");
        text.Add("    do ()");
        text.Add("");
        foreach (var pair in bodies)
        {
            var block = pair.Key;
            var parameters = block.Parameters.Length == 0 ? "()" : block.Parameters;
            text.Add("    /// " + Path.GetFileName(markdown) + ", the block at line " + (block.FirstLine - 1) + ".");
            text.Add("    let " + block.Name + " " + parameters + " =");
            text.Add("        task {");
            text.Add("# " + (block.FirstLine + (block.Lines.Count - pair.Value.Count)) + " " + quotedMarkdown);
            foreach (var line in pair.Value)
            {
                text.Add(line.Length == 0 ? "" : "            " + line);
            }

            restore();
            if (block.ReturnExpression != null)
            {
                text.Add("            return " + block.ReturnExpression);
            }

            text.Add("        }");
            text.Add("");
        }

        return string.Join("\n", text) + "\n";
    }
}
