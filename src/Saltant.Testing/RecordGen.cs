using CsCheck;
using LanguageExt;
using Saltant.Domain;

namespace Saltant.Testing;

/// <summary>
/// CsCheck generators for every Saltant.Domain record, id, state, JSON value and page, so code
/// built on the client can be property-tested. Values are ones the server could send: datetimes
/// are UTC with microsecond precision (what the server keeps, see <see cref="ServerDateTime"/>),
/// strings are valid Unicode, and unknown task states never spell one of the six known ones.
/// </summary>
public static class RecordGen
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>Short text with the characters that trip encoders: quotes, backslashes, controls, HTML, accents, CJK and astral emoji.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
            (6, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (2, Gen.Char[" \"'\\/\t\n<>&%+#?=-_.@0123456789"].Select(c => c.ToString())),
            (1, Gen.Char['\u0000', '\u001f'].Select(c => c.ToString())),
            (1, Gen.Char["éßЖ中文ü\u00a0\u2028\u200b\ufeff"].Select(c => c.ToString())),
            (1, Gen.OneOf(Gen.Const("😀"), Gen.Const("𝄞"))))
        .Array[0, 12]
        .Select(string.Concat);

    /// <summary>A name the server accepts for queues (letters, digits and <c>@.+-_</c>), 1 to 20 characters.</summary>
    public static readonly Gen<string> Name = Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ0123456789@.+-_"].Array[1, 20].Select(cs => new string(cs));

    /// <summary>A username.</summary>
    public static readonly Gen<Username> Username = Name.Select(n => new Username(n));

    /// <summary>A positive database id.</summary>
    public static readonly Gen<int> Id = Gen.Frequency((3, Gen.Int[1, 1000]), (1, Gen.Int[1, int.MaxValue]));

    /// <summary>A task queue id.</summary>
    public static readonly Gen<TaskQueueId> TaskQueueId = Id.Select(i => new TaskQueueId(i));

    /// <summary>A task whitelist id.</summary>
    public static readonly Gen<TaskWhitelistId> TaskWhitelistId = Id.Select(i => new TaskWhitelistId(i));

    /// <summary>A container task type's id.</summary>
    public static readonly Gen<TaskTypeId<Container>> ContainerTaskTypeId = TaskTypeId<Container>();

    /// <summary>An executable task type's id.</summary>
    public static readonly Gen<TaskTypeId<Executable>> ExecutableTaskTypeId = TaskTypeId<Executable>();

    /// <summary>An instance UUID.</summary>
    public static readonly Gen<InstanceUuid> InstanceUuid = Gen.Guid.Select(g => new InstanceUuid(g));

    /// <summary>A task state: mostly the six known ones, sometimes any other string (which the server stores too).</summary>
    public static readonly Gen<TaskState> TaskState = Gen.Frequency(
        (4, Gen.OneOf(Domain.TaskState.Known.ToArray())),
        (1, Text.Select(Domain.TaskState.Parse)));

    /// <summary>A container runtime.</summary>
    public static readonly Gen<ContainerType> ContainerType = Gen.Enum<ContainerType>();

    /// <summary>A UTC datetime between 1970 and 2100 with microsecond precision; sometimes on a whole second.</summary>
    public static readonly Gen<DateTimeOffset> DateTime = Gen.Frequency(
        (4, Gen.Long[0, 4_102_444_800_000_000L].Select(us => Epoch.AddTicks(us * 10))),
        (1, Gen.Long[0, 4_102_444_800L].Select(s => Epoch.AddSeconds(s))));

    /// <summary>A credential.</summary>
    public static readonly Gen<Secret> Secret = Text.Select(t => new Secret(t));

    /// <summary>Any JSON value, nested up to three levels.</summary>
    public static readonly Gen<Json> Json = Gen.Recursive<Json>((depth, self) =>
    {
        var leaf = Gen.Frequency(
            (1, Gen.Const(Domain.Json.Null)),
            (1, Gen.Bool.Select(Domain.Json.Of)),
            (2, Gen.Long.Select(Domain.Json.Of)),
            (1, Gen.Decimal.Select(Domain.Json.Of)),
            (3, Text.Select(Domain.Json.Of)));
        return depth >= 3
            ? leaf
            : Gen.Frequency(
                (4, leaf),
                (1, self.Array[0, 4].Select(items => (Json)new Json.JArray(items.ToSeq()))),
                (1, Members(self).Select(m => (Json)new Json.JObject(m))));
    });

    /// <summary>A JSON object (task arguments, default values).</summary>
    public static readonly Gen<Json.JObject> JsonObject = Members(Json).Select(m => new Json.JObject(m));

    /// <summary>An absolute page link as the server writes them.</summary>
    public static readonly Gen<Uri> PageLink = Gen.Select(Gen.OneOf(Gen.Const("users"), Gen.Const("taskqueues"), Gen.Const("executabletaskinstances")), Gen.Int[1, 500])
        .Select((route, page) => new Uri($"http://127.0.0.1:8000/api/{route}/?page={page}"));

    /// <summary>A user.</summary>
    public static readonly Gen<User> User = Gen.Select(Username, Text, (u, e) => new User(u, e));

    /// <summary>A task queue.</summary>
    public static readonly Gen<TaskQueue> TaskQueue = Gen.Select(
        TaskQueueId, Username, Name, Text, Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, SeqOf(TaskWhitelistId),
        (id, user, name, description, isPrivate, exe, docker, singularity, active, whitelists) =>
            new TaskQueue(id, user, name, description, isPrivate, exe, docker, singularity, active, whitelists));

    /// <summary>A task whitelist.</summary>
    public static readonly Gen<TaskWhitelist> TaskWhitelist = Gen.Select(
        TaskWhitelistId, Username, Name, Text, SeqOf(ContainerTaskTypeId), SeqOf(ExecutableTaskTypeId),
        (id, user, name, description, container, executable) => new TaskWhitelist(id, user, name, description, container, executable));

    /// <summary>A container task type.</summary>
    public static readonly Gen<ContainerTaskType> ContainerTaskType = Gen.Select(
        ContainerTaskTypeId, Username, Name, Text, DateTime, Text, SeqOf(Name), SeqOf(Name), JsonObject, Gen.Null(Text, 0.3), Gen.Null(Text, 0.3), Text, ContainerType,
        (id, user, name, description, created, command, env, required, defaults, logs, results, image, type) =>
            new ContainerTaskType(id, user, name, description, created, command, env, required, defaults, logs, results, image, type));

    /// <summary>An executable task type.</summary>
    public static readonly Gen<ExecutableTaskType> ExecutableTaskType = Gen.Select(
        ExecutableTaskTypeId, Username, Name, Text, DateTime, Text, SeqOf(Name), SeqOf(Name), JsonObject, Gen.Null(Text, 0.3),
        (id, user, name, description, created, command, env, required, defaults, jsonFileOption) =>
            new ExecutableTaskType(id, user, name, description, created, command, env, required, defaults, jsonFileOption));

    /// <summary>A container task instance.</summary>
    public static readonly Gen<ContainerTaskInstance> ContainerTaskInstance = Gen.Select(
        InstanceUuid, Username, Text, TaskState, DateTime, Gen.Nullable(DateTime, 0.4), JsonObject, TaskQueueId, ContainerTaskTypeId,
        (uuid, user, name, state, created, finished, arguments, queue, type) =>
            new ContainerTaskInstance(uuid, user, name, state, created, finished, arguments, queue, type));

    /// <summary>An executable task instance.</summary>
    public static readonly Gen<ExecutableTaskInstance> ExecutableTaskInstance = Gen.Select(
        InstanceUuid, Username, Text, TaskState, DateTime, Gen.Nullable(DateTime, 0.4), JsonObject, TaskQueueId, ExecutableTaskTypeId,
        (uuid, user, name, state, created, finished, arguments, queue, type) =>
            new ExecutableTaskInstance(uuid, user, name, state, created, finished, arguments, queue, type));

    /// <summary>The answer of <c>token/</c>.</summary>
    public static readonly Gen<JwtPair> JwtPair = Gen.Select(Secret, Secret, (access, refresh) => new JwtPair(access, refresh));

    /// <summary>The answer of <c>token/refresh/</c>.</summary>
    public static readonly Gen<JwtAccess> JwtAccess = Secret.Select(access => new JwtAccess(access));

    /// <summary>The answer of <c>updatetaskinstancestatus/</c>.</summary>
    public static readonly Gen<InstanceStateUpdate> InstanceStateUpdate = Gen.Select(InstanceUuid, TaskState, (uuid, state) => new InstanceStateUpdate(uuid, state));

    /// <summary>A page of records: up to ten results, with or without links to neighbouring pages.</summary>
    /// <typeparam name="T">The record listed.</typeparam>
    /// <param name="item">The generator of one record.</param>
    public static Gen<Page<T>> Page<T>(Gen<T> item) => Gen.Select(
        item.Array[0, 10], Gen.Int[0, 100_000], OptionOf(PageLink), OptionOf(PageLink),
        (results, extra, next, previous) => new Page<T>(results.Length + extra, next, previous, results.ToSeq()));

    /// <summary>Zero to five values.</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="gen">The generator of one value.</param>
    public static Gen<Seq<T>> SeqOf<T>(Gen<T> gen) => gen.Array[0, 5].Select(a => a.ToSeq());

    /// <summary>A task type's id of one kind.</summary>
    /// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
    public static Gen<TaskTypeId<TKind>> TaskTypeId<TKind>()
        where TKind : ITaskKind =>
        Id.Select(i => new TaskTypeId<TKind>(i));

    /// <summary>Some value or none, even odds.</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="gen">The generator of the value.</param>
    public static Gen<Option<T>> OptionOf<T>(Gen<T> gen) =>
        Gen.Frequency((1, Gen.Const(Option<T>.None)), (1, gen.Select(Option<T>.Some)));

    private static Gen<(string, Json)[]> Members(Gen<Json> value) =>
        Gen.Select(Text, value, (k, v) => (k, v)).Array[0, 4];
}
