using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>Reads a JSON object member (task arguments, default values) into an immutable <see cref="Json.JObject"/>.</summary>
internal sealed class JsonObjectConverter : JsonConverter<Json.JObject>
{
    public override Json.JObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"expected a JSON object, found {reader.TokenType}");
        }

        return (Json.JObject)WireReader.Value(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, Json.JObject value, JsonSerializerOptions options) =>
        value.WriteTo(writer);
}
