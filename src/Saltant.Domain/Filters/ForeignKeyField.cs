using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// A reference of <typeparamref name="T"/> to another record by id, filtered with <c>exact</c>
/// and <c>in</c>.
/// </summary>
/// <typeparam name="T">The resource listed.</typeparam>
/// <typeparam name="TId">The id type referred to, e.g. <see cref="TaskQueueId"/>.</typeparam>
/// <param name="Name">The field's query name, e.g. <c>task_queue</c>.</param>
/// <param name="Format">How an id is written (its invariant integer form).</param>
public sealed record ForeignKeyField<T, TId>(string Name, Func<TId, string> Format)
{
    /// <summary><c>name=id</c>: refers to this record.</summary>
    /// <param name="id">The id.</param>
    public Filter<T> Is(TId id) => Filter<T>.Valid(Name, Format(id));

    /// <summary><c>name__in=1,2</c>: refers to one of these records (at least one).</summary>
    /// <param name="ids">The ids.</param>
    public Filter<T> In(params TId[] ids) => In(ids.ToSeq());

    /// <summary><c>name__in=1,2</c>: refers to one of these records (at least one).</summary>
    /// <param name="ids">The ids.</param>
    public Filter<T> In(Seq<TId> ids) => FilterValues.In<T>(Name + "__in", ids.Map(Format), checkText: false);
}
