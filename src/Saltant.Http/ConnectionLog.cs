using Microsoft.Extensions.Logging;

namespace Saltant.Http;

/// <summary>
/// The connection's log records, source-generated (each checks <c>IsEnabled</c> before formatting).
/// They carry the method, the URL (which never holds a credential), statuses, timings and the typed
/// errors' messages; never a header value or a body.
/// </summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 1, EventName = "AttemptAnswered", Level = LogLevel.Debug,
        Message = "{Method} {Url} answered {StatusCode} in {ElapsedMs:0.0} ms (attempt {Attempt})")]
    internal static partial void AttemptAnswered(ILogger logger, string method, string url, int statusCode, double elapsedMs, int attempt);

    [LoggerMessage(EventId = 2, EventName = "AttemptUnanswered", Level = LogLevel.Debug,
        Message = "{Method} {Url} got no answer in {ElapsedMs:0.0} ms (attempt {Attempt}): {ErrorType}")]
    internal static partial void AttemptUnanswered(ILogger logger, string method, string url, double elapsedMs, int attempt, string errorType);

    [LoggerMessage(EventId = 3, EventName = "Retrying", Level = LogLevel.Information,
        Message = "Retrying {Method} {Url} in {DelayMs:0} ms after attempt {Attempt} ended with {ErrorType}: {ErrorMessage}")]
    internal static partial void Retrying(ILogger logger, string method, string url, double delayMs, int attempt, string errorType, string errorMessage);

    [LoggerMessage(EventId = 4, EventName = "RenewingCredential", Level = LogLevel.Information,
        Message = "The server rejected the credential sent with {Method} {Url}; it was renewed and the request is sent again")]
    internal static partial void RenewingCredential(ILogger logger, string method, string url);

    [LoggerMessage(EventId = 5, EventName = "CallFailed",
        Message = "{Method} {Url} failed with {ErrorType} after {Attempts} attempt(s): {ErrorMessage}")]
    internal static partial void CallFailed(ILogger logger, LogLevel level, string method, string url, string errorType, int attempts, string errorMessage);
}
