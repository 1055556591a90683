using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Saltant.Domain;

/// <summary>Compact JSON text for <see cref="Json"/> values.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a value as compact JSON text.</summary>
    internal static string Write(Json value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) value.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
