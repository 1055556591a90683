using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// Requests of <c>containertasktypes/</c> and <c>executabletasktypes/</c>: GET, POST and PUT (no
/// PATCH). Writes take a kind-specific draft, so a container type's fields can only go to the
/// container route; lists take filters typed by kind.
/// </summary>
public static class TaskTypeRequests
{
    /// <summary><c>GET containertasktypes/?filters&amp;page&amp;page_size</c>, ordered by id.</summary>
    /// <param name="filters">Filters, from <see cref="TaskTypeFilters{T}"/>, <see cref="ContainerTaskTypeFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page, from 1 (the server's default is 100).</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a filter with a problem or a page or size below 1.</returns>
    public static Fin<ApiRequest> ListContainer(Seq<Filter<ContainerTaskType>> filters = default, Option<int> page = default, Option<int> pageSize = default) =>
        RequestShapes.List(TaskKind.Container.TypesRoute(), filters, page, pageSize);

    /// <summary><c>GET executabletasktypes/?filters&amp;page&amp;page_size</c>, ordered by id.</summary>
    /// <param name="filters">Filters, from <see cref="TaskTypeFilters{T}"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page, from 1 (the server's default is 100).</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a filter with a problem or a page or size below 1.</returns>
    public static Fin<ApiRequest> ListExecutable(Seq<Filter<ExecutableTaskType>> filters = default, Option<int> page = default, Option<int> pageSize = default) =>
        RequestShapes.List(TaskKind.Executable.TypesRoute(), filters, page, pageSize);

    /// <summary><c>GET {kind}tasktypes/?name=…</c>: the list holding the type with exactly this name, if any.</summary>
    /// <param name="kind">Which kind of task type.</param>
    /// <param name="name">The name.</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a name the server's filter cannot match exactly.</returns>
    public static Fin<ApiRequest> ByName(TaskKind kind, string name) => kind == TaskKind.Container
        ? ListContainer(Seq1(TaskTypeFilters<ContainerTaskType>.Name.Is(name)))
        : ListExecutable(Seq1(TaskTypeFilters<ExecutableTaskType>.Name.Is(name)));

    /// <summary><c>GET {kind}tasktypes/{id}/</c>.</summary>
    /// <param name="kind">Which kind of task type (ids are numbered per kind).</param>
    /// <param name="id">The task type.</param>
    public static ApiRequest Get(TaskKind kind, TaskTypeId id) => RequestShapes.Read(Path(kind, id), Detail(kind));

    /// <summary><c>POST containertasktypes/</c> with every field; 201, never retried.</summary>
    /// <param name="draft">The new container task type.</param>
    public static ApiRequest Create(ContainerTaskTypeDraft draft) => Create(TaskKind.Container, draft.ToJson());

    /// <summary><c>POST executabletasktypes/</c> with every field; 201, never retried.</summary>
    /// <param name="draft">The new executable task type.</param>
    public static ApiRequest Create(ExecutableTaskTypeDraft draft) => Create(TaskKind.Executable, draft.ToJson());

    /// <summary><c>PUT containertasktypes/{id}/</c> with every field.</summary>
    /// <param name="id">The container task type.</param>
    /// <param name="draft">All its new field values.</param>
    public static ApiRequest Put(TaskTypeId id, ContainerTaskTypeDraft draft) =>
        RequestShapes.Replace(Path(TaskKind.Container, id), Detail(TaskKind.Container), draft.ToJson());

    /// <summary><c>PUT executabletasktypes/{id}/</c> with every field.</summary>
    /// <param name="id">The executable task type.</param>
    /// <param name="draft">All its new field values.</param>
    public static ApiRequest Put(TaskTypeId id, ExecutableTaskTypeDraft draft) =>
        RequestShapes.Replace(Path(TaskKind.Executable, id), Detail(TaskKind.Executable), draft.ToJson());

    private static ApiRequest Create(TaskKind kind, Json.JObject body) =>
        RequestShapes.Create(Seq1(kind.TypesRoute()), kind.TypesRoute() + "/", body);

    private static Seq<string> Path(TaskKind kind, TaskTypeId id) => Seq(kind.TypesRoute(), id.ToString());

    private static string Detail(TaskKind kind) => kind.TypesRoute() + "/{id}/";
}
