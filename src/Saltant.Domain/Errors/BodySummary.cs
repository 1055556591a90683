using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Saltant.Domain;

/// <summary>
/// A short, printable summary of an answer body for error messages: an HTML page becomes its
/// title, a JSON <c>detail</c> its text, anything else its first characters. Never the whole page.
/// </summary>
public static partial class BodySummary
{
    /// <summary>The longest summary or server message kept, in characters.</summary>
    public const int MaxLength = 300;

    /// <summary>Summarizes a body.</summary>
    /// <param name="contentType">The response content type, if any.</param>
    /// <param name="body">The body as text.</param>
    public static string Of(string? contentType, string? body)
    {
        var text = body ?? "";
        if (string.IsNullOrWhiteSpace(text)) return "(empty body)";
        if (IsHtml(contentType, text)) return OfHtml(text);
        return Limit(Collapse(text.Length <= 4 * MaxLength ? text : text[..(4 * MaxLength)]));
    }

    /// <summary>Whether the body is an HTML page (by content type, or by its first character).</summary>
    /// <param name="contentType">The response content type, if any.</param>
    /// <param name="body">The body as text.</param>
    public static bool IsHtml(string? contentType, string body) =>
        (contentType ?? "").Contains("html", StringComparison.OrdinalIgnoreCase) || body.TrimStart().StartsWith('<');

    /// <summary>Cuts a server text to <see cref="MaxLength"/> characters, marking the cut.</summary>
    /// <param name="text">The text.</param>
    public static string Limit(string text) =>
        text.Length <= MaxLength ? text : text[..(MaxLength - 1)].TrimEnd() + "…";

    private static string OfHtml(string page)
    {
        // The title sits near the top; looking further only costs time on huge pages.
        var html = page.Length <= 65536 ? page : page[..65536];
        var title = Title().Match(html);
        var text = title.Success ? title.Groups[1].Value : Tags().Replace(NonText().Replace(html, " "), " ");
        var summary = Collapse(WebUtility.HtmlDecode(text));
        return summary.Length == 0 ? "(an HTML page without text)" : Limit(summary);
    }

    private static string Collapse(string text) => Space().Replace(text, " ").Trim();

    // Non-backtracking: linear time on any input, so a hostile page cannot stall or throw.
    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Title();

    [GeneratedRegex(@"<script[^>]*>.*?</script>|<style[^>]*>.*?</style>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex NonText();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
