namespace Saltant.Client;

/// <summary>
/// How a list larger than one page is cut into parts read side by side. The saltant server pays
/// about 18 ms per request and 0.55 ms per record, and serves about two requests at once: one giant
/// page uses one of its CPUs; many small pages pay the per-request cost again and again. A few large
/// parts (as many as the read-ahead) use both CPUs and hold at most read-ahead parts in memory.
/// </summary>
internal static class SnapshotPlan
{
    /// <summary>The most records asked for in one part (a page of 1,000 instances is well under a MiB).</summary>
    internal const int MaxPartSize = Saltant.Domain.SettingsLimits.MaxPageSize;

    /// <summary>
    /// The most records of a list in id or name order read in one request: such lists (types,
    /// queues, whitelists, users) are small, and one query is a consistent snapshot.
    /// </summary>
    internal const int MaxWholeRead = 5000;

    /// <summary>Records per part: the count spread over twice the read-ahead, between the page size and <see cref="MaxPartSize"/>.</summary>
    /// <param name="count">How many records the list holds.</param>
    /// <param name="pageSize">The settings' page size.</param>
    /// <param name="readAhead">The settings' read-ahead (0 reads one part at a time).</param>
    internal static int PartSize(int count, int pageSize, int readAhead)
    {
        // Twice as many parts as are read at once: while the last parts are still being served, the
        // first are being decoded, so no part is left to decode alone at the end.
        var spread = (int)Math.Ceiling(count / (2.0 * Math.Max(1, readAhead)));
        return Math.Clamp(spread, Math.Min(pageSize, MaxPartSize), MaxPartSize);
    }

    /// <summary>How many parts of <paramref name="size"/> hold <paramref name="count"/> records.</summary>
    internal static int Parts(int count, int size) => count <= 0 ? 1 : (int)((count + (long)size - 1) / size);

    /// <summary>Parts read at once.</summary>
    internal static int InFlight(int readAhead) => Math.Max(1, readAhead);
}
