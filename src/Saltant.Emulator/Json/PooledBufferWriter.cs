using System.Buffers;

namespace Saltant.Emulator.Json;

/// <summary>
/// A buffer writer over arrays rented from the shared pool: a list page of hundreds of records is
/// hundreds of kilobytes, and growing and copying fresh arrays that size puts each on the large
/// object heap, which makes the runtime collect its oldest generation every few pages. In a process
/// that also runs a client (tests, benchmarks), those collections stop the client too.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);

    /// <summary>Bytes written.</summary>
    public int Length { get; private set; }

    /// <inheritdoc />
    public void Advance(int count) => Length += count;

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(Length);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(Length);
    }

    /// <summary>The rented array holding what was written; the caller returns it to the pool.</summary>
    public byte[] Detach()
    {
        var written = buffer;
        buffer = [];
        return written;
    }

    private void Ensure(int sizeHint)
    {
        if (buffer.Length - Length >= Math.Max(sizeHint, 1))
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, Length + sizeHint));
        buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
