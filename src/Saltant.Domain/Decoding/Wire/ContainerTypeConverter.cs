using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>Reads and writes <see cref="ContainerType"/> as its wire name, <c>docker</c> or <c>singularity</c>.</summary>
internal sealed class ContainerTypeConverter : JsonConverter<ContainerType>
{
    public override ContainerType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : throw new JsonException($"expected \"docker\" or \"singularity\", found {reader.TokenType}");
        return TaskKindNames.ParseContainerType(text).IfNone(() =>
            throw new JsonException($"expected \"docker\" or \"singularity\", found \"{(text!.Length <= 40 ? text : text[..40] + "…")}\""));
    }

    public override void Write(Utf8JsonWriter writer, ContainerType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.WireName());
}
