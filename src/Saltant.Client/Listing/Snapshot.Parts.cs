using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

// The parts a snapshot is read in: numbered parts under a cut, time slices, or the whole list.
internal sealed partial class Snapshot<T, TFilter>
{
    // ---- newest first ----

    /// <summary>
    /// When every filter is on a field that never changes, the records created at or before the first
    /// page's last one are a set that cannot change while it is read (nothing is deleted, nothing
    /// created later joins it), so the rest is read by page number in large parts side by side, all
    /// at once. The first page's records that share that time are read again and dropped as seen.
    /// </summary>
    private Fin<Work<T[]>[]> NumberedUpTo(CreationOrder<T, TFilter> order, Page<T> first)
    {
        var (cutTime, rest) = Rest(order, first);
        var size = SnapshotPlan.PartSize(rest, api.Settings.PageSize, api.Settings.ReadAheadPages);
        var cut = Seq1(order.Field.AtOrBefore(cutTime));
        var parts = new Work<T[]>[SnapshotPlan.Parts(rest, size)];
        for (var i = 0; i < parts.Length; i++)
        {
            var number = i + 1;
            var last = number == parts.Length;
            parts[i] = ct => NumberedPartAsync(cut, number, size, last, ct);
        }

        return parts;
    }

    /// <summary>
    /// One numbered part; the last reads on while its page says there is more (the count the plan
    /// was made from can lag the records by one created meanwhile, as count and page are two queries
    /// on the real server).
    /// </summary>
    private async Task<Fin<T[]>> NumberedPartAsync(Seq<Filter<TFilter>> cut, int number, int size, bool last, CancellationToken cancellationToken)
    {
        var read = new List<T>();
        for (var page = number; ; page++)
        {
            var got = await PageAsync(cut, page, size, check: true, cancellationToken).ConfigureAwait(false);
            if (got.IsFail)
            {
                return (Error)got;
            }

            var results = (Page<T>)got;
            read.AddRange(results.Results);
            if (!last || results.Next.IsNone)
            {
                return read.ToArray();
            }
        }
    }

    /// <summary>The first page's last creation time, and how many records were created at or before it (by the first page's count).</summary>
    private static (DateTimeOffset Cut, int Count) Rest(CreationOrder<T, TFilter> order, Page<T> first)
    {
        var results = first.Results;
        var cut = order.Created(results[results.Count - 1]);
        var newer = 0;
        for (var i = 0; i < results.Count; i++)
        {
            newer += order.Created(results[i]) > cut ? 1 : 0;
        }

        return (cut, Math.Max(1, first.Count - newer));
    }

    /// <summary>
    /// With a filter on a field that changes (a state), records join and leave the set while it is
    /// read, and page numbers shift; creation times do not: the records at or before the first page's
    /// last one are cut into time slices at the creation times of the records at each part's offset,
    /// each slice read by its times.
    /// </summary>
    private async Task<Fin<Work<T[]>[]>> TimeSlicesAsync(CreationOrder<T, TFilter> order, Page<T> first, CancellationToken cancellationToken)
    {
        var (newest, rest) = Rest(order, first);
        var size = SnapshotPlan.PartSize(rest, api.Settings.PageSize, api.Settings.ReadAheadPages);
        var cutAtStart = Seq1(order.Field.AtOrBefore(newest));

        // The creation time of the record at each part's first offset: the slices' boundaries (none
        // when the record there is gone). As arrays, so the window's results share one generic shape.
        var probes = Enumerable.Range(1, SnapshotPlan.Parts(rest, size) - 1)
            .Select(i => new Work<DateTimeOffset[]>(async ct =>
            {
                var probe = await PageAsync(cutAtStart, (i * size) + 1, 1, check: false, ct).ConfigureAwait(false);
                return probe.Map(p => p.Results.Take(1).Select(order.Created).ToArray());
            }))
            .ToArray();
        var found = await Parallel.WindowAsync(probes, InFlight, cancellationToken).ConfigureAwait(false);
        if (found.IsFail)
        {
            return (Error)found;
        }

        var inner = ((DateTimeOffset[][])found).SelectMany(b => b).Where(b => b < newest).Distinct().OrderByDescending(b => b);
        var bounds = new[] { newest }.Concat(inner).ToArray();
        var parts = new Work<T[]>[bounds.Length];
        for (var i = 0; i < bounds.Length; i++)
        {
            var upper = bounds[i];
            var lower = i + 1 < bounds.Length ? Some(bounds[i + 1]) : None;
            parts[i] = ct => SliceAsync(order, upper, lower, ct);
        }

        return parts;
    }

    /// <summary>
    /// The records created after <paramref name="lower"/> (any, when None) and at or before
    /// <paramref name="upper"/>, newest first; when more than a page, read on from the last one's time.
    /// </summary>
    private async Task<Fin<T[]>> SliceAsync(CreationOrder<T, TFilter> order, DateTimeOffset upper, Option<DateTimeOffset> lower, CancellationToken cancellationToken)
    {
        var read = new List<T>();
        var seen = new System.Collections.Generic.HashSet<object>();
        var strict = false;
        while (true)
        {
            var bound = strict ? order.Field.Before(upper) : order.Field.AtOrBefore(upper);
            var got = await PageAsync(Seq1(bound) + lower.Map(order.Field.After).ToSeq(), 1, SnapshotPlan.MaxPartSize, check: true, cancellationToken).ConfigureAwait(false);
            if (got.IsFail)
            {
                return (Error)got;
            }

            var page = (Page<T>)got;
            var fresh = 0;
            foreach (var record in page.Results)
            {
                if (seen.Add(source.Key(record)))
                {
                    read.Add(record);
                    fresh++;
                }
            }

            if (page.Next.IsNone || page.Results.IsEmpty)
            {
                return read.ToArray();
            }

            // Every record of the page was read already, or all share the upper time: go strictly below it.
            var last = order.Created(page.Results.Last);
            strict = fresh == 0 || last == upper;
            upper = last;
        }
    }

    // ---- id or name order: one read ----

    /// <summary>
    /// The whole list in one request when it is not huge: one query is a consistent snapshot, where
    /// page numbers are not once a filtered field changes (a queue deactivated mid-read would shift
    /// the next ones into the page already read). Room is left for records that join meanwhile; if
    /// the list still goes on, it is read on page by page, a page read again with the one before it
    /// when the count dropped.
    /// </summary>
    private async Task<Fin<T[]>> WholeListAsync(int count, CancellationToken cancellationToken)
    {
        var size = (int)Math.Min(SnapshotPlan.MaxWholeRead, count + Math.Max(50L, count / 10L));
        var read = new List<T>();
        for (var number = 1; ; number++)
        {
            var got = await PageAsync(Empty, number, size, check: true, cancellationToken).ConfigureAwait(false);
            if (got.IsFail)
            {
                return (Error)got;
            }

            var page = (Page<T>)got;
            if (page.Count < count && number > 1)
            {
                var before = await PageAsync(Empty, number - 1, size, check: false, cancellationToken).ConfigureAwait(false);
                if (before.IsFail)
                {
                    return (Error)before;
                }

                read.AddRange(((Page<T>)before).Results);
            }

            read.AddRange(page.Results);
            if (page.Next.IsNone || (long)number * size >= (long)count + SnapshotPlan.MaxWholeRead)
            {
                return read.ToArray();
            }

            count = Math.Min(count, page.Count);
        }
    }
}
