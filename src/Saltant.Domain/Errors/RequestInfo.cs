namespace Saltant.Domain;

/// <summary>
/// Which request an error is about: its method and its absolute URL. Credentials travel only in
/// headers, never in the URL, so this is safe to print and log.
/// </summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Url">The absolute URL requested.</param>
public sealed record RequestInfo(string Method, string Url)
{
    /// <inheritdoc />
    public override string ToString() => $"{Method} {Url}";
}
