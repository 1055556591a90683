using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Cli;

/// <summary>The tool's exit codes, one per kind of outcome, so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>An instance waited for finished failed or terminated, or something unexpected went wrong.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown command or option, missing or malformed value, bad JSON.</summary>
    public const int Usage = 2;

    /// <summary>No usable configuration: missing or invalid settings, config file or profile.</summary>
    public const int Config = 3;

    /// <summary>No such record (404), or no record with that name.</summary>
    public const int NotFound = 4;

    /// <summary>The server did not accept the credentials.</summary>
    public const int Authentication = 5;

    /// <summary>The credentials are fine but not allowed to do this (not the owner, not a superuser).</summary>
    public const int Permission = 6;

    /// <summary>The server rejected the input (400), with its field messages.</summary>
    public const int Validation = 7;

    /// <summary>The server failed or answered something unexpected (5xx, 405, 429 after retries, an undecodable body).</summary>
    public const int Server = 8;

    /// <summary>The server could not be reached or did not answer in time.</summary>
    public const int Network = 9;

    /// <summary>A wait ran past its --timeout with instances still unfinished.</summary>
    public const int WaitTimedOut = 10;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The table shown in <c>--help</c> and the README.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Table { get; } =
    [
        (Success, "success"),
        (Failed, "an instance waited for failed or was terminated; or an unexpected failure"),
        (Usage, "usage error: unknown command or option, missing or malformed value"),
        (Config, "configuration missing or invalid (settings, config file, profile)"),
        (NotFound, "not found"),
        (Authentication, "authentication failed (bad or missing credentials)"),
        (Permission, "permission denied"),
        (Validation, "validation failed: the server rejected the input"),
        (Server, "server failure or unexpected answer"),
        (Network, "network failure or timeout"),
        (WaitTimedOut, "wait --timeout passed with instances unfinished"),
        (Cancelled, "interrupted"),
    ];

    /// <summary>The exit code for a failure from the client.</summary>
    /// <param name="error">The failure.</param>
    public static int For(Error error) => error switch
    {
        CliError cli => cli.ExitCode,
        ConfigError or InsecureRequestRefused or ResendRefused => Config,
        Saltant.Domain.NotFound or NameNotFound => NotFound,
        AuthenticationFailed => Authentication,
        PermissionDenied => Permission,
        ValidationFailed or SweepRejected => Validation,
        InvalidRequestInput => Usage,
        TransportFailed or TimedOut => Network,
        Saltant.Domain.WaitTimedOut => WaitTimedOut,
        Saltant.Domain.Cancelled => Cancelled,
        MethodNotAllowed or ServerFault or RateLimited or UnexpectedStatus or UndecodableBody => Server,
        _ => Failed,
    };
}
