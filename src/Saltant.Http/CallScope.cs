using System.Diagnostics;
using LanguageExt.Common;
using Microsoft.Extensions.Logging;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>
/// One API call as it runs: where it goes, how it is named in logs and errors, what its attempts
/// came to, and its activity (one per call, retries and a credential renewal included). Made when
/// the call runs, so an effect run twice is two calls.
/// </summary>
internal sealed class CallScope : IDisposable
{
    private readonly ILogger logger;

    private CallScope(ApiRequest request, Uri url, RequestInfo info, ILogger logger)
    {
        Request = request;
        Url = url;
        Info = info;
        this.logger = logger;
        Activity = StartActivity(request, url, info);
    }

    /// <summary>The request.</summary>
    internal ApiRequest Request { get; }

    /// <summary>Its absolute URL.</summary>
    internal Uri Url { get; }

    /// <summary>Its method and URL as logged, traced and put in errors (never with user information).</summary>
    internal RequestInfo Info { get; }

    /// <summary>The call's activity, or null when nobody listens.</summary>
    internal Activity? Activity { get; }

    /// <summary>Attempts made so far.</summary>
    internal int Attempts { get; private set; }

    /// <summary>The last attempt's status, null when it got no answer.</summary>
    internal int? LastStatus { get; private set; }

    /// <summary>Whether the last attempt may have reached the server.</summary>
    internal bool LastMayHaveArrived { get; private set; }

    /// <summary>Whether the credential was renewed once already in this call.</summary>
    internal bool Renewed { get; private set; }

    /// <summary>Whether no credential could be had (a login or refresh failed after its own retries), so nothing is tried again.</summary>
    internal bool NoCredential { get; private set; }

    /// <summary>Records that no credential could be had, and passes the error on.</summary>
    internal Error CredentialUnavailable(Error error)
    {
        NoCredential = true;
        return error;
    }

    /// <summary>Starts a call of <paramref name="request"/> against <paramref name="apiRoot"/>.</summary>
    internal static CallScope Start(ApiRequest request, Uri apiRoot, ILogger logger)
    {
        var url = new Uri(apiRoot, request.RelativeUri);
        return new CallScope(request, url, new RequestInfo(request.MethodName, SafeUrl(url)), logger);
    }

    /// <summary>Records an attempt's outcome and logs it (never a header or a body).</summary>
    internal void Attempted(ExchangeOutcome outcome, double elapsedMs)
    {
        Attempts++;
        LastStatus = outcome.Status;
        LastMayHaveArrived = outcome.Sent;
        if (outcome.Status is int status)
        {
            ConnectionLog.AttemptAnswered(logger, Info.Method, Info.Url, status, elapsedMs, Attempts);
        }
        else
        {
            ConnectionLog.AttemptUnanswered(logger, Info.Method, Info.Url, elapsedMs, Attempts, outcome.Outcome.Match(_ => "", e => e.GetType().Name));
        }
    }

    /// <summary>Logs the wait before another attempt.</summary>
    internal void Retrying(TimeSpan delay, Error failure) =>
        ConnectionLog.Retrying(logger, Info.Method, Info.Url, delay.TotalMilliseconds, Attempts, failure.GetType().Name, failure.Message);

    /// <summary>Records and logs a credential renewal before the request is sent again (once per call).</summary>
    internal LanguageExt.Unit Renewing()
    {
        Renewed = true;
        ConnectionLog.RenewingCredential(logger, Info.Method, Info.Url);
        return LanguageExt.Unit.Default;
    }

    /// <summary>Records the call's end on its activity and, for a failure, in the log.</summary>
    internal void Complete(Error? error)
    {
        if (Activity is { IsAllDataRequested: true } activity)
        {
            if (LastStatus is int status)
            {
                activity.SetTag(SaltantTelemetry.StatusCodeTag, status);
            }

            activity.SetTag(SaltantTelemetry.RetryCountTag, Math.Max(0, Attempts - 1));
            if (error is not null)
            {
                activity.SetTag(SaltantTelemetry.ErrorTypeTag, error.GetType().Name);
                activity.SetTag(SaltantTelemetry.ErrorCodeTag, error.Code);
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }
        }

        if (error is not null)
        {
            // Not finding a record and being cancelled are ordinary outcomes; the rest deserve attention.
            var level = error is NotFound or Cancelled ? LogLevel.Information : LogLevel.Warning;
            ConnectionLog.CallFailed(logger, level, Info.Method, Info.Url, error.GetType().Name, Attempts, error.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Activity?.Dispose();

    /// <summary>The URL as logged, traced and put in errors: without user information, should an API root carry any.</summary>
    private static string SafeUrl(Uri url) =>
        url.UserInfo.Length == 0 ? url.AbsoluteUri : new UriBuilder(url) { UserName = "", Password = "" }.Uri.AbsoluteUri;

    /// <summary>Starts the call's activity, or returns null (at no cost) when nobody listens to the source.</summary>
    private static Activity? StartActivity(ApiRequest request, Uri url, RequestInfo info)
    {
        var source = SaltantTelemetry.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity($"{request.MethodName} {request.RouteTemplate}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SaltantTelemetry.MethodTag, request.MethodName);
            activity.SetTag(SaltantTelemetry.RouteTag, request.RouteTemplate);
            activity.SetTag(SaltantTelemetry.UrlTag, info.Url);
            activity.SetTag(SaltantTelemetry.ServerAddressTag, url.Host);
            activity.SetTag(SaltantTelemetry.ServerPortTag, url.Port);
        }

        return activity;
    }
}
