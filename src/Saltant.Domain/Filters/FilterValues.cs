using System.Globalization;
using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// How typed filter values are written and checked against what django-filter 2.0 (the
/// server's version) does to a query value before it filters.
/// </summary>
internal static class FilterValues
{
    /// <summary>
    /// A date-time as the server parses it: UTC, always with a time part and microseconds, e.g.
    /// <c>2026-11-27T15:11:35.180341Z</c>. Ticks below a microsecond are dropped (the server stores
    /// microseconds).
    /// </summary>
    internal static string DateTime(DateTimeOffset when) =>
        when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An integer, invariant culture.</summary>
    internal static string Integer(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A boolean as the server's boolean filter reads it.</summary>
    internal static string Boolean(bool b) => b ? "true" : "false";

    /// <summary>
    /// Why a text value would not reach the filter as given, if so. Django's form <c>CharField</c>
    /// strips surrounding whitespace and refuses NUL, and django-filter skips a filter whose value
    /// is empty, so such a filter would quietly match other records (an empty value: all of them).
    /// </summary>
    internal static Option<string> TextProblem(string value)
    {
        if (value.Length == 0)
        {
            return "the server ignores a filter with an empty value and would list every record.";
        }

        if (IsPythonSpace(value[0]) || IsPythonSpace(value[^1]))
        {
            return "the server strips leading and trailing whitespace from filter values, so it would filter on a different value; use a __regex filter instead.";
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "the server refuses null characters in filter values.";
        }

        return Option<string>.None;
    }

    /// <summary>
    /// Builds an <c>__in</c> filter: items joined by commas. No items would be an empty value
    /// (ignored: every record), and an item holding a comma cannot be written at all, because
    /// django-filter splits the value on every comma and has no escape.
    /// </summary>
    internal static Filter<T> In<T>(string name, Seq<string> items, bool checkText)
    {
        var value = string.Join(",", items);
        if (items.IsEmpty)
        {
            return Filter<T>.Invalid(name, value, "an __in filter needs at least one value; with none the server would list every record.");
        }

        foreach (var item in items)
        {
            if (item.Contains(',', StringComparison.Ordinal))
            {
                return Filter<T>.Invalid(name, value, $"the value \"{item}\" holds a comma, and the server splits __in values on every comma; filter on it separately or with a __regex filter.");
            }

            if (checkText && TextProblem(item).Case is string problem)
            {
                return Filter<T>.Invalid(name, value, problem);
            }
        }

        return Filter<T>.Valid(name, value);
    }

    /// <summary>A text filter, invalid when <see cref="TextProblem"/> finds a problem.</summary>
    internal static Filter<T> Text<T>(string name, string value) =>
        TextProblem(value).Match(
            problem => Filter<T>.Invalid(name, value, problem),
            () => Filter<T>.Valid(name, value));

    // Python's str.strip() removes Unicode whitespace and also the separators U+001C..U+001F.
    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || (c >= '\u001C' && c <= '\u001F');
}
