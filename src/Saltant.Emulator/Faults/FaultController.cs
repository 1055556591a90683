namespace Saltant.Emulator.Faults;

/// <summary>One installed fault: which requests it hits and how many times it still may.</summary>
public sealed class FaultRule
{
    private int _remaining;

    internal FaultRule(Fault fault, string? pathPrefix, string? method, int? times, string? query)
    {
        Fault = fault;
        Query = query;
        PathPrefix = pathPrefix?.TrimStart('/');
        Method = method?.ToUpperInvariant();
        _remaining = times ?? -1;
    }

    /// <summary>The fault applied.</summary>
    public Fault Fault { get; }

    /// <summary>Path prefix below <c>/api/</c> (e.g. <c>executabletaskinstances/</c>), or null for every route.</summary>
    public string? PathPrefix { get; }

    /// <summary>HTTP method, or null for any.</summary>
    public string? Method { get; }

    /// <summary>A regular expression the request's query must match (e.g. <c>page=2</c>), or null for any query.</summary>
    public string? Query { get; }

    /// <summary>Applications left; -1 means unlimited.</summary>
    public int Remaining => Volatile.Read(ref _remaining);

    internal bool Matches(string method, string path, string query) =>
        (Method is null || Method == method) && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal)) &&
        (Query is null || System.Text.RegularExpressions.Regex.IsMatch(query, Query, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))) && Remaining != 0;

    /// <summary>Claims one application atomically (concurrent requests never over-consume a count).</summary>
    internal bool TryClaim()
    {
        while (true)
        {
            int current = Volatile.Read(ref _remaining);
            if (current == 0) return false;
            if (current < 0) return true;
            if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current) return true;
        }
    }
}

/// <summary>
/// Fault injection for one emulator: install rules per route prefix and method, for the next N
/// requests or until removed. The first matching non-latency rule wins; latency rules add up.
/// </summary>
public sealed class FaultController
{
    private readonly Lock _sync = new();
    private readonly List<FaultRule> _rules = [];

    /// <summary>Installs a fault. <paramref name="times"/> null means until removed; <paramref name="query"/> narrows it to requests whose query matches that regular expression (e.g. <c>page=2</c>).</summary>
    public FaultRule Add(Fault fault, string? pathPrefix = null, string? method = null, int? times = null, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (times is < 1) throw new ArgumentOutOfRangeException(nameof(times));
        var rule = new FaultRule(fault, pathPrefix, method, times, query);
        lock (_sync) _rules.Add(rule);
        return rule;
    }

    /// <summary>Installs a fault for the next <paramref name="count"/> matching requests.</summary>
    public FaultRule Next(int count, Fault fault, string? pathPrefix = null, string? method = null, string? query = null) => Add(fault, pathPrefix, method, count, query);

    /// <summary>Removes one rule.</summary>
    public void Remove(FaultRule rule)
    {
        lock (_sync) _rules.Remove(rule);
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_sync) _rules.Clear();
    }

    /// <summary>Picks the faults for a request: total latency and at most one other fault.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's path under the API root.</param>
    /// <param name="query">The request's query string.</param>
    /// <param name="listedRecords">How many records the request lists (0 for anything but a list).</param>
    internal (TimeSpan Latency, Fault? Fault) Take(string method, string path, string query, int listedRecords)
    {
        var latency = TimeSpan.Zero;
        Fault? chosen = null;
        lock (_sync)
        {
            foreach (var rule in _rules)
            {
                if (!rule.Matches(method, path, query)) continue;
                if (rule.Fault is LatencyFault l) { if (rule.TryClaim()) latency += l.Delay; }
                else if (rule.Fault is LatencyPerRecordFault r) { if (listedRecords > 0 && rule.TryClaim()) latency += r.PerRecord * listedRecords; }
                // A looping next only means something on a list page; a detail read does not use it up.
                else if (rule.Fault is LoopingNextFault && listedRecords == 0) { }
                else if (chosen is null && rule.TryClaim()) chosen = rule.Fault;
            }
            _rules.RemoveAll(r => r.Remaining == 0);
        }
        return (latency, chosen);
    }
}
