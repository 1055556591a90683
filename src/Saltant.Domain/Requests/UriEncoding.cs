using System.Text;
using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// Percent-encoding of path segments and query values (RFC 3986, UTF-8), so any Unicode input
/// reaches the server as itself. saltant-py concatenates raw strings; a name holding <c>&amp;</c>,
/// <c>#</c> or <c>/</c> would change the request there.
/// </summary>
public static class UriEncoding
{
    /// <summary>Builds <c>seg1/seg2/?n1=v1&amp;n2=v2</c> from unencoded parts.</summary>
    /// <param name="path">Path segments.</param>
    /// <param name="query">Query parameters.</param>
    public static string RelativeUri(Seq<string> path, Seq<(string Name, string Value)> query)
    {
        var sb = new StringBuilder();
        foreach (var segment in path)
        {
            sb.Append(Encode(segment)).Append('/');
        }

        var first = true;
        foreach (var (name, value) in query)
        {
            sb.Append(first ? '?' : '&').Append(Encode(name)).Append('=').Append(Encode(value));
            first = false;
        }

        return sb.ToString();
    }

    /// <summary>Percent-encodes everything but RFC 3986 unreserved characters.</summary>
    /// <param name="text">Unencoded text.</param>
    public static string Encode(string text) => Uri.EscapeDataString(text);
}
