using CsCheck;
using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Testing;

/// <summary>The generic building blocks of <see cref="RequestGen"/>: per-kind ids, drafts, filters and requests, and helpers.</summary>
public static partial class RequestGen
{
    /// <summary>A task type's id of one kind.</summary>
    /// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
    public static Gen<TaskTypeId<TKind>> TaskTypeId<TKind>()
        where TKind : ITaskKind =>
        Gen.Int[1, 1_000_000].Select(i => new TaskTypeId<TKind>(i));

    /// <summary>A task instance draft of one kind, with every field varied.</summary>
    /// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
    public static Gen<TaskInstanceDraft<TKind>> TaskInstanceDraft<TKind>()
        where TKind : ITaskKind =>
        Gen.Select(TaskTypeId<TKind>(), TaskQueueId, Arguments, Optional(Text),
            (type, queue, arguments, name) => new TaskInstanceDraft<TKind>(type, queue) { Arguments = arguments, Name = name });

    /// <summary>A valid typed filter on the instance list of one kind.</summary>
    /// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
    public static Gen<Filter<TaskInstance<TKind>>> TaskInstanceFilter<TKind>()
        where TKind : ITaskKind =>
        Gen.OneOf(
            TextFilter(TaskInstanceFilters<TKind>.Name),
            TextFilter(TaskInstanceFilters<TKind>.Owner),
            TaskState.Select(TaskInstanceFilters<TKind>.State.Is),
            TaskState.Array[1, 4].Select(TaskInstanceFilters<TKind>.State.In),
            TaskTypeId<TKind>().Select(TaskInstanceFilters<TKind>.TaskType.Is),
            TaskTypeId<TKind>().Array[1, 4].Select(TaskInstanceFilters<TKind>.TaskType.In),
            TaskQueueId.Select(TaskInstanceFilters<TKind>.TaskQueue.Is),
            TaskQueueId.Array[1, 4].Select(TaskInstanceFilters<TKind>.TaskQueue.In),
            DateTimeFilter(TaskInstanceFilters<TKind>.DatetimeCreated),
            DateTimeFilter(TaskInstanceFilters<TKind>.DatetimeFinished));

    /// <summary>Absent or present, evenly.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="gen">The value when present.</param>
    public static Gen<Option<T>> Optional<T>(Gen<T> gen) =>
        Gen.Select(Gen.Bool, gen, (present, value) => present ? Some(value) : Option<T>.None);

    /// <summary>Every text lookup of a text field, with text a typed filter accepts.</summary>
    /// <typeparam name="T">The resource listed.</typeparam>
    /// <param name="field">The field.</param>
    public static Gen<Filter<T>> TextFilter<T>(TextField<T> field) =>
        Gen.OneOf(
            FilterText.Select(field.Is),
            FilterText.Select(field.Contains),
            FilterText.Select(field.StartsWith),
            FilterText.Select(field.EndsWith),
            FilterText.Select(field.Regex),
            FilterText.Array[1, 4].Select(field.In));

    /// <summary>Every lookup of a date-time field.</summary>
    /// <typeparam name="T">The resource listed.</typeparam>
    /// <param name="field">The field.</param>
    public static Gen<Filter<T>> DateTimeFilter<T>(DateTimeField<T> field) =>
        Gen.OneOf(
            Instant.Select(field.Is),
            Gen.Int[1, 9999].Select(field.InYear),
            Gen.Select(Instant, Instant, field.Between),
            Instant.Select(field.Before),
            Instant.Select(field.AtOrBefore),
            Instant.Select(field.After),
            Instant.Select(field.AtOrAfter));

    private static Gen<Filter<TaskType<TKind>>> TaskTypeFilter<TKind>()
        where TKind : ITaskKind =>
        Gen.OneOf(
            TextFilter(TaskTypeFilters<TKind>.Name),
            TextFilter(TaskTypeFilters<TKind>.Description),
            TextFilter(TaskTypeFilters<TKind>.Owner),
            TextFilter(TaskTypeFilters<TKind>.CommandToRun),
            DateTimeFilter(TaskTypeFilters<TKind>.DatetimeCreated));

    // The reads of one kind's task types: a list, a lookup by name, a read by id.
    private static Gen<ApiRequest> TaskTypeRequest<TKind>(Gen<Filter<TaskType<TKind>>> filter)
        where TKind : ITaskKind =>
        Gen.OneOf(
            ListOf(Gen.OneOf(filter, RawFilter<TaskType<TKind>>()), (f, p, s) => TaskTypeRequests.List(f, p, s)),
            FilterText.Select(n => Succeeded(TaskTypeRequests.ByName<TKind>(n))),
            TaskTypeId<TKind>().Select(TaskTypeRequests.Get));

    // Every request of one kind's instances.
    private static Gen<ApiRequest> TaskInstanceRequest<TKind>()
        where TKind : ITaskKind =>
        Gen.OneOf(
            ListOf(Gen.OneOf(TaskInstanceFilter<TKind>(), RawFilter<TaskInstance<TKind>>()), (f, p, s) => TaskInstanceRequests.List(f, p, s)),
            InstanceUuid.Select(TaskInstanceRequests.Get<TKind>),
            TaskInstanceDraft<TKind>().Select(TaskInstanceRequests.Create),
            InstanceUuid.Select(TaskInstanceRequests.Clone<TKind>),
            InstanceUuid.Select(TaskInstanceRequests.Terminate<TKind>));

    private static Gen<ApiRequest> ListOf<T>(Gen<Filter<T>> filter, Func<Seq<Filter<T>>, Option<int>, Option<int>, Fin<ApiRequest>> list) =>
        Gen.Select(filter.Array[0, 4], PageNumber, PageNumber, (f, p, s) => Succeeded(list(toSeq(f), p, s)));

    // Inserts a character without splitting an existing surrogate pair.
    private static string InsertBetweenPairs(string text, int at, char c)
    {
        var i = Math.Min(at, text.Length);
        if (i > 0 && i < text.Length && char.IsLowSurrogate(text[i])) i--;
        return text.Insert(i, c.ToString());
    }

    // The generators feed builders only valid input, so a failure here is a bug in the builder.
    private static ApiRequest Succeeded(Fin<ApiRequest> built) =>
        built.Match(r => r, e => throw new InvalidOperationException($"A request builder refused generated valid input: {e.Message}"));
}
