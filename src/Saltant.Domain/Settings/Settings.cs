using System.Globalization;
using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// Everything the client needs to talk to one saltant server: where, as whom, and how patiently.
/// Immutable and always valid: the only ways to get one are <see cref="Create"/>,
/// <see cref="FromEnvironment"/> and the <c>With…</c> methods, which check every value and report
/// every problem at once as a <see cref="ConfigError"/>. Printing never shows a credential.
/// </summary>
public sealed partial record Settings
{
    private Settings(
        Uri apiRoot,
        Authentication authentication,
        TimeSpan timeout,
        bool checkAuthentication,
        int maxRetries,
        TimeSpan retryBaseDelay,
        TimeSpan retryMaxDelay,
        int pageSize,
        int readAheadPages,
        int batchConcurrency,
        TimeSpan waitRefreshPeriod,
        bool allowInsecureHttp,
        string userAgent,
        TimeSpan maxRetryAfter,
        int maxResponseSize)
    {
        ApiRoot = apiRoot;
        Authentication = authentication;
        Timeout = timeout;
        CheckAuthentication = checkAuthentication;
        MaxRetries = maxRetries;
        RetryBaseDelay = retryBaseDelay;
        RetryMaxDelay = retryMaxDelay;
        PageSize = pageSize;
        ReadAheadPages = readAheadPages;
        BatchConcurrency = batchConcurrency;
        WaitRefreshPeriod = waitRefreshPeriod;
        AllowInsecureHttp = allowInsecureHttp;
        UserAgent = userAgent;
        MaxRetryAfter = maxRetryAfter;
        MaxResponseSize = maxResponseSize;
    }

    /// <summary>The API root, an absolute http or https URL whose path ends in <c>/</c>, e.g. <c>https://saltant.example.org/api/</c>.</summary>
    public Uri ApiRoot { get; }

    /// <summary>How the client authenticates.</summary>
    public Authentication Authentication { get; }

    /// <summary>How long one request may take before it fails with <see cref="TimedOut"/>; default 90 s.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Whether connecting makes one authenticated read to fail fast on bad credentials; default true.</summary>
    public bool CheckAuthentication { get; }

    /// <summary>How many times a request that is safe to retry is retried after a temporary failure; default 3.</summary>
    public int MaxRetries { get; }

    /// <summary>The delay before the first retry, before jitter; default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; }

    /// <summary>The cap on any one retry delay; default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; }

    /// <summary>Records per page when streaming a list; default 100.</summary>
    public int PageSize { get; }

    /// <summary>Pages fetched ahead of the consumer when streaming a list (0: only on demand); default 4.</summary>
    public int ReadAheadPages { get; }

    /// <summary>Requests a batch operation keeps in flight at once; default 8.</summary>
    public int BatchConcurrency { get; }

    /// <summary>The time between polls when waiting for instances to finish; default 5 s, as in saltant-py.</summary>
    public TimeSpan WaitRefreshPeriod { get; }

    /// <summary>
    /// Whether credentials may be sent over plain http to a host other than this machine; default
    /// false, and then the HTTP layer refuses such requests with <see cref="InsecureRequestRefused"/>.
    /// </summary>
    public bool AllowInsecureHttp { get; }

    /// <summary>
    /// How to allow plain http to other hosts (<see cref="AllowInsecureHttp"/>) where these settings
    /// came from, for messages such as <see cref="InsecureRequestRefused"/>: the
    /// <c>allowInsecureHttp</c> argument in code, <c>SALTANT_ALLOW_INSECURE_HTTP=true</c> for
    /// <see cref="FromEnvironment"/>, or the caller's own name for it (a configuration key, say) for
    /// <see cref="FromVariables"/>.
    /// </summary>
    /// <remarks>It says where the settings came from, not what they are, so it takes no part in equality.</remarks>
    public string InsecureHttpAllowance
    {
        get => allowance.Text;
        private init => allowance = new Description(value);
    }

    private readonly Description allowance = new(InsecureHttpAllowanceInCode);

    private const string InsecureHttpAllowanceInCode = "allowInsecureHttp: true (Settings.Create) or Settings.WithAllowInsecureHttp(true)";

    /// <summary>Text about settings rather than a setting: every two are equal, so the record's equality ignores it.</summary>
    private sealed class Description(string text)
    {
        public string Text => text;

        public override bool Equals(object? obj) => obj is Description;

        public override int GetHashCode() => 0;
    }

    /// <summary>The <c>User-Agent</c> header; default <see cref="SettingsDefaults.UserAgent"/>.</summary>
    public string UserAgent { get; }

    /// <summary>
    /// The longest <c>Retry-After</c> a retry waits for; a 429 asking for more ends with
    /// <see cref="RateLimited"/> at once, so a caller is never parked silently; default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; }

    /// <summary>
    /// The most MiB of one answer's body the client reads; a longer one fails with
    /// <see cref="ResponseTooLarge"/> instead of growing memory without end; default 64.
    /// </summary>
    public int MaxResponseSize { get; }

    /// <summary><see cref="MaxResponseSize"/> in bytes.</summary>
    public long MaxResponseBytes => MaxResponseSize * 1024L * 1024L;

    /// <summary>
    /// The retry schedule built from <see cref="MaxRetries"/>, <see cref="RetryBaseDelay"/> and
    /// <see cref="RetryMaxDelay"/>: jittered exponential backoff, see <see cref="RetryBackoff"/>.
    /// </summary>
    public Schedule RetrySchedule => RetryBackoff.Create(MaxRetries, RetryBaseDelay, RetryMaxDelay);

    /// <summary>Whether the API root is plain http to a host other than this machine (so credentials would travel readable).</summary>
    public bool PlainHttpToRemoteHost => ApiRoot.Scheme == Uri.UriSchemeHttp && !ApiRoot.IsLoopback;

    /// <summary>Whether the HTTP layer may send credentials to <see cref="ApiRoot"/>: https, this machine, or <see cref="AllowInsecureHttp"/>.</summary>
    public bool MaySendCredentials => !PlainHttpToRemoteHost || AllowInsecureHttp;

    /// <summary>Every setting, with credentials shown as <c>***</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"Settings {{ ApiRoot = {ApiRoot.AbsoluteUri}, Authentication = {Authentication}, " +
            $"Timeout = {SettingRules.ShowSeconds(Timeout)} s, CheckAuthentication = {CheckAuthentication}, " +
            $"MaxRetries = {MaxRetries}, RetryBaseDelay = {SettingRules.ShowSeconds(RetryBaseDelay)} s, " +
            $"RetryMaxDelay = {SettingRules.ShowSeconds(RetryMaxDelay)} s, PageSize = {PageSize}, " +
            $"ReadAheadPages = {ReadAheadPages}, BatchConcurrency = {BatchConcurrency}, " +
            $"WaitRefreshPeriod = {SettingRules.ShowSeconds(WaitRefreshPeriod)} s, " +
            $"AllowInsecureHttp = {AllowInsecureHttp}, UserAgent = {UserAgent}, " +
            $"MaxRetryAfter = {SettingRules.ShowSeconds(MaxRetryAfter)} s, MaxResponseSize = {MaxResponseSize} MiB }}");
}
