using Saltant.Domain;

namespace Saltant.Http;

/// <summary>Hands an unexpected answer to the domain's one status-to-error mapping.</summary>
internal static class ResponseErrors
{
    /// <summary>The typed error for an answer whose status is not the one expected.</summary>
    internal static SaltantError Map(RequestInfo request, int expected, HttpAnswer answer) =>
        ErrorMapping.FromStatus(request, expected, answer.Status, answer.ContentType, answer.Body.Span, answer.RetryAfter, answer.Location);
}
