using Xunit;
namespace Saltant.Domain.Tests.Requests;

/// <summary>Reads a built request back the way the server would: resolve, split, percent-decode.</summary>
internal static class UriParsing
{
    internal static readonly Uri ApiRoot = new("http://127.0.0.1:8000/api/");

    /// <summary>The path segments under the API root and the decoded query pairs of a resolved URI.</summary>
    internal static (List<string> Path, List<(string Name, string Value)> Query) Parse(string relativeUri)
    {
        var uri = new Uri(ApiRoot, relativeUri);
        Assert.StartsWith(ApiRoot.AbsolutePath, uri.AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/", uri.AbsolutePath, StringComparison.Ordinal);
        var under = uri.AbsolutePath[ApiRoot.AbsolutePath.Length..^1];
        var path = under.Split('/').Select(Uri.UnescapeDataString).ToList();
        return (path, DecodeQuery(uri.Query.TrimStart('?'), plusIsSpace: false));
    }

    /// <summary>
    /// Decodes a raw query string into pairs. Django reads <c>+</c> as a space; our own URIs never
    /// hold a raw <c>+</c>, recorded ones may.
    /// </summary>
    internal static List<(string Name, string Value)> DecodeQuery(string query, bool plusIsSpace)
    {
        if (query.Length == 0) return [];
        string Decode(string s) => Uri.UnescapeDataString(plusIsSpace ? s.Replace('+', ' ') : s);
        return query.Split('&').Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? (Decode(pair), "") : (Decode(pair[..eq]), Decode(pair[(eq + 1)..]));
        }).ToList();
    }
}
