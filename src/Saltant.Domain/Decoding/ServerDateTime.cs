using System.Globalization;
using System.Text.RegularExpressions;
using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// Datetimes as the server (Django REST framework) prints them: ISO 8601 with microseconds and
/// <c>Z</c> for UTC, e.g. <c>2026-11-27T15:15:15.386078Z</c>. Python's <c>isoformat</c> leaves
/// the fraction out when the microseconds are zero, and prints other offsets as <c>+05:00</c>.
/// </summary>
/// <remarks>
/// The server keeps microseconds; .NET keeps 100 ns ticks. <see cref="Format"/> truncates to whole
/// microseconds, so <c>Parse(Format(t)) == t</c> exactly when <c>t</c> has microsecond precision.
/// </remarks>
public static partial class ServerDateTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Prints a datetime as the server does; sub-microsecond ticks are dropped.</summary>
    /// <param name="value">The datetime.</param>
    public static string Format(DateTimeOffset value)
    {
        var truncated = value.AddTicks(-(value.Ticks % TicksPerMicrosecond));
        var fraction = truncated.Ticks % TimeSpan.TicksPerSecond == 0 ? "" : ".ffffff";
        var zone = truncated.Offset == TimeSpan.Zero ? "'Z'" : "zzz";
        return truncated.ToString("yyyy-MM-dd'T'HH:mm:ss" + fraction + zone, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads an ISO 8601 datetime that carries its offset (<c>Z</c> or <c>±hh:mm</c>), with up to
    /// seven fraction digits. A datetime without an offset is refused rather than read as local time.
    /// </summary>
    /// <param name="text">The text.</param>
    public static Option<DateTimeOffset> Parse(string? text) =>
        text is not null
        && Shape().IsMatch(text)
        && DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : Option<DateTimeOffset>.None;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
