using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>Requests of <c>taskqueues/</c>: GET, POST, PUT and PATCH.</summary>
public static class TaskQueueRequests
{
    private const string Resource = "taskqueues";
    private const string Detail = "taskqueues/{id}/";

    /// <summary><c>GET taskqueues/?filters&amp;page&amp;page_size</c>, ordered by id.</summary>
    /// <param name="filters">Filters, from <see cref="TaskQueueFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page, from 1 (the server's default is 100).</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a filter with a problem or a page or size below 1.</returns>
    public static Fin<ApiRequest> List(Seq<Filter<TaskQueue>> filters = default, Option<int> page = default, Option<int> pageSize = default) =>
        RequestShapes.List(Resource, filters, page, pageSize);

    /// <summary><c>GET taskqueues/?name=…</c>: the list holding the queue with exactly this name, if any (names are unique).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a name the server's filter cannot match exactly (empty, or with surrounding whitespace).</returns>
    public static Fin<ApiRequest> ByName(string name) => List(Seq1(TaskQueueFilters.Name.Is(name)));

    /// <summary><c>GET taskqueues/{id}/</c>.</summary>
    /// <param name="id">The queue.</param>
    public static ApiRequest Get(TaskQueueId id) => RequestShapes.Read(Path(id), Detail);

    /// <summary><c>POST taskqueues/</c> with every field; 201, never retried.</summary>
    /// <param name="draft">The new queue.</param>
    public static ApiRequest Create(TaskQueueDraft draft) => RequestShapes.Create(Seq1(Resource), Resource + "/", draft.ToJson());

    /// <summary><c>PUT taskqueues/{id}/</c> with every field.</summary>
    /// <param name="id">The queue.</param>
    /// <param name="draft">All its new field values.</param>
    public static ApiRequest Put(TaskQueueId id, TaskQueueDraft draft) => RequestShapes.Replace(Path(id), Detail, draft.ToJson());

    /// <summary><c>PATCH taskqueues/{id}/</c> with only the fields set.</summary>
    /// <param name="id">The queue.</param>
    /// <param name="patch">The fields to change.</param>
    public static ApiRequest Patch(TaskQueueId id, TaskQueuePatch patch) => RequestShapes.Change(Path(id), Detail, patch.ToJson());

    private static Seq<string> Path(TaskQueueId id) => Seq(Resource, id.ToString());
}
