using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LanguageExt;
using Saltant.Domain.Decoding.Wire;

namespace Saltant.Domain;

/// <summary>
/// One encoder per answer the server gives, the inverse of <see cref="Decoders"/>:
/// <c>Decoders.X.Decode(Encoders.X.Encode(x)) == x</c> for every value (datetimes at microsecond
/// precision, see <see cref="ServerDateTime"/>). For tests and for fakes of the server.
/// </summary>
public static class Encoders
{
    private static WireContext Context => WireContext.Shared;

    /// <summary>A user.</summary>
    public static readonly Encoder<User> User = Record<User, UserWire>(static () => Context.UserWire, WireMapping.ToWire);

    /// <summary>A task queue.</summary>
    public static readonly Encoder<TaskQueue> TaskQueue = Record<TaskQueue, TaskQueueWire>(static () => Context.TaskQueueWire, WireMapping.ToWire);

    /// <summary>A task whitelist.</summary>
    public static readonly Encoder<TaskWhitelist> TaskWhitelist = Record<TaskWhitelist, TaskWhitelistWire>(static () => Context.TaskWhitelistWire, WireMapping.ToWire);

    /// <summary>A container task type.</summary>
    public static readonly Encoder<ContainerTaskType> ContainerTaskType = Record<ContainerTaskType, ContainerTaskTypeWire>(static () => Context.ContainerTaskTypeWire, WireMapping.ToWire);

    /// <summary>An executable task type.</summary>
    public static readonly Encoder<ExecutableTaskType> ExecutableTaskType = Record<ExecutableTaskType, ExecutableTaskTypeWire>(static () => Context.ExecutableTaskTypeWire, WireMapping.ToWire);

    /// <summary>A container task instance.</summary>
    public static readonly Encoder<ContainerTaskInstance> ContainerTaskInstance = Record<ContainerTaskInstance, TaskInstanceWire>(static () => Context.TaskInstanceWire, WireMapping.ToWire);

    /// <summary>An executable task instance.</summary>
    public static readonly Encoder<ExecutableTaskInstance> ExecutableTaskInstance = Record<ExecutableTaskInstance, TaskInstanceWire>(static () => Context.TaskInstanceWire, WireMapping.ToWire);

    /// <summary>The answer of <c>token/</c> (reveals both tokens: only for fakes and tests).</summary>
    public static readonly Encoder<JwtPair> JwtPair = Record<JwtPair, JwtPairWire>(static () => Context.JwtPairWire, WireMapping.ToWire);

    /// <summary>The answer of <c>token/refresh/</c> (reveals the token: only for fakes and tests).</summary>
    public static readonly Encoder<JwtAccess> JwtAccess = Record<JwtAccess, JwtAccessWire>(static () => Context.JwtAccessWire, WireMapping.ToWire);

    /// <summary>The answer of <c>updatetaskinstancestatus/{uuid}/</c>.</summary>
    public static readonly Encoder<InstanceStateUpdate> InstanceStateUpdate = Record<InstanceStateUpdate, InstanceStateUpdateWire>(static () => Context.InstanceStateUpdateWire, WireMapping.ToWire);

    /// <summary>A page <c>{count, next, previous, results}</c> whose results the item encoder writes.</summary>
    /// <typeparam name="T">The record listed.</typeparam>
    /// <param name="item">The encoder of one result.</param>
    public static Encoder<Page<T>> PageOf<T>(Encoder<T> item) => new((writer, page) =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", page.Count);
        WriteLink(writer, "next", page.Next);
        WriteLink(writer, "previous", page.Previous);
        writer.WriteStartArray("results");
        foreach (var result in page.Results) item.WriteTo(writer, result);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteLink(Utf8JsonWriter writer, string name, Option<Uri> link) =>
        link.Match(
            uri => writer.WriteString(name, uri.OriginalString),
            () => writer.WriteNull(name));

    // The metadata is asked for at the first encode, as the decoders do (see Decoders.Record).
    private static Encoder<T> Record<T, TWire>(Func<JsonTypeInfo<TWire>> info, Func<T, TWire> toWire) =>
        new((writer, value) => JsonSerializer.Serialize(writer, toWire(value), info()));
}
