using System.Text;
using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// Percent-encoding of path segments and query values (RFC 3986, UTF-8), so any Unicode input
/// reaches the server as itself. saltant-py concatenates raw strings; a name holding <c>&amp;</c>,
/// <c>#</c> or <c>/</c> would change the request there.
/// </summary>
/// <remarks>
/// A lone (unpaired) UTF-16 surrogate has no UTF-8 form; it is replaced by U+FFFD, the
/// replacement character, so encoding never throws and always yields valid UTF-8. A path segment
/// that is exactly <c>.</c> or <c>..</c> cannot be sent at all: <see cref="System.Uri"/> decodes
/// <c>%2E</c> back to a dot and then removes the dot segment, so the request builders refuse such
/// segments (see <see cref="IsRoutableSegment"/>) instead of sending them somewhere else.
/// </remarks>
public static class UriEncoding
{
    /// <summary>Builds <c>seg1/seg2/?n1=v1&amp;n2=v2</c> from unencoded parts.</summary>
    /// <param name="path">Path segments.</param>
    /// <param name="query">Query parameters.</param>
    public static string RelativeUri(Seq<string> path, Seq<(string Name, string Value)> query)
    {
        var sb = new StringBuilder();
        // Indexed, not foreach: every request is built here, and a Seq's enumerator is a generated
        // iterator class per element type (more methods for a fresh process's first call to compile).
        for (var i = 0; i < path.Count; i++)
        {
            sb.Append(Encode(path[i])).Append('/');
        }

        for (var i = 0; i < query.Count; i++)
        {
            var (name, value) = query[i];
            sb.Append(i == 0 ? '?' : '&').Append(Encode(name)).Append('=').Append(Encode(value));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Percent-encodes everything but RFC 3986 unreserved characters, after replacing lone
    /// surrogates by U+FFFD. Never throws; <c>null</c> encodes as the empty string.
    /// </summary>
    /// <param name="text">Unencoded text.</param>
    public static string Encode(string text) => Uri.EscapeDataString(ReplaceLoneSurrogates(text ?? ""));

    /// <summary>
    /// Whether a path segment reaches the server unchanged: not empty, and not <c>.</c> or
    /// <c>..</c>, which <see cref="System.Uri"/> removes even when percent-encoded.
    /// </summary>
    /// <param name="segment">The unencoded segment.</param>
    public static bool IsRoutableSegment(string segment) =>
        !string.IsNullOrEmpty(segment) && segment != "." && segment != "..";

    /// <summary>
    /// The text with every unpaired UTF-16 surrogate replaced by U+FFFD (what UTF-8 encoders
    /// do anyway); returns the same instance when there is none.
    /// </summary>
    /// <param name="text">Any UTF-16 text.</param>
    public static string ReplaceLoneSurrogates(string text)
    {
        if (text is null) return "";
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }
}
