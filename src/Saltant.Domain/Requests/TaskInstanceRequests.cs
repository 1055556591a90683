using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// Requests of <c>containertaskinstances/</c> and <c>executabletaskinstances/</c>: GET and POST,
/// plus clone and terminate. Instances are keyed by UUID. Each builder takes the kind as a type
/// argument (<see cref="Container"/> or <see cref="Executable"/>), inferred from a draft or
/// filters where there is one, so a container type's draft or filter can only reach the
/// container route.
/// </summary>
public static class TaskInstanceRequests
{
    /// <summary><c>GET {kind}taskinstances/?filters&amp;page&amp;page_size</c>, newest first.</summary>
    /// <typeparam name="TKind">Which kind of instance.</typeparam>
    /// <param name="filters">Filters, from <see cref="TaskInstanceFilters{TKind}"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page, from 1 (the server's default is 10 for instances).</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a filter with a problem or a page or size below 1.</returns>
    public static Fin<ApiRequest> List<TKind>(Seq<Filter<TaskInstance<TKind>>> filters = default, Option<int> page = default, Option<int> pageSize = default)
        where TKind : ITaskKind =>
        RequestShapes.List(TKind.Kind.InstancesRoute(), filters, page, pageSize);

    /// <summary><c>GET {kind}taskinstances/{uuid}/</c>.</summary>
    /// <typeparam name="TKind">Which kind of instance.</typeparam>
    /// <param name="uuid">The instance.</param>
    public static ApiRequest Get<TKind>(InstanceUuid uuid)
        where TKind : ITaskKind =>
        RequestShapes.Read(Path(TKind.Kind, uuid), Detail(TKind.Kind));

    /// <summary><c>POST {kind}taskinstances/</c>; 201, never retried (a second send launches a second run).</summary>
    /// <typeparam name="TKind">Which kind of instance: the kind of the draft's task type.</typeparam>
    /// <param name="draft">The new instance.</param>
    public static ApiRequest Create<TKind>(TaskInstanceDraft<TKind> draft)
        where TKind : ITaskKind =>
        RequestShapes.Create(Seq1(TKind.Kind.InstancesRoute()), TKind.Kind.InstancesRoute() + "/", draft.ToJson());

    /// <summary><c>POST {kind}taskinstances/{uuid}/clone/</c>: 201 with a new instance; never retried.</summary>
    /// <typeparam name="TKind">Which kind of instance.</typeparam>
    /// <param name="uuid">The instance to copy.</param>
    public static ApiRequest Clone<TKind>(InstanceUuid uuid)
        where TKind : ITaskKind =>
        RequestShapes.Act(Path(TKind.Kind, uuid).Add("clone"), Detail(TKind.Kind) + "clone/", 201, safeToRetry: false);

    /// <summary>
    /// <c>POST {kind}taskinstances/{uuid}/terminate/</c>: 202 with the instance as it was; the
    /// state becomes <c>terminated</c> later. Safe to repeat.
    /// </summary>
    /// <typeparam name="TKind">Which kind of instance.</typeparam>
    /// <param name="uuid">The instance to stop.</param>
    public static ApiRequest Terminate<TKind>(InstanceUuid uuid)
        where TKind : ITaskKind =>
        RequestShapes.Act(Path(TKind.Kind, uuid).Add("terminate"), Detail(TKind.Kind) + "terminate/", 202, safeToRetry: true);

    private static Seq<string> Path(TaskKind kind, InstanceUuid uuid) => Seq(kind.InstancesRoute(), uuid.ToString());

    private static string Detail(TaskKind kind) => kind.InstancesRoute() + "/{uuid}/";
}
