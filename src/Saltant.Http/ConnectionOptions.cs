using LanguageExt;

namespace Saltant.Http;

/// <summary>What the interpreter needs to know about the server and how to talk to it; no resource knowledge.</summary>
/// <param name="ApiRoot">The absolute API root, ending in <c>/</c>.</param>
/// <param name="Timeout">How long one exchange may take, headers and body together.</param>
/// <param name="Retry">The delays between attempts of a request that is safe to repeat; its length bounds the retries.</param>
/// <param name="AllowInsecureHttp">Whether credentials may travel over plain http to a host other than loopback.</param>
/// <param name="UserAgent">The User-Agent sent with every request.</param>
internal sealed record ConnectionOptions(
    Uri ApiRoot,
    TimeSpan Timeout,
    Schedule Retry,
    bool AllowInsecureHttp = false,
    string UserAgent = "Saltant.Functional/0.1")
{
    /// <summary>
    /// The longest <c>Retry-After</c> a retry waits for; a 429 asking for more ends with
    /// <see cref="Saltant.Domain.RateLimited"/> at once, so a caller is never parked silently. Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most bytes of one answer's body that are read; a longer one ends with
    /// <see cref="Saltant.Domain.ResponseTooLarge"/> instead of growing memory without end. Default 64 MiB.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The clock retries wait on and an HTTP-date <c>Retry-After</c> is read against (when the answer
    /// has no <c>Date</c> header of its own); the system clock by default.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How the user allows plain http to other hosts where the settings came from, named in the refusal.</summary>
    public string InsecureHttpAllowance { get; init; } = "allowInsecureHttp: true in the settings";
}
