using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

public sealed partial record Settings
{
    /// <summary>
    /// Reads settings from environment variables, reporting every problem at once, each naming its
    /// variable. Like saltant-py's <c>from_env</c>, <c>SALTANT_API_URL</c> is required and
    /// <c>SALTANT_AUTH_TOKEN</c> is the usual credential; unlike it, a missing URL and a missing
    /// token are reported together, and a JWT login (<c>SALTANT_USERNAME</c> + <c>SALTANT_PASSWORD</c>)
    /// or JWT pair (<c>SALTANT_JWT_ACCESS_TOKEN</c> + <c>SALTANT_JWT_REFRESH_TOKEN</c>) may replace the
    /// token. Exactly one way to authenticate must be set. Optional: <c>SALTANT_TIMEOUT</c> and
    /// <c>SALTANT_WAIT_REFRESH_PERIOD</c> and <c>SALTANT_MAX_RETRY_AFTER</c> (seconds, decimals allowed), <c>SALTANT_CHECK_AUTHENTICATION</c>
    /// and <c>SALTANT_ALLOW_INSECURE_HTTP</c> (true/false, 1/0, yes/no), <c>SALTANT_MAX_RETRIES</c>,
    /// <c>SALTANT_PAGE_SIZE</c>, <c>SALTANT_READ_AHEAD_PAGES</c>, <c>SALTANT_BATCH_CONCURRENCY</c>,
    /// <c>SALTANT_MAX_RESPONSE_MB</c> (whole numbers) and <c>SALTANT_USER_AGENT</c>; see <see cref="SettingsVariables"/> for ranges.
    /// Retry delays keep their defaults (change them with <see cref="WithRetryDelays"/>).
    /// </summary>
    /// <param name="environment">
    /// The variables, e.g. a snapshot of the process environment; the caller reads the
    /// real environment so this stays pure. A variable that is absent or maps to <c>null</c> is not
    /// set; names are matched with the dictionary's own comparer.
    /// </param>
    /// <returns>The settings, or a <see cref="ConfigError"/> listing every problem, each naming its variable.</returns>
    /// <example>
    /// Every problem is reported at once, so a user fixes them in one go:
    /// <code>
    /// var variables = new Dictionary&lt;string, string?&gt;
    /// {
    ///     ["SALTANT_API_URL"] = "saltant.example.org/api",   // not absolute
    ///     ["SALTANT_TIMEOUT"] = "soon",                       // not a number
    /// };
    /// var report = Settings.FromEnvironment(variables).Match(
    ///     Right: settings =&gt; $"Using {settings.ApiRoot}",
    ///     Left: error =&gt; string.Join(Environment.NewLine, error.Problems.Map(p =&gt; $"{p.Setting}: {p.Message}")));
    /// // SALTANT_API_URL: SALTANT_API_URL must be an absolute URL …
    /// // SALTANT_AUTH_TOKEN: SALTANT_AUTH_TOKEN is not set.
    /// // SALTANT_TIMEOUT: SALTANT_TIMEOUT must be a number, not "soon".
    /// </code>
    /// </example>
    public static Either<ConfigError, Settings> FromEnvironment(IReadOnlyDictionary<string, string?> environment) =>
        FromVariables(environment, variable => variable);

    /// <summary>
    /// Reads settings as <see cref="FromEnvironment"/> does, from
    /// variables that came from somewhere else (configuration keys, say), naming each setting in
    /// problems and in <see cref="InsecureHttpAllowance"/> the way the user set it:
    /// <c>Saltant:AuthToken</c> rather than <c>SALTANT_AUTH_TOKEN</c>.
    /// </summary>
    /// <param name="environment">The values, keyed by the variables of <see cref="SettingsVariables"/>.</param>
    /// <param name="settingName">The name to show for a variable of <see cref="SettingsVariables"/>.</param>
    /// <returns>The settings, or a <see cref="ConfigError"/> listing every problem, each naming its setting by <paramref name="settingName"/>.</returns>
    public static Either<ConfigError, Settings> FromVariables(IReadOnlyDictionary<string, string?> environment, Func<string, string> settingName)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settingName);
        return Read(environment).BiMap(
            Right: settings => settings with { InsecureHttpAllowance = $"{settingName(SettingsVariables.AllowInsecureHttp)}=true" },
            Left: error => new ConfigError(error.Problems.Map(problem => problem.Renamed(settingName))));
    }

    private static Either<ConfigError, Settings> Read(IReadOnlyDictionary<string, string?> environment)
    {
        return Assemble(
            SettingRules.ApiRoot(SettingsVariables.ApiUrl, EnvironmentValues.Get(environment, SettingsVariables.ApiUrl).IfNoneUnsafe((string?)null)),
            EnvironmentAuthentication.Read(environment),
            EnvironmentValues.Seconds(environment, SettingsVariables.Timeout, SettingsDefaults.Timeout, SettingsLimits.MaxTimeoutSeconds),
            EnvironmentValues.Boolean(environment, SettingsVariables.CheckAuthentication, SettingsDefaults.CheckAuthentication),
            EnvironmentValues.WholeNumber(environment, SettingsVariables.MaxRetries, SettingsDefaults.MaxRetries, 0, SettingsLimits.MaxRetries),
            Success<ConfigProblem, TimeSpan>(SettingsDefaults.RetryBaseDelay),
            Success<ConfigProblem, TimeSpan>(SettingsDefaults.RetryMaxDelay),
            EnvironmentValues.WholeNumber(environment, SettingsVariables.PageSize, SettingsDefaults.PageSize, SettingsLimits.MinPageSize, SettingsLimits.MaxPageSize),
            EnvironmentValues.WholeNumber(environment, SettingsVariables.ReadAheadPages, SettingsDefaults.ReadAheadPages, 0, SettingsLimits.MaxReadAheadPages),
            EnvironmentValues.WholeNumber(environment, SettingsVariables.BatchConcurrency, SettingsDefaults.BatchConcurrency, 1, SettingsLimits.MaxBatchConcurrency),
            EnvironmentValues.Seconds(environment, SettingsVariables.WaitRefreshPeriod, SettingsDefaults.WaitRefreshPeriod, SettingsLimits.MaxWaitRefreshPeriodSeconds),
            EnvironmentValues.Boolean(environment, SettingsVariables.AllowInsecureHttp, SettingsDefaults.AllowInsecureHttp),
            EnvironmentValues.Optional(environment, SettingsVariables.UserAgent, SettingsDefaults.UserAgent, text => SettingRules.UserAgent(SettingsVariables.UserAgent, text)),
            EnvironmentValues.Seconds(environment, SettingsVariables.MaxRetryAfter, SettingsDefaults.MaxRetryAfter, SettingsLimits.MaxRetryAfterSeconds),
            EnvironmentValues.WholeNumber(environment, SettingsVariables.MaxResponseMegabytes, SettingsDefaults.MaxResponseSize, 1, SettingsLimits.MaxResponseSize));
    }
}
