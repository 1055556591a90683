using System.Buffers;
using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Http;

/// <summary>
/// Reads an answer into an <see cref="HttpAnswer"/>: its status, the headers that matter, and its
/// body, never more than a limit of it, so a server that sends without end costs bounded memory.
/// </summary>
internal static class AnswerReader
{
    /// <summary>The answer, or <see cref="ResponseTooLarge"/> when its body is longer than <paramref name="limit"/> bytes.</summary>
    /// <remarks>The body is read in this method, not an async method of its own: one state machine fewer for a fresh process to JIT-compile.</remarks>
    internal static async Task<Fin<HttpAnswer>> ReadAsync(
        HttpResponseMessage response, RequestInfo info, long limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Past the largest array there is, a body cannot be held whatever the limit says.
        if (response.Content.Headers.ContentLength is long declared && declared > Math.Min(limit, System.Array.MaxLength))
        {
            return new ResponseTooLarge(info, limit);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength is long exactLength)
        {
            // A declared length (already checked against the limit) is read exactly; the handler ends
            // the stream there, or fails it when the server sends fewer bytes than it declared.
            var length = (int)exactLength;
            var rented = length >= PooledFrom;
            var exact = rented ? ArrayPool<byte>.Shared.Rent(length) : new byte[length];
            try
            {
                await stream.ReadExactlyAsync(exact.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
            catch when (rented)
            {
                ArrayPool<byte>.Shared.Return(exact);
                throw;
            }

            return Answer(response, exact, length, rented, now);
        }

        // Chunked: grow a pooled buffer, and stop as soon as the limit is passed.
        var capacity = (int)Math.Min(16 * 1024, Math.Min(limit + 1, System.Array.MaxLength));
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var read = 0;
        var kept = false;
        try
        {
            while (true)
            {
                if (read == buffer.Length)
                {
                    if (read > limit)
                    {
                        return new ResponseTooLarge(info, limit);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Math.Min(limit + 1, System.Array.MaxLength)));
                    buffer.AsSpan(0, read).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var more = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (more == 0)
                {
                    kept = read >= PooledFrom;
                    return kept ? Answer(response, buffer, read, true, now) : Answer(response, buffer.AsSpan(0, read).ToArray(), read, false, now);
                }

                read += more;
                if (read > limit)
                {
                    return new ResponseTooLarge(info, limit);
                }
            }
        }
        finally
        {
            if (!kept)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The answer made from the response's status and headers and its body (<paramref name="length"/> bytes of <paramref name="body"/>, rented from the shared pool when <paramref name="rented"/>).</summary>
    private static HttpAnswer Answer(HttpResponseMessage response, byte[] body, int length, bool rented, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.ToString();
        var retryAfter = response.Headers.RetryAfter is { } retry ? RetryAfterDelay.Of(retry.Delta, retry.Date, response.Headers.Date, now) : None;
        var location = Optional(response.Headers.Location?.OriginalString);
        return rented
            ? HttpAnswer.Pooled(status, contentType, body, length, retryAfter, location)
            : new HttpAnswer(status, contentType, body, retryAfter, location);
    }

    /// <summary>
    /// Bodies of at least this many bytes stay in an array rented from the shared pool (given back
    /// once decoded): the size from which the runtime puts an array on the large object heap, less a
    /// margin. A list read in large parts would otherwise make such an array per part.
    /// </summary>
    internal const int PooledFrom = 64 * 1024;
}
