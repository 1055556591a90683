using System.Runtime.CompilerServices;
using LanguageExt;
using LanguageExt.Effects.Traits;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// Reads a whole list as a snapshot: every record that existed when the read started and matched
/// the filters throughout is yielded exactly once, whatever is created or changed meanwhile.
/// <list type="bullet">
/// <item>Lists newest first (instances) are cut at the newest record's creation time, so nothing
/// created later is read, and into time slices (creation times never change), each read by
/// creation time rather than by page number: a record whose state changes mid-read cannot shift
/// another out of the pages read.</item>
/// <item>Lists in id or name order (task types, queues, whitelists, users) are read in one request
/// after the first page (up to <see cref="SnapshotPlan.MaxWholeRead"/> records): one query is a
/// consistent snapshot, where page numbers are not once a filtered field changes mid-read.</item>
/// </list>
/// A first page of the settings' page size tells the count; when there is more, instances are read
/// in a few large parts side by side (<see cref="SnapshotPlan"/>).
/// </summary>
/// <typeparam name="T">The record listed.</typeparam>
/// <typeparam name="TFilter">The type its filters are typed on.</typeparam>
internal sealed class Snapshot<T, TFilter>(Api api, ListSource<T, TFilter> source, Seq<Filter<TFilter>> filters)
{
    private int InFlight => SnapshotPlan.InFlight(api.Settings.ReadAheadPages);

    /// <summary>Every record, collected: the parts read side by side, in order.</summary>
    internal Aff<RT, Seq<T>> All<RT>()
        where RT : struct, HasCancel<RT> =>
        from parts in Plan<RT>()
        from read in Parallel.Window(parts, InFlight)
        select Distinct(read.Bind(part => part));

    /// <summary>Every record, streamed in order with at most the read-ahead of parts in memory; a failure is the last item.</summary>
    internal async IAsyncEnumerable<Fin<T>> Stream<RT>(Func<CancellationToken, RT> makeRuntime, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where RT : struct, HasCancel<RT>
    {
        var runtime = makeRuntime(cancellationToken);
        var pending = new Queue<Task<Fin<Seq<T>>>>();
        try
        {
            var plan = await Plan<RT>().Run(runtime).ConfigureAwait(false);
            if (plan.Case is not Seq<Aff<RT, Seq<T>>> parts)
            {
                yield return Fin<T>.Fail(plan.Match(_ => default!, e => e));
                yield break;
            }

            var seen = new System.Collections.Generic.HashSet<object>();
            var next = 0;
            while (next < parts.Count || pending.Count > 0)
            {
                while (next < parts.Count && pending.Count < InFlight)
                {
                    pending.Enqueue(parts[next++].Run(runtime).AsTask());
                }

                var part = await pending.Dequeue().ConfigureAwait(false);
                if (part.Case is not Seq<T> records)
                {
                    yield return Fin<T>.Fail(part.Match(_ => default!, e => e));
                    yield break;
                }

                foreach (var record in records)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        yield return Fin<T>.Fail(new Cancelled("Reading the list"));
                        yield break;
                    }

                    if (seen.Add(source.Key(record)))
                    {
                        yield return record;
                    }
                }
            }
        }
        finally
        {
            // A consumer that stops early stops the parts still being read.
            runtime.CancellationTokenSource?.Cancel();
            foreach (var abandoned in pending)
            {
                _ = abandoned.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            }

            runtime.CancellationTokenSource?.Dispose();
        }
    }

    /// <summary>The parts to read, from a first page (and, newest first, the slices' boundaries).</summary>
    private Aff<RT, Seq<Aff<RT, Seq<T>>>> Plan<RT>()
        where RT : struct, HasCancel<RT> =>
        from first in Page<RT>(Empty, 1, FirstPageSize, check: true)
        from parts in first.Next.IsNone
            ? SuccessAff<RT, Seq<Aff<RT, Seq<T>>>>(Seq1(SuccessAff<RT, Seq<T>>(first.Results)))
            : source.NewestFirst.Match(
                Some: order => Slices<RT>(order, first),
                None: () => SuccessAff<RT, Seq<Aff<RT, Seq<T>>>>(WholeList<RT>(first.Count)))
        select parts;

    /// <summary>
    /// A newest-first list starts with one record: it tells the count and the newest creation time,
    /// which bounds the read, and costs the server one request and no more (a page of 100 read again
    /// as part of the first part would cost it 55 ms). Other lists start with the settings' page, which
    /// is most often the whole list.
    /// </summary>
    private int FirstPageSize => source.NewestFirst.IsSome ? 1 : api.Settings.PageSize;

    // ---- newest first ----

    private Aff<RT, Seq<Aff<RT, Seq<T>>>> Slices<RT>(CreationOrder<T, TFilter> order, Page<T> first) where RT : struct, HasCancel<RT> =>
        order.AllStable(filters)
            ? SuccessAff<RT, Seq<Aff<RT, Seq<T>>>>(NumberedUpTo<RT>(order, first))
            : TimeSlices<RT>(order, first);

    /// <summary>
    /// When every filter is on a field that never changes, the records created at or before the newest
    /// one are a set that cannot change while it is read (nothing is deleted, nothing created later
    /// joins it), so it is read by page number in large parts side by side, all at once.
    /// </summary>
    private Seq<Aff<RT, Seq<T>>> NumberedUpTo<RT>(CreationOrder<T, TFilter> order, Page<T> first)
        where RT : struct, HasCancel<RT>
    {
        var size = SnapshotPlan.PartSize(first.Count, api.Settings.PageSize, api.Settings.ReadAheadPages);
        var cut = Seq1(order.Field.AtOrBefore(order.Created(first.Results.Head)));
        return toSeq(Enumerable.Range(1, SnapshotPlan.Parts(first.Count, size)))
            .Map(number => Page<RT>(cut, number, size, check: true).Map(p => p.Results))
            .Strict();
    }

    /// <summary>
    /// With a filter on a field that changes (a state), records join and leave the set while it is
    /// read, and page numbers shift; creation times do not: the list is cut into time slices at the
    /// creation times of the records at each part's offset, each slice read by its times.
    /// </summary>
    private Aff<RT, Seq<Aff<RT, Seq<T>>>> TimeSlices<RT>(CreationOrder<T, TFilter> order, Page<T> first)
        where RT : struct, HasCancel<RT>
    {
        var newest = order.Created(first.Results.Head);
        var size = SnapshotPlan.PartSize(first.Count, api.Settings.PageSize, api.Settings.ReadAheadPages);
        var cutAtStart = order.Field.AtOrBefore(newest);

        // The creation time of the record at each part's first offset: the slices' boundaries.
        var probes = toSeq(Enumerable.Range(1, SnapshotPlan.Parts(first.Count, size) - 1))
            .Map(i => Page<RT>(Seq1(cutAtStart), (i * size) + 1, 1, check: false).Map(p => p.Results.HeadOrNone().Map(order.Created)))
            .Strict();
        return Parallel.Window(probes, InFlight)
            .Map(found =>
            {
                var inner = found.Bind(b => b.ToSeq()).Filter(b => b < newest).Distinct().OrderByDescending(b => b);
                var bounds = Seq1(newest).Concat(inner).ToArray();
                return toSeq(Enumerable.Range(0, bounds.Length)).Map(i =>
                    Slice<RT>(order, bounds[i], i + 1 < bounds.Length ? Some(bounds[i + 1]) : None, Seq<T>(), false)).Strict();
            });
    }

    /// <summary>
    /// The records created after <paramref name="lower"/> (any, when None) and at or before
    /// <paramref name="upper"/>, newest first; when more than a page, read on from the last one's time.
    /// </summary>
    private Aff<RT, Seq<T>> Slice<RT>(CreationOrder<T, TFilter> order, DateTimeOffset upper, Option<DateTimeOffset> lower, Seq<T> read, bool strict)
        where RT : struct, HasCancel<RT> =>
        from page in Page<RT>(
            (strict ? Seq1(order.Field.Before(upper)) : Seq1(order.Field.AtOrBefore(upper))) + lower.Map(order.Field.After).ToSeq(),
            1,
            SnapshotPlan.MaxPartSize,
            check: true)
        let fresh = Distinct(read + page.Results).Skip(read.Count).ToSeq()
        let last = page.Results.LastOrNone().Map(order.Created)
        from rest in page.Next.IsNone || last.IsNone
            ? SuccessAff<RT, Seq<T>>(read + fresh)
            : fresh.IsEmpty || last == Some(upper)

                // Every record of the page was read already, or all share the upper time: go strictly below it.
                ? Slice<RT>(order, last.IfNone(upper), lower, read + fresh, strict: true)
                : Slice<RT>(order, last.IfNone(upper), lower, read + fresh, strict: false)
        select rest;

    // ---- id or name order: one read ----

    /// <summary>
    /// The whole list in one request when it is not huge: one query is a consistent snapshot, where
    /// page numbers are not once a filtered field changes (a queue deactivated mid-read would shift
    /// the next ones into the page already read). Room is left for records that join meanwhile; if
    /// the list still goes on, it is read on page by page, a page read again with the one before it
    /// when the count dropped.
    /// </summary>
    private Seq<Aff<RT, Seq<T>>> WholeList<RT>(int count)
        where RT : struct, HasCancel<RT>
    {
        var size = (int)Math.Min(SnapshotPlan.MaxWholeRead, count + Math.Max(50L, count / 10L));
        return Seq1(Pages<RT>(1, size, count, Seq<T>()));
    }

    private Aff<RT, Seq<T>> Pages<RT>(int number, int size, int count, Seq<T> read)
        where RT : struct, HasCancel<RT> =>
        from page in Page<RT>(Empty, number, size, check: true)
        from before in page.Count < count && number > 1
            ? Page<RT>(Empty, number - 1, size, check: false).Map(p => p.Results)
            : SuccessAff<RT, Seq<T>>(Seq<T>())
        let all = read + before + page.Results
        from rest in page.Next.IsNone || (long)number * size >= (long)count + SnapshotPlan.MaxWholeRead
            ? SuccessAff<RT, Seq<T>>(all)
            : Pages<RT>(number + 1, size, Math.Min(count, page.Count), all)
        select rest;

    // ---- one page ----

    private static readonly Seq<Filter<TFilter>> Empty = Seq<Filter<TFilter>>();

    /// <summary>One page with the filters and <paramref name="extra"/> ones; past the end (the server's 404 for a page number beyond the last) it is empty.</summary>
    private Aff<RT, Page<T>> Page<RT>(Seq<Filter<TFilter>> extra, int number, int size, bool check)
        where RT : struct, HasCancel<RT> =>
        source.Build(filters + extra, number, size).Match(
            Fail: FailAff<RT, Page<T>>,
            Succ: request =>
                (api.Send<RT, Page<T>>(request, source.Decoder) | @catch(e => e is NotFound && number > 1 ? EmptyPage<RT>() : FailAff<RT, Page<T>>(e)))
                .Bind(page => check
                    ? PageChecks.Check(page, number, api.Describe(request)).Match(SuccessAff<RT, Page<T>>, FailAff<RT, Page<T>>)
                    : SuccessAff<RT, Page<T>>(page)));

    private static Aff<RT, Page<T>> EmptyPage<RT>()
        where RT : struct, HasCancel<RT> =>
        SuccessAff<RT, Page<T>>(new Page<T>(0, None, None, Seq<T>()));

    private Seq<T> Distinct(Seq<T> records)
    {
        var seen = new System.Collections.Generic.HashSet<object>();
        return records.Filter(r => seen.Add(source.Key(r))).Strict();
    }
}
