using CsCheck;
using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Testing;

/// <summary>
/// CsCheck generators for the inputs and outputs of the Saltant.Domain request builders: ids,
/// awkward text, typed filters, drafts and patches, and built <see cref="ApiRequest"/>s of every
/// operation. Use them to property-test code that builds or interprets requests.
/// </summary>
public static partial class RequestGen
{
    // Characters that break naive URL building, plus whitespace, non-ASCII and astral ones.
    private static readonly string[] Awkward =
    [
        "&", "=", "#", "%", "/", "?", "+", " ", ",", ";", ":", "@", "\"", "'", "<", ">", "\\", "[", "]", "{", "}", "|",
        "~", ".", "..", "%20", "%2F", "é", "ß", "中", "\u00A0", "\t", "\n", "😀", "𝄞", "\u200B", "\uFEFF",
    ];

    /// <summary>
    /// Any text, valid UTF-16: ASCII letters and digits mixed with URL delimiters, percent signs,
    /// whitespace, non-ASCII and surrogate pairs; sometimes empty.
    /// </summary>
    public static readonly Gen<string> Text =
        Gen.Frequency(
                (4, Gen.Char.AlphaNumeric.Select(c => c.ToString())),
                (3, Gen.OneOf<string>(Awkward)),
                (1, Gen.Char['\u0020', '\uD7FF'].Select(c => c.ToString())))
            .Array[0, 12]
            .Select(parts => string.Concat(parts));

    /// <summary>Like <see cref="Text"/>, but sometimes holding an unpaired surrogate (which encoders replace by U+FFFD).</summary>
    public static readonly Gen<string> TextWithLoneSurrogates =
        Gen.Select(Text, Gen.Char['\uD800', '\uDFFF'], Gen.Int[0, 12], Gen.Bool,
            (text, lone, at, insert) => insert ? InsertBetweenPairs(text, at, lone) : text);

    /// <summary>
    /// Text a typed filter accepts: non-empty, no surrounding whitespace, no NUL and no comma, yet
    /// still full of URL delimiters and non-ASCII.
    /// </summary>
    public static readonly Gen<string> FilterText =
        Text.Select(t => t.Replace(",", "").Trim().Trim('\u001C', '\u001D', '\u001E', '\u001F').Replace("\0", ""))
            .Select(t => t.Length == 0 ? "x" : t)
            .Where(t => !char.IsWhiteSpace(t[0]) && !char.IsWhiteSpace(t[^1]));

    /// <summary>A task queue id.</summary>
    public static readonly Gen<TaskQueueId> TaskQueueId = Gen.Int[1, 1_000_000].Select(i => new TaskQueueId(i));

    /// <summary>A task whitelist id.</summary>
    public static readonly Gen<TaskWhitelistId> TaskWhitelistId = Gen.Int[1, 1_000_000].Select(i => new TaskWhitelistId(i));

    /// <summary>A container task type's id.</summary>
    public static readonly Gen<TaskTypeId<Container>> ContainerTaskTypeId = TaskTypeId<Container>();

    /// <summary>An executable task type's id.</summary>
    public static readonly Gen<TaskTypeId<Executable>> ExecutableTaskTypeId = TaskTypeId<Executable>();

    /// <summary>An instance UUID.</summary>
    public static readonly Gen<InstanceUuid> InstanceUuid = Gen.Guid.Select(g => new InstanceUuid(g));

    /// <summary>A username the <c>users/{username}/</c> route can match: non-empty, no <c>.</c> or <c>/</c>.</summary>
    public static readonly Gen<Username> RoutableUsername =
        Text.Select(t => t.Replace(".", "").Replace("/", "")).Where(t => t.Length > 0).Select(t => new Username(t));

    /// <summary>A task kind.</summary>
    public static readonly Gen<TaskKind> TaskKind = Gen.Enum<TaskKind>();

    /// <summary>A container type.</summary>
    public static readonly Gen<ContainerType> ContainerType = Gen.Enum<ContainerType>();

    /// <summary>One of the six known states, or (rarely) another comma-free state string.</summary>
    public static readonly Gen<TaskState> TaskState =
        Gen.Frequency(
            (6, Gen.OneOf<TaskState>(Domain.TaskState.Known.ToArray())),
            (1, FilterText.Select(Domain.TaskState.Parse)));

    /// <summary>An instant between the years 1900 and 2200, with any offset and sub-microsecond ticks.</summary>
    public static readonly Gen<DateTimeOffset> Instant =
        Gen.Select(Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(2200, 1, 1).Ticks], Gen.Int[-14 * 60, 14 * 60],
            (ticks, offsetMinutes) => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)));

    /// <summary>A small JSON object of task arguments (strings, numbers, booleans, nulls, lists).</summary>
    public static readonly Gen<Json.JObject> Arguments =
        Gen.Select(
                Text,
                Gen.OneOf(
                    Text.Select(Json.Of),
                    Gen.Long.Select(Json.Of),
                    Gen.Bool.Select(Json.Of),
                    Gen.Const(Json.Null),
                    Text.Array[0, 3].Select(xs => Json.Array(xs.Select(Json.Of).ToArray()))))
            .Array[0, 4]
            .Select(members => new Json.JObject(members));

    /// <summary>A task queue draft with every field varied.</summary>
    public static readonly Gen<TaskQueueDraft> TaskQueueDraft =
        Gen.Select(Text, Text, Gen.Bool.Array[5], TaskWhitelistId.Array[0, 4],
            (name, description, b, whitelists) => new TaskQueueDraft(name)
            {
                Description = description,
                Private = b[0],
                RunsExecutableTasks = b[1],
                RunsDockerContainerTasks = b[2],
                RunsSingularityContainerTasks = b[3],
                Active = b[4],
                Whitelists = toSeq(whitelists),
            });

    /// <summary>A task queue patch with any subset of fields set.</summary>
    public static readonly Gen<TaskQueuePatch> TaskQueuePatch =
        Gen.Select(Optional(Text), Optional(Text), Optional(Gen.Bool), Optional(Gen.Bool), Optional(Gen.Bool), Optional(Gen.Bool), Optional(Gen.Bool), Optional(TaskWhitelistId.Array[0, 4].Select(toSeq)),
            (name, description, isPrivate, exe, docker, singularity, active, whitelists) => new TaskQueuePatch
            {
                Name = name,
                Description = description,
                Private = isPrivate,
                RunsExecutableTasks = exe,
                RunsDockerContainerTasks = docker,
                RunsSingularityContainerTasks = singularity,
                Active = active,
                Whitelists = whitelists,
            });

    /// <summary>A task whitelist draft.</summary>
    public static readonly Gen<TaskWhitelistDraft> TaskWhitelistDraft =
        Gen.Select(Text, Text, ContainerTaskTypeId.Array[0, 4], ExecutableTaskTypeId.Array[0, 4],
            (name, description, container, executable) => new TaskWhitelistDraft(name)
            {
                Description = description,
                WhitelistedContainerTaskTypes = toSeq(container),
                WhitelistedExecutableTaskTypes = toSeq(executable),
            });

    /// <summary>A task whitelist patch with any subset of fields set.</summary>
    public static readonly Gen<TaskWhitelistPatch> TaskWhitelistPatch =
        Gen.Select(Optional(Text), Optional(Text), Optional(ContainerTaskTypeId.Array[0, 4].Select(toSeq)), Optional(ExecutableTaskTypeId.Array[0, 4].Select(toSeq)),
            (name, description, container, executable) => new TaskWhitelistPatch
            {
                Name = name,
                Description = description,
                WhitelistedContainerTaskTypes = container,
                WhitelistedExecutableTaskTypes = executable,
            });

    /// <summary>A container task type draft.</summary>
    public static readonly Gen<ContainerTaskTypeDraft> ContainerTaskTypeDraft =
        Gen.Select(Gen.Select(Text, Text, Text, ContainerType), Text, Text.Array[0, 3], Text.Array[0, 3], Arguments, Optional(Text), Optional(Text),
            (required, description, env, args, defaults, logs, results) => new ContainerTaskTypeDraft(required.Item1, required.Item2, required.Item3, required.Item4)
            {
                Description = description,
                EnvironmentVariables = toSeq(env),
                RequiredArguments = toSeq(args),
                RequiredArgumentsDefaultValues = defaults,
                LogsPath = logs,
                ResultsPath = results,
            });

    /// <summary>An executable task type draft.</summary>
    public static readonly Gen<ExecutableTaskTypeDraft> ExecutableTaskTypeDraft =
        Gen.Select(Text, Text, Text, Text.Array[0, 3], Text.Array[0, 3], Arguments, Optional(Text),
            (name, command, description, env, args, defaults, jsonFileOption) => new ExecutableTaskTypeDraft(name, command)
            {
                Description = description,
                EnvironmentVariables = toSeq(env),
                RequiredArguments = toSeq(args),
                RequiredArgumentsDefaultValues = defaults,
                JsonFileOption = jsonFileOption,
            });

    /// <summary>A container task instance draft.</summary>
    public static readonly Gen<TaskInstanceDraft<Container>> ContainerTaskInstanceDraft = TaskInstanceDraft<Container>();

    /// <summary>An executable task instance draft.</summary>
    public static readonly Gen<TaskInstanceDraft<Executable>> ExecutableTaskInstanceDraft = TaskInstanceDraft<Executable>();

    /// <summary>A valid typed filter on the user list.</summary>
    public static readonly Gen<Filter<User>> UserFilter =
        Gen.OneOf(TextFilter(UserFilters.Username), TextFilter(UserFilters.Email));

    /// <summary>A valid typed filter on the task queue list.</summary>
    public static readonly Gen<Filter<TaskQueue>> TaskQueueFilter =
        Gen.OneOf(
            TextFilter(TaskQueueFilters.Name),
            TextFilter(TaskQueueFilters.Description),
            TextFilter(TaskQueueFilters.Owner),
            Gen.Bool.Select(TaskQueueFilters.Private.Is),
            Gen.Bool.Select(TaskQueueFilters.RunsExecutableTasks.Is),
            Gen.Bool.Select(TaskQueueFilters.RunsDockerContainerTasks.Is),
            Gen.Bool.Select(TaskQueueFilters.RunsSingularityContainerTasks.Is),
            Gen.Bool.Select(TaskQueueFilters.Active.Is));

    /// <summary>A valid typed filter on the task whitelist list.</summary>
    public static readonly Gen<Filter<TaskWhitelist>> TaskWhitelistFilter =
        Gen.OneOf(TextFilter(TaskWhitelistFilters.Name), TextFilter(TaskWhitelistFilters.Description), TextFilter(TaskWhitelistFilters.Owner));

    /// <summary>A valid typed filter on the container task type list.</summary>
    public static readonly Gen<Filter<TaskType<Container>>> ContainerTaskTypeFilter =
        Gen.OneOf(
            TaskTypeFilter<Container>(),
            TextFilter(ContainerTaskTypeFilters.ContainerImage),
            ContainerType.Select(ContainerTaskTypeFilters.ContainerType.Is),
            ContainerType.Array[1, 2].Select(ContainerTaskTypeFilters.ContainerType.In));

    /// <summary>A valid typed filter on the executable task type list.</summary>
    public static readonly Gen<Filter<TaskType<Executable>>> ExecutableTaskTypeFilter = TaskTypeFilter<Executable>();

    /// <summary>A valid typed filter on the container task instance list.</summary>
    public static readonly Gen<Filter<TaskInstance<Container>>> ContainerTaskInstanceFilter = TaskInstanceFilter<Container>();

    /// <summary>A valid typed filter on the executable task instance list.</summary>
    public static readonly Gen<Filter<TaskInstance<Executable>>> ExecutableTaskInstanceFilter = TaskInstanceFilter<Executable>();

    /// <summary>A raw filter: any name and any value, sent unchecked.</summary>
    /// <typeparam name="T">The resource listed.</typeparam>
    public static Gen<Filter<T>> RawFilter<T>() => Gen.Select(Text, Text, Filter<T>.Raw);

    /// <summary>A page number or page size: absent, or from 1.</summary>
    public static readonly Gen<Option<int>> PageNumber = Optional(Gen.Int[1, 10_000]);

    /// <summary>A built request of any operation of any resource, with awkward text wherever text goes.</summary>
    public static readonly Gen<ApiRequest> Request =
        Gen.OneOf(
            ListOf(Gen.OneOf(UserFilter, RawFilter<User>()), (f, p, s) => UserRequests.List(f, p, s)),
            RoutableUsername.Select(u => Succeeded(UserRequests.Get(u))),
            ListOf(Gen.OneOf(TaskQueueFilter, RawFilter<TaskQueue>()), (f, p, s) => TaskQueueRequests.List(f, p, s)),
            FilterText.Select(n => Succeeded(TaskQueueRequests.ByName(n))),
            TaskQueueId.Select(TaskQueueRequests.Get),
            TaskQueueDraft.Select(TaskQueueRequests.Create),
            Gen.Select(TaskQueueId, TaskQueueDraft, TaskQueueRequests.Put),
            Gen.Select(TaskQueueId, TaskQueuePatch, TaskQueueRequests.Patch),
            ListOf(Gen.OneOf(TaskWhitelistFilter, RawFilter<TaskWhitelist>()), (f, p, s) => TaskWhitelistRequests.List(f, p, s)),
            FilterText.Select(n => Succeeded(TaskWhitelistRequests.ByName(n))),
            TaskWhitelistId.Select(TaskWhitelistRequests.Get),
            TaskWhitelistDraft.Select(TaskWhitelistRequests.Create),
            Gen.Select(TaskWhitelistId, TaskWhitelistDraft, TaskWhitelistRequests.Put),
            Gen.Select(TaskWhitelistId, TaskWhitelistPatch, TaskWhitelistRequests.Patch),
            TaskTypeRequest<Container>(ContainerTaskTypeFilter),
            TaskTypeRequest<Executable>(ExecutableTaskTypeFilter),
            ContainerTaskTypeDraft.Select(d => TaskTypeRequests.Create(d)),
            ExecutableTaskTypeDraft.Select(d => TaskTypeRequests.Create(d)),
            Gen.Select(ContainerTaskTypeId, ContainerTaskTypeDraft, (id, d) => TaskTypeRequests.Put(id, d)),
            Gen.Select(ExecutableTaskTypeId, ExecutableTaskTypeDraft, (id, d) => TaskTypeRequests.Put(id, d)),
            TaskInstanceRequest<Container>(),
            TaskInstanceRequest<Executable>(),
            Gen.Select(InstanceUuid, TaskState, InstanceStateRequests.Update),
            Gen.Select(Text, Text, (u, p) => JwtRequests.Obtain(new Username(u), new Secret(p))),
            Text.Select(r => JwtRequests.Refresh(new Secret(r))));
}
