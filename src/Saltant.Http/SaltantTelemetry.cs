using System.Diagnostics;
using System.Reflection;

namespace Saltant.Http;

/// <summary>
/// The names under which the client traces and logs, for subscribers: one <see cref="Activity"/>
/// (kind <see cref="ActivityKind.Client"/>) per API call from the <see cref="ActivitySource"/>
/// named <see cref="ActivitySourceName"/>, covering every attempt, and log records under
/// <see cref="ConnectionLogCategory"/>. Neither ever carries a credential, a password or a body.
/// </summary>
public static class SaltantTelemetry
{
    /// <summary>The name of the activity source, e.g. for <c>AddSource("Saltant.Client")</c> in OpenTelemetry.</summary>
    public const string ActivitySourceName = "Saltant.Client";

    /// <summary>The log category of the HTTP exchanges (<c>Saltant.Http.SaltantConnection</c>, the class that sends them).</summary>
    public const string ConnectionLogCategory = "Saltant.Http.SaltantConnection";

    /// <summary>Tag: the HTTP method, e.g. <c>GET</c> (OpenTelemetry <c>http.request.method</c>).</summary>
    public const string MethodTag = "http.request.method";

    /// <summary>Tag: the route template, e.g. <c>taskqueues/{id}/</c>.</summary>
    public const string RouteTag = "saltant.route";

    /// <summary>Tag: the absolute URL, which never holds a credential (OpenTelemetry <c>url.full</c>).</summary>
    public const string UrlTag = "url.full";

    /// <summary>Tag: the host of the API (OpenTelemetry <c>server.address</c>).</summary>
    public const string ServerAddressTag = "server.address";

    /// <summary>Tag: the port of the API (OpenTelemetry <c>server.port</c>).</summary>
    public const string ServerPortTag = "server.port";

    /// <summary>Tag: the status of the last answer, when one came (OpenTelemetry <c>http.response.status_code</c>).</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Tag: how many times the request was sent again after the first attempt (retries and a resend after a credential renewal).</summary>
    public const string RetryCountTag = "saltant.retry_count";

    /// <summary>Tag on failure: the <see cref="Saltant.Domain.SaltantError"/> type name, e.g. <c>NotFound</c> (OpenTelemetry <c>error.type</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Tag on failure: the error's numeric code (<see cref="Saltant.Domain.ErrorCodes"/>).</summary>
    public const string ErrorCodeTag = "saltant.error.code";

    /// <summary>The version of the activity source: this library's informational version.</summary>
    public static string Version { get; } =
        typeof(SaltantTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SaltantTelemetry).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The one source of the client's activities.</summary>
    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);
}
