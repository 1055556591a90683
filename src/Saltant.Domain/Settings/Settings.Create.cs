using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

public sealed partial record Settings
{
    /// <summary>
    /// Makes settings, checking every value and reporting every problem at once (each named by its
    /// property, e.g. <c>Timeout</c> or <c>Authentication.Key</c>). The simple case is
    /// <c>Settings.Create("https://saltant.example.org/api/", Authentication.Token(key))</c>.
    /// </summary>
    /// <param name="apiRoot">The API root, an absolute http or https URL; the trailing <c>/</c> is optional.</param>
    /// <param name="authentication">How to authenticate.</param>
    /// <param name="timeout">Per-request timeout, more than 0 and at most 1 hour; default 90 s.</param>
    /// <param name="checkAuthentication">Whether connecting checks the credentials; default true.</param>
    /// <param name="maxRetries">Retries of a safe request, 0 to 10; default 3.</param>
    /// <param name="retryBaseDelay">First retry delay, more than 0 and at most 10 s; default 200 ms.</param>
    /// <param name="retryMaxDelay">Cap on any retry delay, from the base delay to 60 s; default 5 s.</param>
    /// <param name="pageSize">Records per page when streaming, 1 to 1000; default 100.</param>
    /// <param name="readAheadPages">Pages read ahead when streaming, 0 to 64; default 4.</param>
    /// <param name="batchConcurrency">Requests in flight at once in batches, 1 to 64; default 8.</param>
    /// <param name="waitRefreshPeriod">Time between polls when waiting, more than 0 and at most 1 hour; default 5 s.</param>
    /// <param name="allowInsecureHttp">Whether credentials may go over plain http to another host; default false.</param>
    /// <param name="userAgent">The <c>User-Agent</c> header, printable ASCII; default <see cref="SettingsDefaults.UserAgent"/>.</param>
    /// <param name="maxRetryAfter">The longest <c>Retry-After</c> a retry waits for, more than 0 and at most 1 hour; default 60 s.</param>
    /// <param name="maxResponseSize">The most MiB of an answer's body that is read, 1 to 4096; default 64.</param>
    public static Either<ConfigError, Settings> Create(
        string apiRoot,
        Authentication authentication,
        TimeSpan? timeout = null,
        bool checkAuthentication = SettingsDefaults.CheckAuthentication,
        int maxRetries = SettingsDefaults.MaxRetries,
        TimeSpan? retryBaseDelay = null,
        TimeSpan? retryMaxDelay = null,
        int pageSize = SettingsDefaults.PageSize,
        int readAheadPages = SettingsDefaults.ReadAheadPages,
        int batchConcurrency = SettingsDefaults.BatchConcurrency,
        TimeSpan? waitRefreshPeriod = null,
        bool allowInsecureHttp = SettingsDefaults.AllowInsecureHttp,
        string? userAgent = null,
        TimeSpan? maxRetryAfter = null,
        int maxResponseSize = SettingsDefaults.MaxResponseSize)
    {
        var names = SettingNames.Properties;
        var baseDelay = SettingRules.Duration(names.RetryBaseDelay, retryBaseDelay ?? SettingsDefaults.RetryBaseDelay, SettingsLimits.MaxRetryBaseDelaySeconds);
        return Assemble(
            SettingRules.ApiRoot(names.ApiRoot, apiRoot),
            SettingRules.Authentication(names, authentication),
            SettingRules.Duration(names.Timeout, timeout ?? SettingsDefaults.Timeout, SettingsLimits.MaxTimeoutSeconds),
            checkAuthentication,
            SettingRules.WholeNumber(names.MaxRetries, maxRetries, 0, SettingsLimits.MaxRetries),
            baseDelay,
            SettingRules.RetryMaxDelay(names.RetryMaxDelay, retryMaxDelay ?? SettingsDefaults.RetryMaxDelay, baseDelay.ToOption()),
            SettingRules.WholeNumber(names.PageSize, pageSize, SettingsLimits.MinPageSize, SettingsLimits.MaxPageSize),
            SettingRules.WholeNumber(names.ReadAheadPages, readAheadPages, 0, SettingsLimits.MaxReadAheadPages),
            SettingRules.WholeNumber(names.BatchConcurrency, batchConcurrency, 1, SettingsLimits.MaxBatchConcurrency),
            SettingRules.Duration(names.WaitRefreshPeriod, waitRefreshPeriod ?? SettingsDefaults.WaitRefreshPeriod, SettingsLimits.MaxWaitRefreshPeriodSeconds),
            allowInsecureHttp,
            userAgent is null ? Success<ConfigProblem, string>(SettingsDefaults.UserAgent) : SettingRules.UserAgent(names.UserAgent, userAgent),
            SettingRules.Duration(names.MaxRetryAfter, maxRetryAfter ?? SettingsDefaults.MaxRetryAfter, SettingsLimits.MaxRetryAfterSeconds),
            SettingRules.WholeNumber(names.MaxResponseSize, maxResponseSize, 1, SettingsLimits.MaxResponseSize));
    }

    /// <summary>These settings with another API root, checked.</summary>
    /// <param name="apiRoot">The API root, an absolute http or https URL.</param>
    public Either<ConfigError, Settings> WithApiRoot(string apiRoot) => Change(apiRoot: apiRoot);

    /// <summary>These settings with another way to authenticate, checked.</summary>
    /// <param name="authentication">How to authenticate.</param>
    public Either<ConfigError, Settings> WithAuthentication(Authentication authentication) => Change(authentication: authentication);

    /// <summary>These settings with another request timeout, checked.</summary>
    /// <param name="timeout">More than 0 and at most 1 hour.</param>
    public Either<ConfigError, Settings> WithTimeout(TimeSpan timeout) => Change(timeout: timeout);

    /// <summary>These settings with the authentication check on connect turned on or off (cannot fail).</summary>
    /// <param name="checkAuthentication">Whether to check.</param>
    public Settings WithCheckAuthentication(bool checkAuthentication) =>
        Copy(checkAuthentication: checkAuthentication);

    /// <summary>These settings with another number of retries, checked.</summary>
    /// <param name="maxRetries">0 to 10.</param>
    public Either<ConfigError, Settings> WithMaxRetries(int maxRetries) => Change(maxRetries: maxRetries);

    /// <summary>These settings with other retry delays, checked together (the cap must be at least the base).</summary>
    /// <param name="baseDelay">The first delay, more than 0 and at most 10 s.</param>
    /// <param name="maxDelay">The cap, from <paramref name="baseDelay"/> to 60 s.</param>
    public Either<ConfigError, Settings> WithRetryDelays(TimeSpan baseDelay, TimeSpan maxDelay) =>
        Change(retryBaseDelay: baseDelay, retryMaxDelay: maxDelay);

    /// <summary>These settings with another streaming page size, checked.</summary>
    /// <param name="pageSize">1 to 1000.</param>
    public Either<ConfigError, Settings> WithPageSize(int pageSize) => Change(pageSize: pageSize);

    /// <summary>These settings with another number of read-ahead pages, checked.</summary>
    /// <param name="readAheadPages">0 to 64.</param>
    public Either<ConfigError, Settings> WithReadAheadPages(int readAheadPages) => Change(readAheadPages: readAheadPages);

    /// <summary>These settings with another batch concurrency, checked.</summary>
    /// <param name="batchConcurrency">1 to 64.</param>
    public Either<ConfigError, Settings> WithBatchConcurrency(int batchConcurrency) => Change(batchConcurrency: batchConcurrency);

    /// <summary>These settings with another wait refresh period, checked.</summary>
    /// <param name="waitRefreshPeriod">More than 0 and at most 1 hour.</param>
    public Either<ConfigError, Settings> WithWaitRefreshPeriod(TimeSpan waitRefreshPeriod) => Change(waitRefreshPeriod: waitRefreshPeriod);

    /// <summary>These settings with plain http to other hosts allowed or refused (cannot fail).</summary>
    /// <param name="allowInsecureHttp">Whether to allow it.</param>
    public Settings WithAllowInsecureHttp(bool allowInsecureHttp) => Copy(allowInsecureHttp: allowInsecureHttp);

    /// <summary>These settings with another user agent, checked.</summary>
    /// <param name="userAgent">Printable ASCII, at most 256 characters.</param>
    public Either<ConfigError, Settings> WithUserAgent(string userAgent) => Change(userAgent: userAgent);

    /// <summary>These settings with another longest <c>Retry-After</c> to wait for, checked.</summary>
    /// <param name="maxRetryAfter">More than 0 and at most 1 hour.</param>
    public Either<ConfigError, Settings> WithMaxRetryAfter(TimeSpan maxRetryAfter) => Change(maxRetryAfter: maxRetryAfter);

    /// <summary>These settings with another limit on an answer's body, checked.</summary>
    /// <param name="maxResponseSize">MiB, 1 to 4096.</param>
    public Either<ConfigError, Settings> WithMaxResponseSize(int maxResponseSize) => Change(maxResponseSize: maxResponseSize);

    // Every change goes back through Create, so a changed value meets exactly the checks a new one does.
    private Either<ConfigError, Settings> Change(
        string? apiRoot = null,
        Authentication? authentication = null,
        TimeSpan? timeout = null,
        int? maxRetries = null,
        TimeSpan? retryBaseDelay = null,
        TimeSpan? retryMaxDelay = null,
        int? pageSize = null,
        int? readAheadPages = null,
        int? batchConcurrency = null,
        TimeSpan? waitRefreshPeriod = null,
        string? userAgent = null,
        TimeSpan? maxRetryAfter = null,
        int? maxResponseSize = null) =>
        Create(
            apiRoot ?? ApiRoot.AbsoluteUri,
            authentication ?? Authentication,
            timeout ?? Timeout,
            CheckAuthentication,
            maxRetries ?? MaxRetries,
            retryBaseDelay ?? RetryBaseDelay,
            retryMaxDelay ?? RetryMaxDelay,
            pageSize ?? PageSize,
            readAheadPages ?? ReadAheadPages,
            batchConcurrency ?? BatchConcurrency,
            waitRefreshPeriod ?? WaitRefreshPeriod,
            AllowInsecureHttp,
            userAgent ?? UserAgent,
            maxRetryAfter ?? MaxRetryAfter,
            maxResponseSize ?? MaxResponseSize).Map(changed => changed with { InsecureHttpAllowance = InsecureHttpAllowance });

    private Settings Copy(bool? checkAuthentication = null, bool? allowInsecureHttp = null) =>
        new(ApiRoot, Authentication, Timeout, checkAuthentication ?? CheckAuthentication, MaxRetries,
            RetryBaseDelay, RetryMaxDelay, PageSize, ReadAheadPages, BatchConcurrency, WaitRefreshPeriod,
            allowInsecureHttp ?? AllowInsecureHttp, UserAgent, MaxRetryAfter, MaxResponseSize)
        {
            InsecureHttpAllowance = InsecureHttpAllowance,
        };

    // Gathers the problems of every setting, in the order the settings are listed, or builds the
    // settings when there are none.
    private static Either<ConfigError, Settings> Assemble(
        Validation<ConfigProblem, Uri> apiRoot,
        Validation<ConfigProblem, Authentication> authentication,
        Validation<ConfigProblem, TimeSpan> timeout,
        Validation<ConfigProblem, bool> checkAuthentication,
        Validation<ConfigProblem, int> maxRetries,
        Validation<ConfigProblem, TimeSpan> retryBaseDelay,
        Validation<ConfigProblem, TimeSpan> retryMaxDelay,
        Validation<ConfigProblem, int> pageSize,
        Validation<ConfigProblem, int> readAheadPages,
        Validation<ConfigProblem, int> batchConcurrency,
        Validation<ConfigProblem, TimeSpan> waitRefreshPeriod,
        Validation<ConfigProblem, bool> allowInsecureHttp,
        Validation<ConfigProblem, string> userAgent,
        Validation<ConfigProblem, TimeSpan> maxRetryAfter,
        Validation<ConfigProblem, int> maxResponseSize)
    {
        var problems =
            apiRoot.FailToSeq() + authentication.FailToSeq() + timeout.FailToSeq() +
            checkAuthentication.FailToSeq() + maxRetries.FailToSeq() + retryBaseDelay.FailToSeq() +
            retryMaxDelay.FailToSeq() + pageSize.FailToSeq() + readAheadPages.FailToSeq() +
            batchConcurrency.FailToSeq() + waitRefreshPeriod.FailToSeq() + allowInsecureHttp.FailToSeq() +
            userAgent.FailToSeq() + maxRetryAfter.FailToSeq() + maxResponseSize.FailToSeq();
        if (!problems.IsEmpty) return Left<ConfigError, Settings>(new ConfigError(problems));
        return Right<ConfigError, Settings>(new Settings(
            Value(apiRoot), Value(authentication), Value(timeout), Value(checkAuthentication), Value(maxRetries),
            Value(retryBaseDelay), Value(retryMaxDelay), Value(pageSize), Value(readAheadPages),
            Value(batchConcurrency), Value(waitRefreshPeriod), Value(allowInsecureHttp), Value(userAgent), Value(maxRetryAfter), Value(maxResponseSize)));
    }

    // Only called once every validation has been seen to succeed.
    private static T Value<T>(Validation<ConfigProblem, T> validation) =>
        validation.Match(Succ: v => v, Fail: _ => throw new InvalidOperationException("Read a failed setting."));
}
