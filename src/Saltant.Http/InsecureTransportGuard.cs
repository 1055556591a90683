using LanguageExt;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>
/// Refuses to send credentials in clear text across a network: plain http is allowed only to a
/// loopback host, unless the caller explicitly allows it.
/// </summary>
internal static class InsecureTransportGuard
{
    /// <summary>The refusal for this URL, if it must be refused, saying how to allow it (<paramref name="allowance"/>, e.g. <c>SALTANT_ALLOW_INSECURE_HTTP=true</c>).</summary>
    internal static Option<SaltantError> Check(Uri url, bool allowInsecureHttp, string allowance)
    {
        if (url.Scheme == Uri.UriSchemeHttps || allowInsecureHttp || url.IsLoopback)
        {
            return Option<SaltantError>.None;
        }

        return new InsecureRequestRefused(
            url.GetLeftPart(UriPartial.Authority),
            $"plain http to a host other than loopback would expose the credentials; use https, or allow insecure http with {allowance}.");
    }
}
