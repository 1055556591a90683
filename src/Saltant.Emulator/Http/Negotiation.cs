namespace Saltant.Emulator.Http;

/// <summary>DRF's two default renderers, in their order of preference.</summary>
internal enum Renderer { Json, BrowsableApi }

/// <summary>
/// DRF's DefaultContentNegotiation.select_renderer: the format (suffix or <c>?format=</c>) narrows the
/// renderers; then Accept's media types are tried by precedence (full type with parameters, full
/// type, <c>type/*</c>, <c>*/*</c>; quality values ignored), renderers in order within each group.
/// </summary>
internal static class Negotiation
{
    private static readonly (Renderer Renderer, string Main, string Sub)[] Renderers =
        [(Renderer.Json, "application", "json"), (Renderer.BrowsableApi, "text", "html")];

    /// <summary>The chosen renderer, or null for 406.</summary>
    public static Renderer? Select(string? accept, string? format)
    {
        var renderers = Renderers.Where(r => string.IsNullOrEmpty(format) || (format == "json" ? r.Renderer == Renderer.Json : r.Renderer == Renderer.BrowsableApi)).ToArray();
        var types = new List<(string Main, string Sub, int Precedence)>();
        foreach (var part in (string.IsNullOrWhiteSpace(accept) ? "*/*" : accept).Split(','))
        {
            var pieces = part.Split(';');
            var full = pieces[0].Trim().ToLowerInvariant();
            if (full.Length == 0) continue;
            var slash = full.IndexOf('/');
            var main = slash < 0 ? full : full[..slash];
            var sub = slash < 0 ? "" : full[(slash + 1)..];
            bool hasParams = pieces.Skip(1).Select(p => p.Split('=')[0].Trim()).Any(k => k.Length > 0 && k != "q");
            int precedence = main == "*" ? 0 : sub == "*" ? 1 : hasParams ? 3 : 2;
            types.Add((main, sub, precedence));
        }
        foreach (var group in types.GroupBy(t => t.Precedence).OrderByDescending(g => g.Key))
        {
            foreach (var r in renderers)
            {
                foreach (var t in group)
                {
                    if ((t.Sub == "*" || t.Sub == r.Sub) && (t.Main == "*" || t.Main == r.Main)) return r.Renderer;
                }
            }
        }
        return null;
    }
}
