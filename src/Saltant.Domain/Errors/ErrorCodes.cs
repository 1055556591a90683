namespace Saltant.Domain;

/// <summary>
/// The <see cref="LanguageExt.Common.Error.Code"/> of every <see cref="SaltantError"/> and
/// <see cref="ConfigProblem"/>: distinct, non-zero and stable, so callers and the CLI can switch on them.
/// </summary>
public static class ErrorCodes
{
    /// <summary><see cref="ConfigError"/>.</summary>
    public const int Config = 1000;

    /// <summary><see cref="ConfigProblem.Missing"/>.</summary>
    public const int ConfigMissing = 1001;

    /// <summary><see cref="ConfigProblem.Empty"/>.</summary>
    public const int ConfigEmpty = 1002;

    /// <summary><see cref="ConfigProblem.NotAbsoluteUrl"/>.</summary>
    public const int ConfigNotAbsoluteUrl = 1003;

    /// <summary><see cref="ConfigProblem.WrongScheme"/>.</summary>
    public const int ConfigWrongScheme = 1004;

    /// <summary><see cref="ConfigProblem.BadNumber"/>.</summary>
    public const int ConfigBadNumber = 1005;

    /// <summary><see cref="ConfigProblem.OutOfRange"/>.</summary>
    public const int ConfigOutOfRange = 1006;

    /// <summary><see cref="ConfigProblem.BadBoolean"/>.</summary>
    public const int ConfigBadBoolean = 1007;

    /// <summary><see cref="ConfigProblem.Conflict"/>.</summary>
    public const int ConfigConflict = 1008;

    /// <summary><see cref="ConfigProblem.Incomplete"/>.</summary>
    public const int ConfigIncomplete = 1009;

    /// <summary><see cref="ConfigProblem.UrlHasExtras"/>.</summary>
    public const int ConfigUrlHasExtras = 1010;

    /// <summary><see cref="ConfigProblem.Malformed"/>.</summary>
    public const int ConfigMalformed = 1011;

    /// <summary><see cref="TransportFailed"/>.</summary>
    public const int TransportFailed = 2001;

    /// <summary><see cref="TimedOut"/>.</summary>
    public const int TimedOut = 2002;

    /// <summary><see cref="Cancelled"/>.</summary>
    public const int Cancelled = 2003;

    /// <summary><see cref="InsecureRequestRefused"/>.</summary>
    public const int InsecureRequestRefused = 2004;

    /// <summary><see cref="ResendRefused"/>.</summary>
    public const int ResendRefused = 2005;

    /// <summary><see cref="AuthenticationFailed"/>.</summary>
    public const int AuthenticationFailed = 3001;

    /// <summary><see cref="PermissionDenied"/>.</summary>
    public const int PermissionDenied = 3002;

    /// <summary><see cref="NotFound"/>.</summary>
    public const int NotFound = 3003;

    /// <summary><see cref="ValidationFailed"/>.</summary>
    public const int ValidationFailed = 3004;

    /// <summary><see cref="MethodNotAllowed"/>.</summary>
    public const int MethodNotAllowed = 3005;

    /// <summary><see cref="ServerFault"/>.</summary>
    public const int ServerFault = 3006;

    /// <summary><see cref="RateLimited"/>.</summary>
    public const int RateLimited = 3007;

    /// <summary><see cref="UnexpectedStatus"/>.</summary>
    public const int UnexpectedStatus = 3008;

    /// <summary><see cref="UndecodableBody"/>.</summary>
    public const int UndecodableBody = 3009;

    /// <summary><see cref="ResponseTooLarge"/>.</summary>
    public const int ResponseTooLarge = 3010;

    /// <summary><see cref="BrokenPagination"/>.</summary>
    public const int BrokenPagination = 3011;

    /// <summary><see cref="WaitTimedOut"/>.</summary>
    public const int WaitTimedOut = 4001;

    /// <summary><see cref="NameNotFound"/>.</summary>
    public const int NameNotFound = 4002;

    /// <summary><see cref="InvalidRequestInput"/>.</summary>
    public const int InvalidRequestInput = 5001;

    /// <summary><see cref="SweepRejected"/>.</summary>
    public const int SweepRejected = 5002;
}
