using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// Requests of <c>containertaskinstances/</c> and <c>executabletaskinstances/</c>: GET and POST,
/// plus clone and terminate. Instances are keyed by UUID.
/// </summary>
public static class TaskInstanceRequests
{
    /// <summary><c>GET {kind}taskinstances/?filters&amp;page&amp;page_size</c>, newest first.</summary>
    /// <param name="kind">Which kind of instance.</param>
    /// <param name="filters">Filters, from <see cref="TaskInstanceFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page, from 1 (the server's default is 10 for instances).</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a filter with a problem or a page or size below 1.</returns>
    public static Fin<ApiRequest> List(TaskKind kind, Seq<Filter<TaskInstance>> filters = default, Option<int> page = default, Option<int> pageSize = default) =>
        RequestShapes.List(kind.InstancesRoute(), filters, page, pageSize);

    /// <summary><c>GET {kind}taskinstances/{uuid}/</c>.</summary>
    /// <param name="kind">Which kind of instance.</param>
    /// <param name="uuid">The instance.</param>
    public static ApiRequest Get(TaskKind kind, InstanceUuid uuid) => RequestShapes.Read(Path(kind, uuid), Detail(kind));

    /// <summary><c>POST {kind}taskinstances/</c>; 201, never retried (a second send launches a second run).</summary>
    /// <param name="kind">Which kind of instance (the draft's task type must be of this kind).</param>
    /// <param name="draft">The new instance.</param>
    public static ApiRequest Create(TaskKind kind, TaskInstanceDraft draft) =>
        RequestShapes.Create(Seq1(kind.InstancesRoute()), kind.InstancesRoute() + "/", draft.ToJson());

    /// <summary><c>POST {kind}taskinstances/{uuid}/clone/</c>: 201 with a new instance; never retried.</summary>
    /// <param name="kind">Which kind of instance.</param>
    /// <param name="uuid">The instance to copy.</param>
    public static ApiRequest Clone(TaskKind kind, InstanceUuid uuid) =>
        RequestShapes.Act(Path(kind, uuid).Add("clone"), Detail(kind) + "clone/", 201, safeToRetry: false);

    /// <summary>
    /// <c>POST {kind}taskinstances/{uuid}/terminate/</c>: 202 with the instance as it was; the
    /// state becomes <c>terminated</c> later. Safe to repeat.
    /// </summary>
    /// <param name="kind">Which kind of instance.</param>
    /// <param name="uuid">The instance to stop.</param>
    public static ApiRequest Terminate(TaskKind kind, InstanceUuid uuid) =>
        RequestShapes.Act(Path(kind, uuid).Add("terminate"), Detail(kind) + "terminate/", 202, safeToRetry: true);

    private static Seq<string> Path(TaskKind kind, InstanceUuid uuid) => Seq(kind.InstancesRoute(), uuid.ToString());

    private static string Detail(TaskKind kind) => kind.InstancesRoute() + "/{uuid}/";
}
