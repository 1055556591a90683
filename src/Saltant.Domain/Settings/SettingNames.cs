namespace Saltant.Domain;

/// <summary>
/// What each setting is called in a <see cref="ConfigProblem"/> when settings are made in code: the
/// property name (and <c>Authentication.Key</c> and so on for the parts of a credential). Settings
/// read from the environment are named by their variables instead (<see cref="SettingsVariables"/>);
/// the rules take the name as a parameter so one set of rules serves both.
/// </summary>
internal sealed record SettingNames(
    string ApiRoot,
    string Authentication,
    string AuthToken,
    string Username,
    string Password,
    string JwtAccessToken,
    string JwtRefreshToken,
    string Timeout,
    string MaxRetries,
    string RetryBaseDelay,
    string RetryMaxDelay,
    string PageSize,
    string ReadAheadPages,
    string BatchConcurrency,
    string WaitRefreshPeriod,
    string UserAgent,
    string MaxRetryAfter,
    string MaxResponseSize)
{
    /// <summary>Names for settings made in code (<see cref="Settings.Create"/> and the <c>With…</c> methods).</summary>
    public static readonly SettingNames Properties = new(
        nameof(Settings.ApiRoot),
        nameof(Settings.Authentication),
        "Authentication.Key",
        "Authentication.Username",
        "Authentication.Password",
        "Authentication.Access",
        "Authentication.Refresh",
        nameof(Settings.Timeout),
        nameof(Settings.MaxRetries),
        nameof(Settings.RetryBaseDelay),
        nameof(Settings.RetryMaxDelay),
        nameof(Settings.PageSize),
        nameof(Settings.ReadAheadPages),
        nameof(Settings.BatchConcurrency),
        nameof(Settings.WaitRefreshPeriod),
        nameof(Settings.UserAgent),
        nameof(Settings.MaxRetryAfter),
        nameof(Settings.MaxResponseSize));
}
