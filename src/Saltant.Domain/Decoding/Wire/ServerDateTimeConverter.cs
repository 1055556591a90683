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

        // A server datetime is about 27 characters: read it without making a string (two a record).
        Span<char> buffer = stackalloc char[64];
        var length = reader.HasValueSequence || reader.ValueSpan.Length > buffer.Length ? -1 : reader.CopyString(buffer);
        if (length >= 0 && ServerDateTime.TryParse(buffer[..length], out var value))
        {
            return value;
        }

        var text = reader.GetString()!;
        return ServerDateTime.Parse(text).IfNone(() =>
            throw new JsonException($"\"{Truncate(text)}\" is not an ISO 8601 datetime with an offset, e.g. 2026-11-27T15:15:15.386078Z"));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ServerDateTime.Format(value));

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
