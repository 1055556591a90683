using System.Collections.Concurrent;

namespace Saltant.Emulator.Faults;

/// <summary>
/// Counts requests per method and path below <c>/api/</c> (query excluded), e.g.
/// <c>POST executabletaskinstances/</c>, twice: on arrival (<see cref="Count"/>, including requests a
/// fault then drops) and once the API has acted on them (<see cref="Processed"/>: not requests a
/// gateway error, a 429, or a reset or close before processing cut short). So a test can tell "the
/// client sent it twice" from "the server acted twice", e.g. that a create was applied exactly once.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _processed = new(StringComparer.Ordinal);
    private int _total, _processedTotal;

    internal void Record(string method, string path)
    {
        _counts.AddOrUpdate(method + " " + path, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    internal void RecordProcessed(string method, string path)
    {
        _processed.AddOrUpdate(method + " " + path, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _processedTotal);
    }

    private static string Key(string method, string path) => method.ToUpperInvariant() + " " + path.TrimStart('/');

    /// <summary>Requests received for a method and path (e.g. <c>("POST", "taskqueues/")</c>).</summary>
    public int Count(string method, string path) => _counts.TryGetValue(Key(method, path), out var n) ? n : 0;

    /// <summary>Requests for a method and path that the API processed (acted on), whatever then happened to the answer.</summary>
    public int Processed(string method, string path) => _processed.TryGetValue(Key(method, path), out var n) ? n : 0;

    /// <summary>All requests received.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>All requests the API processed.</summary>
    public int ProcessedTotal => Volatile.Read(ref _processedTotal);

    /// <summary>A copy of all arrival counts, keyed "METHOD path".</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts);

    /// <summary>A copy of all processed counts, keyed "METHOD path".</summary>
    public IReadOnlyDictionary<string, int> ProcessedSnapshot() => new Dictionary<string, int>(_processed);

    /// <summary>Forgets all counts.</summary>
    public void Reset()
    {
        _counts.Clear();
        _processed.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _processedTotal, 0);
    }
}
