using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Saltant.Emulator.Json;

/// <summary>Compact JSON output like DRF's renderer: no spaces, non-ASCII kept, DRF's datetime format.</summary>
internal static class JsonOut
{
    /// <summary>Writer options: compact, only the escapes JSON needs.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false, SkipValidation = true };

    /// <summary>Serialises with a callback into a byte array.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Options)) body(w);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Serialises with a callback; a body of 64 KiB or more stays in the pooled array it was written
    /// to (<paramref name="rented"/>, which the caller returns to the pool once the body is sent).
    /// </summary>
    public static ReadOnlyMemory<byte> WritePooled(Action<Utf8JsonWriter> body, out byte[]? rented)
    {
        var buffer = new PooledBufferWriter();
        using (var w = new Utf8JsonWriter(buffer, Options)) body(w);
        var length = buffer.Length;
        var written = buffer.Detach();
        if (length >= 64 * 1024)
        {
            rented = written;
            return written.AsMemory(0, length);
        }

        rented = null;
        var copy = written.AsSpan(0, length).ToArray();
        System.Buffers.ArrayPool<byte>.Shared.Return(written);
        return copy;
    }

    /// <summary>DRF datetime text: ISO 8601, microseconds unless zero, UTC as <c>Z</c>.</summary>
    public static string Datetime(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        long micros = (u.Ticks % TimeSpan.TicksPerSecond) / 10;
        var baseText = u.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return micros == 0 ? baseText + "Z" : baseText + "." + micros.ToString("000000", CultureInfo.InvariantCulture) + "Z";
    }

    /// <summary>Writes a nullable datetime.</summary>
    public static void WriteDatetime(Utf8JsonWriter w, string name, DateTimeOffset? t)
    {
        if (t is null) w.WriteNull(name); else w.WriteString(name, Datetime(t.Value));
    }

    /// <summary>Writes a JSON node under a property name (null as JSON null).</summary>
    public static void WriteNode(Utf8JsonWriter w, string name, JsonNode? node)
    {
        w.WritePropertyName(name);
        if (node is null) w.WriteNullValue(); else node.WriteTo(w);
    }

    /// <summary>Writes a nullable string.</summary>
    public static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    /// <summary>A <c>{"detail": …}</c> body.</summary>
    public static byte[] Detail(string detail) => Write(w => { w.WriteStartObject(); w.WriteString("detail", detail); w.WriteEndObject(); });

    /// <summary>A field-errors body: each key maps to a list of messages.</summary>
    public static byte[] Errors(IEnumerable<KeyValuePair<string, List<string>>> errors) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var (k, msgs) in errors)
        {
            w.WriteStartArray(k);
            foreach (var m in msgs) w.WriteStringValue(m);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });
}
