namespace Saltant.Domain;

/// <summary>
/// The ranges settings are checked against. Durations must be more than zero and at most the
/// maximum given here; counts are whole numbers from the minimum to the maximum, inclusive.
/// </summary>
public static class SettingsLimits
{
    /// <summary>Longest request timeout, in seconds: one hour.</summary>
    public const int MaxTimeoutSeconds = 3600;

    /// <summary>Most retries of one request.</summary>
    public const int MaxRetries = 10;

    /// <summary>Longest first retry delay, in seconds.</summary>
    public const int MaxRetryBaseDelaySeconds = 10;

    /// <summary>Longest single retry delay, in seconds; it must also be at least the base delay.</summary>
    public const int MaxRetryMaxDelaySeconds = 60;

    /// <summary>Smallest page size.</summary>
    public const int MinPageSize = 1;

    /// <summary>
    /// Largest page size. The server sets no maximum, but huge pages make slow, memory-hungry
    /// answers and long retries; 1000 keeps one page comfortably small.
    /// </summary>
    public const int MaxPageSize = 1000;

    /// <summary>Most pages read ahead when streaming (0 reads a page only when the consumer needs it).</summary>
    public const int MaxReadAheadPages = 64;

    /// <summary>Most requests in flight at once in a batch.</summary>
    public const int MaxBatchConcurrency = 64;

    /// <summary>Longest wait refresh period, in seconds: one hour.</summary>
    public const int MaxWaitRefreshPeriodSeconds = 3600;

    /// <summary>Longest <c>Retry-After</c> a retry may be set to wait for, in seconds: one hour.</summary>
    public const int MaxRetryAfterSeconds = 3600;

    /// <summary>Largest limit on an answer's body, in MiB.</summary>
    public const int MaxResponseSize = 4096;

    /// <summary>Longest user agent, in characters.</summary>
    public const int MaxUserAgentLength = 256;
}
