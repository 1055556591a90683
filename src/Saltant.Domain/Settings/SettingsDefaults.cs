namespace Saltant.Domain;

/// <summary>The value each optional setting takes when it is not given.</summary>
public static class SettingsDefaults
{
    /// <summary>Seconds to wait for one request to answer: 90, as in saltant-py.</summary>
    public const int TimeoutSeconds = 90;

    /// <summary>Whether to make one authenticated read (<c>users/</c>) when connecting, as saltant-py does: true.</summary>
    public const bool CheckAuthentication = true;

    /// <summary>How many times a request that is safe to retry is retried after a temporary failure: 3.</summary>
    public const int MaxRetries = 3;

    /// <summary>Milliseconds before the first retry: 200 (then doubling, jittered; see <see cref="RetryBackoff"/>).</summary>
    public const int RetryBaseDelayMilliseconds = 200;

    /// <summary>Milliseconds no single retry delay exceeds: 5000.</summary>
    public const int RetryMaxDelayMilliseconds = 5000;

    /// <summary>Records fetched per page when streaming a list: 100.</summary>
    public const int PageSize = 100;

    /// <summary>Pages fetched ahead of the consumer when streaming a list: 4.</summary>
    public const int ReadAheadPages = 4;

    /// <summary>Requests a batch operation has in flight at once: 8.</summary>
    public const int BatchConcurrency = 8;

    /// <summary>Seconds between polls when waiting for instances to finish: 5, as in saltant-py.</summary>
    public const int WaitRefreshPeriodSeconds = 5;

    /// <summary>Whether credentials may go over plain http to a host other than this machine: false.</summary>
    public const bool AllowInsecureHttp = false;

    /// <summary>The <c>User-Agent</c> header sent with every request.</summary>
    public const string UserAgent = "Saltant.Functional/0.1";

    /// <summary>Seconds of the longest <c>Retry-After</c> a retry waits for: 60.</summary>
    public const int MaxRetryAfterSeconds = 60;

    /// <summary>
    /// MiB of an answer's body the client reads at most: 64, far above a real page (a page of 1,000
    /// instances is well under 1 MiB) and far below what would hurt a process.
    /// </summary>
    public const int MaxResponseSize = 64;

    /// <summary><see cref="MaxRetryAfterSeconds"/> as a duration.</summary>
    public static TimeSpan MaxRetryAfter => TimeSpan.FromSeconds(MaxRetryAfterSeconds);

    /// <summary><see cref="TimeoutSeconds"/> as a duration.</summary>
    public static TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary><see cref="RetryBaseDelayMilliseconds"/> as a duration.</summary>
    public static TimeSpan RetryBaseDelay => TimeSpan.FromMilliseconds(RetryBaseDelayMilliseconds);

    /// <summary><see cref="RetryMaxDelayMilliseconds"/> as a duration.</summary>
    public static TimeSpan RetryMaxDelay => TimeSpan.FromMilliseconds(RetryMaxDelayMilliseconds);

    /// <summary><see cref="WaitRefreshPeriodSeconds"/> as a duration.</summary>
    public static TimeSpan WaitRefreshPeriod => TimeSpan.FromSeconds(WaitRefreshPeriodSeconds);
}
