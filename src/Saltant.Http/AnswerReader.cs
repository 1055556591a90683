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
    internal static async Task<Fin<HttpAnswer>> ReadAsync(
        HttpResponseMessage response, RequestInfo info, long limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Past the largest array there is, a body cannot be held whatever the limit says.
        if (response.Content.Headers.ContentLength is long declared && declared > Math.Min(limit, System.Array.MaxLength))
        {
            return new ResponseTooLarge(info, limit);
        }

        var retryAfter = response.Headers.RetryAfter is { } retry ? RetryAfterDelay.Of(retry.Delta, retry.Date, response.Headers.Date, now) : None;
        var location = Optional(response.Headers.Location?.OriginalString);
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (response.Content.Headers.ContentLength is long large && large >= PooledFrom)
        {
            // A declared length (already checked against the limit) is read exactly; the handler ends
            // the stream there, or fails it when the server sends fewer bytes than it declared.
            var rented = ArrayPool<byte>.Shared.Rent((int)large);
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await stream.ReadExactlyAsync(rented.AsMemory(0, (int)large), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw;
            }

            return HttpAnswer.Pooled((int)response.StatusCode, contentType, rented, (int)large, retryAfter, location);
        }

        var body = await ReadBoundedAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return new ResponseTooLarge(info, limit);
        }

        return new HttpAnswer((int)response.StatusCode, contentType, body, retryAfter, location);
    }

    /// <summary>
    /// Bodies of at least this many bytes (declared) are read into a pooled array: the size from which
    /// the runtime puts an array on the large object heap, less a margin.
    /// </summary>
    internal const int PooledFrom = 64 * 1024;

    /// <summary>The body's bytes, or null when there are more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (content.Headers.ContentLength is long declared)
        {
            // A declared length (already checked against the limit) is one exact array; the handler
            // ends the stream there, or fails it when the server sends fewer bytes than it declared.
            var exact = new byte[declared];
            await stream.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        // Chunked: grow a pooled buffer, and stop as soon as the limit is passed.
        var capacity = (int)Math.Min(16 * 1024, Math.Min(limit + 1, System.Array.MaxLength));
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Math.Min(limit + 1, System.Array.MaxLength)));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
