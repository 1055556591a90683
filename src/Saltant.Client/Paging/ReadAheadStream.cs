using System.Runtime.CompilerServices;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>
/// Streams every record of a list endpoint page by page. Once the first page tells the count,
/// up to <c>readAhead</c> further pages are fetched concurrently and yielded in order, so a full
/// listing costs about one round trip per <c>readAhead</c> pages while memory holds at most
/// <c>readAhead + 1</c> pages. Failures are yielded as a final <c>Fail</c> item, never thrown.
/// </summary>
internal static class ReadAheadStream
{
    /// <summary>Streams the records of pages 1..n.</summary>
    /// <param name="fetch">Fetches one page by number.</param>
    /// <param name="pageSize">The page size the fetches use (to compute how many pages there are).</param>
    /// <param name="readAhead">How many pages may be in flight at once after the first.</param>
    /// <param name="cancellationToken">Stops the stream; it then yields <see cref="Cancelled"/> and ends.</param>
    internal static async IAsyncEnumerable<Fin<T>> Records<T>(
        Func<int, CancellationToken, Task<Fin<Page<T>>>> fetch,
        int pageSize,
        int readAhead,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = await fetch(1, cancellationToken).ConfigureAwait(false);
        if (first.IsFail)
        {
            yield return Fin<T>.Fail((Error)first);
            yield break;
        }

        var firstPage = (Page<T>)first;
        foreach (var item in firstPage.Results)
        {
            yield return item;
        }

        // The server's "next" link, not the first count, decides whether there is more: records created
        // while the stream runs make more pages than the first page promised.
        if (firstPage.Next.IsNone)
        {
            yield break;
        }

        var pages = Math.Max(2, PageCount(firstPage.Count, pageSize));

        // Pages in flight, in page order; a linked token stops the rest when the stream ends early.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<Fin<Page<T>>>>();
        var nextPage = 2;
        try
        {
            while (nextPage <= pages || inFlight.Count > 0)
            {
                while (nextPage <= pages && inFlight.Count < Math.Max(1, readAhead))
                {
                    inFlight.Enqueue(fetch(nextPage++, stop.Token));
                }

                var page = await inFlight.Dequeue().ConfigureAwait(false);
                if (page.IsFail)
                {
                    yield return Fin<T>.Fail((Error)page);
                    yield break;
                }

                var records = (Page<T>)page;
                foreach (var item in records.Results)
                {
                    yield return item;
                }

                // The last page may come earlier than the first page's count said (records went away)…
                if (records.Next.IsNone)
                {
                    yield break;
                }

                // …or later (records were added): plan the pages the latest count implies, at least one more.
                if (nextPage > pages && inFlight.Count == 0)
                {
                    pages = Math.Max(nextPage, PageCount(records.Count, pageSize));
                }
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var pending in inFlight)
            {
                // Observe abandoned fetches so no task error goes unobserved.
                _ = pending.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            }
        }
    }

    /// <summary>How many pages hold <paramref name="count"/> records.</summary>
    internal static int PageCount(int count, int pageSize) =>
        count <= 0 ? 1 : (int)((count + (long)pageSize - 1) / pageSize);
}
