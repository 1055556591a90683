using Microsoft.Extensions.Logging;

namespace Saltant.Client;

/// <summary>How a <see cref="SaltantClient"/> is wired into its host, beside the <see cref="Saltant.Domain.Settings"/> of what it talks to.</summary>
public sealed record SaltantClientOptions
{
    /// <summary>
    /// An HTTP client to send with (e.g. from <c>IHttpClientFactory</c>), which the caller disposes;
    /// null (the default) for one the client owns: pooled, recycled, never following redirects.
    /// A retrying handler in it should have a <see cref="Saltant.Http.SendOnceHandler"/> below it.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The clock for JWT refreshes, retries, waits and polls; the system clock by default.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where exchanges, retries and failures are logged (category
    /// <see cref="Saltant.Http.SaltantTelemetry.ConnectionLogCategory"/>); nothing is logged when null.
    /// Credentials, passwords and bodies are never logged.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The defaults: an owned HTTP client, the system clock, no logging.</summary>
    public static SaltantClientOptions Default { get; } = new();
}
