namespace Saltant.Domain;

/// <summary>
/// The environment variables <see cref="Settings.FromEnvironment"/> reads. <see cref="ApiUrl"/> and
/// <see cref="AuthToken"/> are the two saltant-py's <c>from_env</c> reads; the rest are optional.
/// A variable that is absent (or maps to <c>null</c>) is not set; one that is set must not be blank.
/// Exactly one way to authenticate must be set: <see cref="AuthToken"/>, or <see cref="Username"/>
/// with <see cref="Password"/>, or <see cref="JwtAccessToken"/> with <see cref="JwtRefreshToken"/>.
/// </summary>
public static class SettingsVariables
{
    /// <summary>Required. The API root, e.g. <c>https://saltant.example.org/api/</c> (the trailing slash is optional).</summary>
    public const string ApiUrl = "SALTANT_API_URL";

    /// <summary>A DRF token (the key only, without <c>Token </c>). The usual way to authenticate.</summary>
    public const string AuthToken = "SALTANT_AUTH_TOKEN";

    /// <summary>A username to log in with for JWTs; needs <see cref="Password"/>.</summary>
    public const string Username = "SALTANT_USERNAME";

    /// <summary>The password for <see cref="Username"/>; taken exactly as set (not trimmed).</summary>
    public const string Password = "SALTANT_PASSWORD";

    /// <summary>A JWT access token already obtained; needs <see cref="JwtRefreshToken"/>.</summary>
    public const string JwtAccessToken = "SALTANT_JWT_ACCESS_TOKEN";

    /// <summary>The JWT refresh token that goes with <see cref="JwtAccessToken"/>.</summary>
    public const string JwtRefreshToken = "SALTANT_JWT_REFRESH_TOKEN";

    /// <summary>Request timeout in seconds, decimals allowed (e.g. <c>12.5</c>); default 90.</summary>
    public const string Timeout = "SALTANT_TIMEOUT";

    /// <summary>Whether to check the credentials when connecting: <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c> or <c>yes</c>/<c>no</c>; default true.</summary>
    public const string CheckAuthentication = "SALTANT_CHECK_AUTHENTICATION";

    /// <summary>Retries of a request that is safe to retry, a whole number from 0 to 10; default 3.</summary>
    public const string MaxRetries = "SALTANT_MAX_RETRIES";

    /// <summary>Records per page when streaming lists, a whole number from 1 to 1000; default 100.</summary>
    public const string PageSize = "SALTANT_PAGE_SIZE";

    /// <summary>Pages read ahead when streaming lists, a whole number from 0 to 64; default 4.</summary>
    public const string ReadAheadPages = "SALTANT_READ_AHEAD_PAGES";

    /// <summary>Requests in flight at once in batch operations, a whole number from 1 to 64; default 8.</summary>
    public const string BatchConcurrency = "SALTANT_BATCH_CONCURRENCY";

    /// <summary>Seconds between polls when waiting for instances, decimals allowed; default 5.</summary>
    public const string WaitRefreshPeriod = "SALTANT_WAIT_REFRESH_PERIOD";

    /// <summary>Whether credentials may go over plain http to a host other than this machine (boolean); default false.</summary>
    public const string AllowInsecureHttp = "SALTANT_ALLOW_INSECURE_HTTP";

    /// <summary>The <c>User-Agent</c> header, printable ASCII; default <see cref="SettingsDefaults.UserAgent"/>.</summary>
    public const string UserAgent = "SALTANT_USER_AGENT";

    /// <summary>The longest <c>Retry-After</c> a retry waits for, in seconds, decimals allowed, at most 3600; default 60.</summary>
    public const string MaxRetryAfter = "SALTANT_MAX_RETRY_AFTER";

    /// <summary>The most MiB of an answer's body the client reads, a whole number from 1 to 4096; default 64.</summary>
    public const string MaxResponseMegabytes = "SALTANT_MAX_RESPONSE_MB";

    /// <summary>Every variable read, in the order they are checked.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ApiUrl, AuthToken, Username, Password, JwtAccessToken, JwtRefreshToken, Timeout,
        CheckAuthentication, MaxRetries, PageSize, ReadAheadPages, BatchConcurrency,
        WaitRefreshPeriod, AllowInsecureHttp, UserAgent, MaxRetryAfter, MaxResponseMegabytes,
    ];
}
