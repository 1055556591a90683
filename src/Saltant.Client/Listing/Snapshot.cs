using System.Runtime.CompilerServices;
using LanguageExt;
using LanguageExt.Common;
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
/// A first page of the settings' page size is most often the whole list; when there is more, it
/// tells the count, and instances are read on in a few large parts side by side (<see cref="SnapshotPlan"/>).
/// </summary>
/// <remarks>
/// Written as plain tasks over arrays, with one effect at the surface: the same plan as a
/// composition of effects and LanguageExt sequences cost a fresh process hundreds of JIT-compiled
/// generic methods on its first list, and a fast server about 6 ms of CPU per 2,000 records.
/// </remarks>
/// <typeparam name="T">The record listed.</typeparam>
/// <typeparam name="TFilter">The type its filters are typed on.</typeparam>
internal sealed partial class Snapshot<T, TFilter>(Api api, ListSource<T, TFilter> source, Seq<Filter<TFilter>> filters)
{
    private static readonly Seq<Filter<TFilter>> Empty = LanguageExt.Seq<Filter<TFilter>>.Empty;

    private int InFlight => SnapshotPlan.InFlight(api.Settings.ReadAheadPages);

    /// <summary>Every record, collected: the parts read side by side, in order.</summary>
    internal Aff<RT, Seq<T>> All<RT>()
        where RT : struct, HasCancel<RT> =>
        AffMaybe<RT, Seq<T>>(rt => new ValueTask<Fin<Seq<T>>>(AllAsync(rt.CancellationToken)));

    /// <summary>
    /// Every record, collected, as a task: what <see cref="All{RT}"/> runs, and the lists' task forms
    /// call. Never throws or faults; a cancellation through <paramref name="cancellationToken"/> is <see cref="Cancelled"/>.
    /// </summary>
    internal async Task<Fin<Seq<T>>> AllAsync(CancellationToken cancellationToken)
    {
        try
        {
            var plan = await PlanAsync(cancellationToken).ConfigureAwait(false);
            if (plan.IsFail)
            {
                return Runner.Named((Error)plan, cancellationToken);
            }

            var (first, rest) = (ReadPlan)plan;
            var read = await Parallel.WindowAsync(rest, InFlight, cancellationToken).ConfigureAwait(false);
            if (read.IsFail)
            {
                return Runner.Named((Error)read, cancellationToken);
            }

            var seen = new System.Collections.Generic.HashSet<object>();
            var all = new List<T>(first.Length);
            Add(first);
            foreach (var part in (T[][])read)
            {
                Add(part);
            }

            return toSeq(all);

            void Add(T[] part)
            {
                foreach (var record in part)
                {
                    if (seen.Add(source.Key(record)))
                    {
                        all.Add(record);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, or a caller's delegate: the list's failure, never a throw.
            return Runner.Named(Error.New(e), cancellationToken);
        }
    }

    /// <summary>
    /// Every record, streamed in order: the read-ahead's parts are read while the one before them is
    /// yielded (so at most read-ahead + 1 parts are in memory); a failure is the last item.
    /// </summary>
    internal async IAsyncEnumerable<Fin<T>> Stream<RT>(Func<CancellationToken, RT> makeRuntime, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where RT : struct, HasCancel<RT>
    {
        var runtime = makeRuntime(cancellationToken);
        var token = runtime.CancellationToken;
        var pending = new Queue<Task<Fin<T[]>>>();
        try
        {
            var plan = await Parallel.Guarded<ReadPlan>(PlanAsync, token).ConfigureAwait(false);
            if (plan.IsFail)
            {
                yield return Fin<T>.Fail((Error)plan);
                yield break;
            }

            // The first page is read already: the read-ahead's requests go to the parts after it.
            var (first, parts) = (ReadPlan)plan;
            var seen = new System.Collections.Generic.HashSet<object>();
            var next = 0;
            var current = first;
            while (true)
            {
                while (next < parts.Length && pending.Count < InFlight)
                {
                    pending.Enqueue(Parallel.Guarded(parts[next++], token));
                }

                foreach (var record in current)
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

                if (pending.Count == 0)
                {
                    yield break;
                }

                var read = await pending.Dequeue().ConfigureAwait(false);
                if (read.IsFail)
                {
                    yield return Fin<T>.Fail((Error)read);
                    yield break;
                }

                current = (T[])read;
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

    /// <summary>
    /// The parts to read, from a first page of the settings' page size: for most lists it is the
    /// whole list (one request); newest first, it is the first part, and its last record's creation
    /// time bounds the rest (and, with a filter on a changing field, the slices' boundaries).
    /// </summary>
    private async Task<Fin<ReadPlan>> PlanAsync(CancellationToken cancellationToken)
    {
        var got = await PageAsync(Empty, 1, api.Settings.PageSize, check: true, cancellationToken).ConfigureAwait(false);
        if (got.IsFail)
        {
            return (Error)got;
        }

        var first = (Page<T>)got;
        var records = first.Results.ToArray();
        // A full first page of a newest-first list may not be all of it even without a next link: the
        // real server counts in one query and reads the page in another, so a record created between
        // them pushes the oldest out of a page whose link was made from the older count. The records
        // at or before its last one are read again then (one request more, and only for a full page).
        var full = source.NewestFirst.IsSome && records.Length >= api.Settings.PageSize;
        if (first.Next.IsNone && !full)
        {
            return new ReadPlan(records, System.Array.Empty<Work<T[]>>());
        }

        if (source.NewestFirst.Case is not CreationOrder<T, TFilter> order)
        {
            // The whole list is read again in one request: the first page is only its count.
            return new ReadPlan(System.Array.Empty<T>(), new Work<T[]>[] { ct => WholeListAsync(first.Count, ct) });
        }

        var rest = order.AllStable(filters)
            ? NumberedUpTo(order, first)
            : await TimeSlicesAsync(order, first, cancellationToken).ConfigureAwait(false);
        return rest.IsFail ? (Error)rest : new ReadPlan(records, (Work<T[]>[])rest);
    }

    /// <summary>
    /// The first page's records and the parts left to read. A class, so the plan's task shares the
    /// runtime's precompiled code for reference results (a tuple is a struct: a dozen more methods for
    /// a fresh process to JIT-compile).
    /// </summary>
    private sealed record ReadPlan(T[] First, Work<T[]>[] Parts);

    // ---- one page ----

    /// <summary>One page with the filters and <paramref name="extra"/> ones; past the end (the server's 404 for a page number beyond the last) it is empty.</summary>
    /// <remarks>The connection's task itself (the check and the 404 read inside it): every page of every list comes here, with no async method of its own.</remarks>
    private Task<Fin<Page<T>>> PageAsync(Seq<Filter<TFilter>> extra, int number, int size, bool check, CancellationToken cancellationToken)
    {
        var built = source.Build(extra.IsEmpty ? filters : filters + extra, number, size);
        if (built.IsFail)
        {
            return Task.FromResult(Fin<Page<T>>.Fail((Error)built));
        }

        return api.SendAsync(
            (ApiRequest)built,
            source.Decoder,
            check ? (page, request) => PageChecks.Check(page, number, request) : null,
            number > 1 ? PastTheEnd : null,
            cancellationToken);
    }

    /// <summary>A page number beyond the last: the server answers 404, and the page is empty.</summary>
    private static Fin<Page<T>> PastTheEnd(Error error) =>
        error is NotFound ? new Page<T>(0, Option<Uri>.None, Option<Uri>.None, LanguageExt.Seq<T>.Empty) : error;
}
