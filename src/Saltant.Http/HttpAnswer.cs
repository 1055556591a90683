using System.Buffers;
using LanguageExt;

namespace Saltant.Http;

/// <summary>One HTTP answer as the interpreter read it: status, the headers that matter, and the whole body.</summary>
/// <param name="Status">The status code.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="RetryAfter">The Retry-After header as a delay, if any.</param>
/// <param name="Location">The Location header, if any.</param>
internal sealed record HttpAnswer(
    int Status,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    Option<TimeSpan> RetryAfter,
    Option<string> Location)
{
    private byte[]? pooled;

    /// <summary>
    /// An answer whose body lies in an array rented from the shared pool: a large page (a list read
    /// in large parts) would otherwise be a fresh large-object-heap array each time, and those make
    /// the runtime collect its oldest generation every few lists.
    /// </summary>
    internal static HttpAnswer Pooled(int status, string? contentType, byte[] rented, int length, Option<TimeSpan> retryAfter, Option<string> location) =>
        new(status, contentType, rented.AsMemory(0, length), retryAfter, location) { pooled = rented };

    /// <summary>Gives a pooled body back; after this the body must not be read. Only the decoding path calls it, once it has decoded.</summary>
    internal void Release()
    {
        if (Interlocked.Exchange(ref pooled, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
