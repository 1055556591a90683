using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>
/// Reads and writes datetimes the way the server prints them (see <see cref="ServerDateTime"/>).
/// The built-in reader would read a datetime without an offset as local time, which would make
/// decoding depend on the machine's time zone.
/// </summary>
internal sealed class ServerDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a datetime string, found {reader.TokenType}");
        }

        return WireReader.TryServerDateTime(ref reader, out var value) ? value : throw new JsonException(WireReader.NotAServerDateTime(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ServerDateTime.Format(value));
}
