using System.Collections.Concurrent;

namespace Saltant.Emulator.Faults;

/// <summary>
/// Counts every request the emulator received, keyed by method and path below <c>/api/</c> (query
/// excluded), e.g. <c>POST executabletaskinstances/</c>, so a test can prove a POST was sent once.
/// Requests are counted on arrival, including those a fault then drops.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _total;

    internal void Record(string method, string path)
    {
        _counts.AddOrUpdate(method + " " + path, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    /// <summary>Requests received for a method and path (e.g. <c>("POST", "taskqueues/")</c>).</summary>
    public int Count(string method, string path) => _counts.TryGetValue(method.ToUpperInvariant() + " " + path.TrimStart('/'), out var n) ? n : 0;

    /// <summary>All requests received.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>A copy of all counts, keyed "METHOD path".</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts);

    /// <summary>Forgets all counts.</summary>
    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
