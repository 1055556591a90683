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
        // On Unix a rooted path parses as an absolute file: URI; a page link must be http(s).
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new JsonException($"\"{(text.Length <= 80 ? text : text[..80] + "…")}\" is not an absolute http(s) URL");
    }

    public override void Write(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.OriginalString);
}
