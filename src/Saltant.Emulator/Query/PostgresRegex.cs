using System.Text;
using System.Text.RegularExpressions;

namespace Saltant.Emulator.Query;

/// <summary>
/// The <c>__regex</c> lookup runs in PostgreSQL (POSIX advanced regular expressions), not Python.
/// .NET's engine agrees on the common syntax; this translates the ARE-only pieces clients are likely
/// to use: POSIX classes (<c>[[:digit:]]</c>…) and the word-boundary escapes <c>\m \M \y \Y</c>.
/// Known gaps: ARE's <c>***:</c>/<c>***=</c> directors, back-reference quirks and collating elements.
/// A pattern .NET rejects answers the 500 page, as PostgreSQL's DataError does.
/// </summary>
internal static class PostgresRegex
{
    private static readonly (string Posix, string Net)[] Classes =
    [
        ("[:alpha:]", @"\p{L}"), ("[:digit:]", @"\d"), ("[:alnum:]", @"\p{L}\p{Nd}"), ("[:upper:]", @"\p{Lu}"),
        ("[:lower:]", @"\p{Ll}"), ("[:space:]", @"\s"), ("[:punct:]", @"\p{P}"), ("[:xdigit:]", "0-9A-Fa-f"),
        ("[:word:]", @"\w"), ("[:blank:]", @" \t"), ("[:cntrl:]", @"\p{Cc}"), ("[:print:]", @"\P{Cc}"), ("[:graph:]", @"\p{L}\p{N}\p{P}\p{S}"),
    ];

    /// <summary>Compiles the pattern, or returns null when PostgreSQL would reject it too.</summary>
    public static Regex? TryCreate(string pattern)
    {
        var sb = new StringBuilder(pattern);
        foreach (var (posix, net) in Classes) sb.Replace(posix, net);
        sb.Replace(@"\m", @"\b(?=\w)").Replace(@"\M", @"\b(?<=\w)").Replace(@"\y", @"\b").Replace(@"\Y", @"\B");
        try { return new Regex(sb.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
        catch (ArgumentException) { return null; }
    }
}
