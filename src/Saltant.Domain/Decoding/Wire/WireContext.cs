using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>
/// Source-generated metadata for every wire shape, so decoding and encoding use no reflection at
/// run time. Field names are spelled out on each member with <see cref="JsonPropertyNameAttribute"/>.
/// </summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true)]
[JsonSerializable(typeof(UserWire))]
[JsonSerializable(typeof(TaskQueueWire))]
[JsonSerializable(typeof(TaskWhitelistWire))]
[JsonSerializable(typeof(ExecutableTaskTypeWire))]
[JsonSerializable(typeof(ContainerTaskTypeWire))]
[JsonSerializable(typeof(TaskInstanceWire))]
[JsonSerializable(typeof(JwtPairWire))]
[JsonSerializable(typeof(JwtAccessWire))]
[JsonSerializable(typeof(InstanceStateUpdateWire))]
[JsonSerializable(typeof(PageWire))]
[JsonSerializable(typeof(PageWire<UserWire>))]
[JsonSerializable(typeof(PageWire<TaskQueueWire>))]
[JsonSerializable(typeof(PageWire<TaskWhitelistWire>))]
[JsonSerializable(typeof(PageWire<ExecutableTaskTypeWire>))]
[JsonSerializable(typeof(PageWire<ContainerTaskTypeWire>))]
[JsonSerializable(typeof(Dictionary<string, Uri>))]
internal sealed partial class WireContext : JsonSerializerContext
{
    /// <summary>
    /// The one context everything uses. Nulls are refused where the wire type says non-null,
    /// unknown members are skipped (the server may add fields), and text is written unescaped
    /// where JSON allows it, as the server (Python, ensure_ascii off) writes it.
    /// </summary>
    internal static readonly WireContext Shared = new(new JsonSerializerOptions
    {
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new ServerDateTimeConverter(),
            new JsonObjectConverter(),
            new ContainerTypeConverter(),
            new AbsoluteUriConverter(),
        },
    });
}
