namespace Saltant.Domain;

/// <summary>
/// Keeps error messages to a readable sentence whatever the inputs: a URL, a name or a server text
/// of any length is cut in the middle (its start and end say most: the host and route, the id) and
/// the cut says how long the whole was. The errors' fields keep the whole value.
/// </summary>
internal static class MessageText
{
    /// <summary>The longest URL shown in a message.</summary>
    internal const int MaxUrl = 200;

    /// <summary>The longest other text shown in a message.</summary>
    internal const int MaxText = BodySummary.MaxLength;

    /// <summary>The text as shown in a message: whole when short, else its start and end around a marked cut.</summary>
    /// <param name="text">The text (null shows as empty).</param>
    /// <param name="max">The most characters to show.</param>
    internal static string Clip(string? text, int max = MaxText)
    {
        var value = text ?? "";
        if (value.Length <= max)
        {
            return value;
        }

        var marker = $" … ({value.Length:N0} characters) … ";
        var keep = Math.Max(2, max - marker.Length);
        var head = keep * 3 / 4;
        return string.Concat(value.AsSpan(0, head), marker, value.AsSpan(value.Length - (keep - head)));
    }
}
