using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>
/// Reads the <c>next</c>/<c>previous</c> links of a page, which the server always makes absolute;
/// writes a URI back exactly as it was read.
/// </summary>
internal sealed class AbsoluteUriConverter : JsonConverter<Uri>
{
    public override Uri Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected an absolute URL or null, found {reader.TokenType}");
        }

        var text = reader.GetString()!;
        return WireReader.HttpUrl(text) ?? throw new JsonException(WireReader.NotAnHttpUrl(text));
    }

    public override void Write(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.OriginalString);
}
