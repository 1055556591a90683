using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Saltant.Domain;

/// <summary>
/// Writes a value as the server would serve it: the server's field names, order and shapes,
/// compact, with text unescaped where JSON allows. The inverse of the matching <see cref="Decoder{T}"/>.
/// </summary>
/// <typeparam name="T">The value written.</typeparam>
public sealed class Encoder<T>
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Action<Utf8JsonWriter, T> write;

    internal Encoder(Action<Utf8JsonWriter, T> write) => this.write = write;

    /// <summary>Writes the value to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public void WriteTo(Utf8JsonWriter writer, T value) => write(writer, value);

    /// <summary>The value as UTF-8 JSON bytes.</summary>
    /// <param name="value">The value.</param>
    public byte[] Encode(T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The value as JSON text.</summary>
    /// <param name="value">The value.</param>
    public string EncodeText(T value) => Encoding.UTF8.GetString(Encode(value));
}
