using System.Text.RegularExpressions;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>Builds JSON paths in the notation System.Text.Json uses: <c>$.name</c>, or <c>$['odd name']</c>.</summary>
internal static partial class JsonPath
{
    internal static string Member(string parent, string name) =>
        PlainName().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    internal static string Index(string parent, int index) => $"{parent}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
