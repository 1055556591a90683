using Saltant.Domain;

namespace Saltant.Http;

/// <summary>Hands an unexpected answer to the domain's one status-to-error mapping.</summary>
internal static class ResponseErrors
{
    /// <summary>The typed error for an answer whose status is not the one expected.</summary>
    internal static SaltantError Map(RequestInfo request, int expected, HttpAnswer answer) =>
        // Placeholder until the domain mapping lands in this branch.
        new UnexpectedStatus(request, answer.Status, expected, answer.ContentType ?? "");
}
