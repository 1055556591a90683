using System.Globalization;
using System.Text.RegularExpressions;

namespace Saltant.Emulator.Query;

/// <summary>
/// django-filter's IsoDateTimeField on saltant's Django: only Django's <c>parse_datetime</c> pattern is
/// accepted (a time part is required, so a bare date is "Enter a valid date/time."); naive values are
/// taken as UTC, the server's time zone.
/// </summary>
internal static partial class DjangoDateTime
{
    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})[T ](?<h>\d{1,2}):(?<mi>\d{1,2})(?::(?<s>\d{1,2})(?:\.(?<us>\d{1,6})\d{0,6})?)?(?<tz>Z|[+-]\d{2}(?::?\d{2})?)?\n?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        int I(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        int sec = m.Groups["s"].Success ? I("s") : 0;
        int micro = m.Groups["us"].Success ? int.Parse(m.Groups["us"].Value.PadRight(6, '0'), CultureInfo.InvariantCulture) : 0;
        var offset = TimeSpan.Zero;
        if (m.Groups["tz"].Success && m.Groups["tz"].Value != "Z")
        {
            var tz = m.Groups["tz"].Value;
            int hours = int.Parse(tz.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var rest = tz[3..].TrimStart(':');
            int minutes = rest.Length > 0 ? int.Parse(rest, CultureInfo.InvariantCulture) : 0;
            offset = new TimeSpan(hours, minutes, 0);
            if (tz[0] == '-') offset = -offset;
            if (offset.Duration() >= TimeSpan.FromDays(1)) return false;
        }
        try
        {
            var dt = new DateTime(I("y"), I("mo"), I("d"), I("h"), I("mi"), sec, DateTimeKind.Unspecified).AddTicks(micro * 10L);
            value = new DateTimeOffset(dt, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException) { return false; }
    }
}
