using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Saltant.Client.Tests;

/// <summary>
/// The hosts this process starts an HTTP request to or looks up a name for, as .NET's own
/// networking reports them (the System.Net.Http and System.Net.NameResolution event sources), while
/// the listener lives. It sees every request of the process, so a test looks for a host of its own.
/// </summary>
internal sealed class NetworkActivity : EventListener
{
    private readonly ConcurrentQueue<string> hosts = new();

    /// <summary>Every host a request was started to or a name lookup was started for, in order.</summary>
    public IReadOnlyList<string> Hosts => [.. hosts];

    protected override void OnEventSourceCreated(EventSource source)
    {
        // Called from the base constructor for the sources that already exist: no fields used here.
        if (source.Name is "System.Net.Http" or "System.Net.NameResolution")
        {
            EnableEvents(source, EventLevel.Informational, EventKeywords.All);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        var name = (e.EventSource.Name, e.EventName) switch
        {
            ("System.Net.Http", "RequestStart") => "host",
            ("System.Net.NameResolution", "ResolutionStart") => "hostNameOrAddress",
            _ => null,
        };
        var index = name is null || e.PayloadNames is null ? -1 : e.PayloadNames.IndexOf(name);
        if (index >= 0 && e.Payload?[index] is string host)
        {
            hosts?.Enqueue(host);
        }
    }
}
