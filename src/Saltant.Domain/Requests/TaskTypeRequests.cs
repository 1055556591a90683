using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// Requests of <c>containertasktypes/</c> and <c>executabletasktypes/</c>: GET, POST and PUT (no
/// PATCH). Writes take a kind-specific draft, so a container type's fields can only go to the
/// container route; reads and lists take the kind as a type argument (<see cref="Container"/> or
/// <see cref="Executable"/>), inferred from the id or the filters where there are some.
/// </summary>
public static class TaskTypeRequests
{
    /// <summary><c>GET {kind}tasktypes/?filters&amp;page&amp;page_size</c>, ordered by id.</summary>
    /// <typeparam name="TKind">Which kind of task type.</typeparam>
    /// <param name="filters">Filters, from <see cref="TaskTypeFilters{TKind}"/>, <see cref="ContainerTaskTypeFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page, from 1 (the server's default is 100).</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a filter with a problem or a page or size below 1.</returns>
    public static Fin<ApiRequest> List<TKind>(Seq<Filter<TaskType<TKind>>> filters = default, Option<int> page = default, Option<int> pageSize = default)
        where TKind : ITaskKind =>
        RequestShapes.List(TKind.Kind.TypesRoute(), filters, page, pageSize);

    /// <summary><c>GET {kind}tasktypes/?name=…</c>: the list holding the type with exactly this name, if any.</summary>
    /// <typeparam name="TKind">Which kind of task type.</typeparam>
    /// <param name="name">The name.</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a name the server's filter cannot match exactly.</returns>
    public static Fin<ApiRequest> ByName<TKind>(string name)
        where TKind : ITaskKind =>
        List(Seq1(TaskTypeFilters<TKind>.Name.Is(name)));

    /// <summary><c>GET {kind}tasktypes/{id}/</c>.</summary>
    /// <typeparam name="TKind">Which kind of task type: the id's (ids are numbered per kind).</typeparam>
    /// <param name="id">The task type.</param>
    public static ApiRequest Get<TKind>(TaskTypeId<TKind> id)
        where TKind : ITaskKind =>
        RequestShapes.Read(Path(id), Detail(TKind.Kind));

    /// <summary><c>POST {kind}tasktypes/</c> with every field; 201, never retried.</summary>
    /// <typeparam name="TKind">The kind, which the draft fixes.</typeparam>
    /// <param name="draft">The new task type.</param>
    public static ApiRequest Create<TKind>(ITaskTypeDraft<TKind> draft)
        where TKind : ITaskKind =>
        RequestShapes.Create(Seq1(TKind.Kind.TypesRoute()), TKind.Kind.TypesRoute() + "/", draft.ToJson());

    /// <summary><c>PUT {kind}tasktypes/{id}/</c> with every field.</summary>
    /// <typeparam name="TKind">The kind, which the id and the draft share.</typeparam>
    /// <param name="id">The task type.</param>
    /// <param name="draft">All its new field values.</param>
    public static ApiRequest Put<TKind>(TaskTypeId<TKind> id, ITaskTypeDraft<TKind> draft)
        where TKind : ITaskKind =>
        RequestShapes.Replace(Path(id), Detail(TKind.Kind), draft.ToJson());

    private static Seq<string> Path<TKind>(TaskTypeId<TKind> id)
        where TKind : ITaskKind =>
        Seq(TKind.Kind.TypesRoute(), id.ToString());

    private static string Detail(TaskKind kind) => kind.TypesRoute() + "/{id}/";
}
