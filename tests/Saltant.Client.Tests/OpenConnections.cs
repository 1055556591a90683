using System.Diagnostics.Metrics;

namespace Saltant.Client.Tests;

/// <summary>
/// How many HTTP connections this process holds open to one port, from System.Net.Http's own
/// <c>http.client.open_connections</c> metric. A client that was disposed leaves none: its pool
/// closes them at once, where an undisposed one keeps an idle connection for a minute or more.
/// The metric is process-wide; the port (one emulator's) keeps other tests' connections out.
/// </summary>
internal sealed class OpenConnections : IDisposable
{
    private readonly MeterListener listener = new();
    private long open;
    private bool seen;

    /// <summary>Starts counting; connections opened before this are not seen.</summary>
    /// <param name="port">The server's port.</param>
    public OpenConnections(int port)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.open_connections")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, change, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && Convert.ToInt32(tag.Value, System.Globalization.CultureInfo.InvariantCulture) == port)
                {
                    Interlocked.Add(ref open, change);
                    if (change > 0)
                    {
                        Volatile.Write(ref seen, true);
                    }
                }
            }
        });
        listener.Start();
    }

    /// <summary>Connections open now (active or idle).</summary>
    public long Count => Interlocked.Read(ref open);

    /// <summary>Whether any connection to the port was seen open: shows that a count of 0 means closed, not unwatched.</summary>
    public bool Seen => Volatile.Read(ref seen);

    public void Dispose() => listener.Dispose();
}
