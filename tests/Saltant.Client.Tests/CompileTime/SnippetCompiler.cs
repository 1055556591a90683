using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Saltant.Client;
using Saltant.Domain;

namespace Saltant.Client.Tests.CompileTime;

/// <summary>
/// Compiles C# statements with Roslyn against the Saltant assemblies this test run loaded, as a
/// user's project would see them, and returns what the compiler says. No files are written and
/// nothing is emitted: only the diagnostics matter.
/// </summary>
internal static class SnippetCompiler
{
    // The statements run inside a method whose parameters are the records a user has in hand.
    private const string Prelude = """
        using System;
        using System.Linq;
        using LanguageExt;
        using static LanguageExt.Prelude;
        using Saltant.Domain;
        using Saltant.Client;

        public static class Snippet
        {
            public static void Run(
                SaltantClient client,
                ContainerTaskType containerType,
                ExecutableTaskType executableType,
                ContainerTaskInstance containerInstance,
                TaskWhitelist whitelist,
                TaskQueue queue)
            {
        """;

    private const string Epilogue = """

            }
        }
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>The warnings and errors of compiling <paramref name="statements"/> in the snippet method.</summary>
    /// <param name="statements">C# statements.</param>
    internal static IReadOnlyList<Diagnostic> Problems(string statements)
    {
        var tree = CSharpSyntaxTree.ParseText(Prelude + statements + Epilogue, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
            .ToList();
    }

    /// <summary>One line per diagnostic, for assertion messages.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    internal static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    // The framework from the host's trusted platform assemblies (which also list this test's
    // dependencies), plus the Saltant and LanguageExt assemblies by location in case a host does
    // not list them: whatever a plain clone's build put next to the test, nothing installed.
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var paths = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[] { typeof(Container), typeof(SaltantClient), typeof(LanguageExt.Seq), typeof(Saltant.Http.SendOnceHandler) }
                .Select(t => t.Assembly.Location))
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(p) && IsAssembly(p))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    // Native libraries can sit among the trusted platform assemblies on some hosts; they are not references.
    private static bool IsAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
