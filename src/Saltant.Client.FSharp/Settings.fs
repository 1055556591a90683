namespace Saltant.Client.FSharp

open System
open System.Collections.Generic
open Saltant.Domain

/// Saltant settings made the F# way: optional arguments instead of nullable ones, and an F#
/// Result listing every problem instead of a LanguageExt Either.
[<AbstractClass; Sealed>]
type SaltantSettings =
    /// <summary>Validated settings, or every problem found (each names its setting). Omitted arguments take
    /// the same defaults as Settings.Create.</summary>
    /// <param name="apiUrl">The API root, an absolute http or https URL; the trailing / is optional.</param>
    /// <param name="authentication">How to authenticate: Authentication.Token, .Login or .Jwt.</param>
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
    /// <param name="userAgent">The User-Agent header, printable ASCII; default SettingsDefaults.UserAgent.</param>
    /// <param name="maxRetryAfter">The longest Retry-After a retry waits for, more than 0 and at most 1 hour; default 60 s.</param>
    /// <param name="maxResponseSize">The most MiB of an answer's body that is read, 1 to 4096; default 64.</param>
    static member Create
        (
            apiUrl: string,
            authentication: Authentication,
            ?timeout: TimeSpan,
            ?checkAuthentication: bool,
            ?maxRetries: int,
            ?retryBaseDelay: TimeSpan,
            ?retryMaxDelay: TimeSpan,
            ?pageSize: int,
            ?readAheadPages: int,
            ?batchConcurrency: int,
            ?waitRefreshPeriod: TimeSpan,
            ?allowInsecureHttp: bool,
            ?userAgent: string,
            ?maxRetryAfter: TimeSpan,
            ?maxResponseSize: int
        ) : Result<Settings, ConfigProblem list> =
        Settings.Create(
            apiUrl,
            authentication,
            timeout = Option.toNullable timeout,
            checkAuthentication = defaultArg checkAuthentication SettingsDefaults.CheckAuthentication,
            maxRetries = defaultArg maxRetries SettingsDefaults.MaxRetries,
            retryBaseDelay = Option.toNullable retryBaseDelay,
            retryMaxDelay = Option.toNullable retryMaxDelay,
            pageSize = defaultArg pageSize SettingsDefaults.PageSize,
            readAheadPages = defaultArg readAheadPages SettingsDefaults.ReadAheadPages,
            batchConcurrency = defaultArg batchConcurrency SettingsDefaults.BatchConcurrency,
            waitRefreshPeriod = Option.toNullable waitRefreshPeriod,
            allowInsecureHttp = defaultArg allowInsecureHttp SettingsDefaults.AllowInsecureHttp,
            userAgent = Option.toObj userAgent,
            maxRetryAfter = Option.toNullable maxRetryAfter,
            maxResponseSize = defaultArg maxResponseSize SettingsDefaults.MaxResponseSize)
        |> SaltantSettings.OfEither

    /// <summary>Settings read from SALTANT_* variables (the names and rules of Settings.FromEnvironment),
    /// or every problem found.</summary>
    /// <param name="environment">The variables, by name.</param>
    static member FromEnvironment(environment: Map<string, string>) : Result<Settings, ConfigProblem list> =
        Settings.FromEnvironment(environment :> IReadOnlyDictionary<string, string>) |> SaltantSettings.OfEither

    /// <summary>The Either that Settings.Create and Settings.FromEnvironment return, as an F# Result.</summary>
    /// <param name="settings">The settings as made, valid or not.</param>
    static member OfEither(settings: LanguageExt.Either<ConfigError, Settings>) : Result<Settings, ConfigProblem list> =
        match settings with
        | Right valid -> Ok valid
        | Left error -> Error(ofLSeq error.Problems)

    /// <summary>The problems as the one ConfigError the C# API fails with.</summary>
    /// <param name="problems">Every problem found.</param>
    static member ToError(problems: ConfigProblem list) : ConfigError = ConfigError(lseq problems)
