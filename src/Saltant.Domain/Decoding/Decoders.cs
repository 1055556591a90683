using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LanguageExt;
using Saltant.Domain.Decoding.Wire;

namespace Saltant.Domain;

/// <summary>
/// One decoder per answer the server gives: every resource, a page of each, the JWT answers,
/// the state update and the API root. Unknown extra fields are ignored, so a newer server that
/// adds fields still decodes.
/// </summary>
public static class Decoders
{
    // Read when a decoder first runs, not when this class is first touched: the context's options
    // (converters, an encoder) are a cost a process that only reads task instances never pays.
    private static WireContext Context => WireContext.Shared;

    /// <summary><c>users/{username}/</c>.</summary>
    public static readonly Decoder<User> User = Record(static () => Context.UserWire, WireMapping.ToDomain);

    /// <summary><c>taskqueues/{id}/</c> and the answer of creating or updating a queue.</summary>
    public static readonly Decoder<TaskQueue> TaskQueue = Record(static () => Context.TaskQueueWire, WireMapping.ToDomain);

    /// <summary><c>taskwhitelists/{id}/</c> and the answer of creating or updating a whitelist.</summary>
    public static readonly Decoder<TaskWhitelist> TaskWhitelist = Record(static () => Context.TaskWhitelistWire, WireMapping.ToDomain);

    /// <summary><c>containertasktypes/{id}/</c> and the answer of creating or replacing one.</summary>
    public static readonly Decoder<ContainerTaskType> ContainerTaskType = Record(static () => Context.ContainerTaskTypeWire, WireMapping.ToDomain);

    /// <summary><c>executabletasktypes/{id}/</c> and the answer of creating or replacing one.</summary>
    public static readonly Decoder<ExecutableTaskType> ExecutableTaskType = Record(static () => Context.ExecutableTaskTypeWire, WireMapping.ToDomain);

    /// <summary><c>containertaskinstances/{uuid}/</c>, and the answer of create, clone and terminate.</summary>
    public static readonly Decoder<ContainerTaskInstance> ContainerTaskInstance = Read<ContainerTaskInstance>(static utf8 => TaskInstanceReader.Instance(utf8, WireMapping.Container));

    /// <summary><c>executabletaskinstances/{uuid}/</c>, and the answer of create, clone and terminate.</summary>
    public static readonly Decoder<ExecutableTaskInstance> ExecutableTaskInstance = Read<ExecutableTaskInstance>(static utf8 => TaskInstanceReader.Instance(utf8, WireMapping.Executable));

    /// <summary>The answer of <c>token/</c>: <c>{refresh, access}</c>.</summary>
    public static readonly Decoder<JwtPair> JwtPair = Record(static () => Context.JwtPairWire, WireMapping.ToDomain);

    /// <summary>The answer of <c>token/refresh/</c>: <c>{access}</c>.</summary>
    public static readonly Decoder<JwtAccess> JwtAccess = Record(static () => Context.JwtAccessWire, WireMapping.ToDomain);

    /// <summary>The answer of <c>updatetaskinstancestatus/{uuid}/</c>: <c>{uuid, state}</c>.</summary>
    public static readonly Decoder<InstanceStateUpdate> InstanceStateUpdate = Record(static () => Context.InstanceStateUpdateWire, WireMapping.ToDomain);

    /// <summary>The API root: the URL of each resource list, by name.</summary>
    public static readonly Decoder<Map<string, Uri>> ApiRoot = Record(static () => Context.DictionaryStringUri, WireMapping.ToDomain);

    /// <summary>A page of <c>users/</c>.</summary>
    public static readonly Decoder<Page<User>> UserPage = TypedPage(static () => Context.PageWireUserWire, WireMapping.ToDomain);

    /// <summary>A page of <c>taskqueues/</c>.</summary>
    public static readonly Decoder<Page<TaskQueue>> TaskQueuePage = TypedPage(static () => Context.PageWireTaskQueueWire, WireMapping.ToDomain);

    /// <summary>A page of <c>taskwhitelists/</c>.</summary>
    public static readonly Decoder<Page<TaskWhitelist>> TaskWhitelistPage = TypedPage(static () => Context.PageWireTaskWhitelistWire, WireMapping.ToDomain);

    /// <summary>A page of <c>containertasktypes/</c>.</summary>
    public static readonly Decoder<Page<ContainerTaskType>> ContainerTaskTypePage = TypedPage(static () => Context.PageWireContainerTaskTypeWire, WireMapping.ToDomain);

    /// <summary>A page of <c>executabletasktypes/</c>.</summary>
    public static readonly Decoder<Page<ExecutableTaskType>> ExecutableTaskTypePage = TypedPage(static () => Context.PageWireExecutableTaskTypeWire, WireMapping.ToDomain);

    /// <summary>A page of <c>containertaskinstances/</c>.</summary>
    public static readonly Decoder<Page<ContainerTaskInstance>> ContainerTaskInstancePage = Read<Page<ContainerTaskInstance>>(static utf8 => TaskInstanceReader.Page(utf8, WireMapping.Container));

    /// <summary>A page of <c>executabletaskinstances/</c>.</summary>
    public static readonly Decoder<Page<ExecutableTaskInstance>> ExecutableTaskInstancePage = Read<Page<ExecutableTaskInstance>>(static utf8 => TaskInstanceReader.Page(utf8, WireMapping.Executable));

    /// <summary>
    /// A decoder of pages <c>{count, next, previous, results}</c> whose results the item decoder
    /// reads; a failure in result 3 is reported under <c>$.results[3]</c>.
    /// </summary>
    /// <typeparam name="T">The record listed.</typeparam>
    /// <param name="item">The decoder of one result.</param>
    public static Decoder<Page<T>> PageOf<T>(Decoder<T> item) => Record(static () => Context.PageWire, page => Results(page, item));

    private static Either<DecodeFailure, Page<T>> Results<T>(PageWire page, Decoder<T> item)
    {
        var results = new T[page.Results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var index = i;
            var failure = item.Decode(page.Results[i]).Match(
                Right: value =>
                {
                    results[index] = value;
                    return Option<DecodeFailure>.None;
                },
                Left: f => f.Under(JsonPath.Index("$.results", index)));
            if (failure.Case is DecodeFailure found) return found;
        }

        return new Page<T>(page.Count, Optional(page.Next), Optional(page.Previous), results.ToSeq());
    }

    // A page read in one pass into the record's wire shape; mapping failures get their $.results[i] prefix.
    private static Decoder<Page<T>> TypedPage<TWire, T>(Func<JsonTypeInfo<PageWire<TWire>>> info, Func<TWire, Either<DecodeFailure, T>> toDomain)
        where TWire : class =>
        Record(info, page => MapResults(page, toDomain));

    private static Either<DecodeFailure, Page<T>> MapResults<TWire, T>(PageWire<TWire> page, Func<TWire, Either<DecodeFailure, T>> toDomain)
        where TWire : class
    {
        var results = new T[page.Results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var mapped = page.Results[i] is { } wire ? toDomain(wire) : new DecodeFailure("$", "expected a JSON object, found null");
            if (mapped.Case is DecodeFailure failure)
            {
                return failure.Under(JsonPath.Index("$.results", i));
            }

            results[i] = (T)mapped.Case!;
        }

        return new Page<T>(page.Count, Optional(page.Next), Optional(page.Previous), results.ToSeq());
    }

    private static Option<Uri> Optional(Uri? uri) => uri is null ? Option<Uri>.None : Option<Uri>.Some(uri);

    // A decoder of one wire shape, read by the source-generated serializer, then mapped. The
    // metadata is asked for at the first decode, not here: building it for every shape when the
    // class is first touched was a large part of a short-lived process's start (the context
    // keeps each shape's metadata once built, so later calls cost a field read).
    private static Decoder<T> Record<TWire, T>(Func<JsonTypeInfo<TWire>> info, Func<TWire, Either<DecodeFailure, T>> toDomain)
        where TWire : class =>
        new(
            utf8 => Mapped(JsonSerializer.Deserialize(utf8, info()), toDomain),
            element => Mapped(element.Deserialize(info()), toDomain));

    // A decoder that reads the body straight from the reader (task instances: see TaskInstanceReader);
    // a parsed element is read from its raw text the same way.
    private static Decoder<T> Read<T>(Decoder<T>.FromBytes read) =>
        new(read, element => read(JsonMarshal.GetRawUtf8Value(element)));

    private static Either<DecodeFailure, T> Mapped<TWire, T>(TWire? wire, Func<TWire, Either<DecodeFailure, T>> toDomain)
        where TWire : class =>
        wire is null ? new DecodeFailure("$", "expected a JSON object, found null") : toDomain(wire);
}
