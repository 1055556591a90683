namespace Saltant.Domain;

/// <summary>
/// Which request an error is about: its method and its absolute URL. Credentials travel only in
/// headers, never in the URL, so this is safe to print and log. Printed (and so in every error's
/// message), a URL longer than 200 characters is cut in the middle; <see cref="Url"/> keeps it whole.
/// </summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Url">The absolute URL requested.</param>
public sealed record RequestInfo(string Method, string Url)
{
    /// <inheritdoc />
    public override string ToString() => $"{Method} {MessageText.Clip(Url, MessageText.MaxUrl)}";
}
