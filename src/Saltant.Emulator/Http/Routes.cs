using System.Text.RegularExpressions;

namespace Saltant.Emulator.Http;

/// <summary>What a path addresses.</summary>
internal enum RouteKind { Root, List, Detail, Action, Token, TokenRefresh, UpdateStatus, RedirectSlash, Unknown }

/// <summary>A matched route; <see cref="Format"/> is a <c>.json</c>-style suffix if one was given.</summary>
internal sealed record RouteMatch(RouteKind Kind, string? Resource = null, string? Key = null, string? Action = null, string? Format = null, string? Redirect = null);

/// <summary>
/// The URL table: DRF's router with optional trailing slashes and format suffixes for the resources,
/// plain Django paths (slash required, APPEND_SLASH redirect) for token, refresh and status updates.
/// </summary>
internal static partial class Routes
{
    /// <summary>Resources in the order the API root lists them.</summary>
    public static readonly string[] Resources =
        ["users", "containertaskinstances", "containertasktypes", "executabletaskinstances", "executabletasktypes", "taskqueues", "taskwhitelists"];

    private static readonly HashSet<string> ResourceSet = [.. Resources];

    [GeneratedRegex(@"^(?<res>[a-z]+)(?:\.(?<fmt>[a-z0-9]+))?/?$")]
    private static partial Regex ListRe();

    [GeneratedRegex(@"^(?<res>[a-z]+)/(?<key>[^/.]+)(?:\.(?<fmt>[a-z0-9]+))?/?$")]
    private static partial Regex DetailRe();

    [GeneratedRegex(@"^(?<res>containertaskinstances|executabletaskinstances)/(?<key>[^/.]+)/(?<act>clone|terminate)(?:\.(?<fmt>[a-z0-9]+))?/?$")]
    private static partial Regex ActionRe();

    [GeneratedRegex(@"^updatetaskinstancestatus/(?<slug>[-a-zA-Z0-9_]+)/$")]
    private static partial Regex StatusRe();

    /// <summary>Matches a path below /api/ (query excluded).</summary>
    public static RouteMatch Match(string path, string rawQuery)
    {
        if (path.Length == 0) return new(RouteKind.Root);
        switch (path)
        {
            case "token/": return new(RouteKind.Token);
            case "token/refresh/": return new(RouteKind.TokenRefresh);
        }
        var m = StatusRe().Match(path);
        if (m.Success) return new(RouteKind.UpdateStatus, Key: m.Groups["slug"].Value);
        m = ActionRe().Match(path);
        if (m.Success) return new(RouteKind.Action, m.Groups["res"].Value, m.Groups["key"].Value, m.Groups["act"].Value, Fmt(m));
        m = ListRe().Match(path);
        if (m.Success && ResourceSet.Contains(m.Groups["res"].Value)) return new(RouteKind.List, m.Groups["res"].Value, Format: Fmt(m));
        m = DetailRe().Match(path);
        if (m.Success && ResourceSet.Contains(m.Groups["res"].Value)) return new(RouteKind.Detail, m.Groups["res"].Value, m.Groups["key"].Value, Format: Fmt(m));
        // Django's CommonMiddleware: redirect to the slashed URL when only that one routes.
        if (!path.EndsWith('/') && Match(path + "/", rawQuery).Kind is not (RouteKind.Unknown or RouteKind.RedirectSlash))
            return new(RouteKind.RedirectSlash, Redirect: "/api/" + path + "/" + (rawQuery.Length > 0 ? "?" + rawQuery : ""));
        return new(RouteKind.Unknown);
    }

    private static string? Fmt(Match m) => m.Groups["fmt"].Success ? m.Groups["fmt"].Value : null;
}
