using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Saltant.Http;
using Xunit;

namespace Saltant.Client.Tests;

/// <summary>One log record as a provider saw it: the formatted message and every state key and value.</summary>
internal sealed record CapturedLog(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> State,
    string? Exception)
{
    public object? this[string key] => State.FirstOrDefault(kv => kv.Key == key).Value;

    /// <summary>Every text the record holds: what a sink could write.</summary>
    public IEnumerable<string> Texts()
    {
        yield return Category;
        yield return EventId.Name ?? "";
        yield return Message;
        yield return Exception ?? "";
        foreach (var (key, value) in State)
        {
            yield return key;
            yield return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
    }
}

/// <summary>A logger provider that keeps every record at every level, scopes included.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> records = new();
    private readonly ConcurrentQueue<string> scopes = new();

    public IReadOnlyList<CapturedLog> Records => records.ToArray();

    /// <summary>A logger factory writing only to this provider, at every level.</summary>
    public ILoggerFactory Factory() =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public IEnumerable<string> Texts() => Records.SelectMany(r => r.Texts()).Concat(scopes);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.scopes.Enqueue(state.ToString() ?? "");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.records.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values.ToArray(), exception?.ToString()));
        }
    }
}

/// <summary>
/// Listens to the client's activity source and keeps the stopped activities that went to one
/// emulator (tests run in parallel, and the source is shared by every client in the process).
/// </summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public ActivityRecorder(Uri apiUrl)
    {
        var prefix = apiUrl.AbsoluteUri;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SaltantTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(SaltantTelemetry.UrlTag) is string url && url.StartsWith(prefix, StringComparison.Ordinal))
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Activities => stopped.ToArray();

    /// <summary>The one activity with this display name, e.g. <c>GET taskqueues/{id}/</c>.</summary>
    public Activity Single(string displayName) => Assert.Single(Activities, a => a.DisplayName == displayName);

    /// <summary>Every text an activity holds: names, tag keys and values, status description, events, baggage.</summary>
    public IEnumerable<string> Texts() =>
        Activities.SelectMany(a =>
            new[] { a.DisplayName, a.OperationName, a.StatusDescription ?? "" }
                .Concat(a.TagObjects.SelectMany(t => new[] { t.Key, Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" }))
                .Concat(a.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(t => $"{t.Key}={t.Value}"))))
                .Concat(a.Baggage.Select(b => $"{b.Key}={b.Value}")));

    public void Dispose() => listener.Dispose();
}
