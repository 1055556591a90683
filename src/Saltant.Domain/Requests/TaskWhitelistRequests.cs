using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>Requests of <c>taskwhitelists/</c>: GET, POST, PUT and PATCH.</summary>
public static class TaskWhitelistRequests
{
    private const string Resource = "taskwhitelists";
    private const string Detail = "taskwhitelists/{id}/";

    /// <summary><c>GET taskwhitelists/?filters&amp;page&amp;page_size</c>, ordered by id.</summary>
    /// <param name="filters">Filters, from <see cref="TaskWhitelistFilters"/> or <see cref="Filter{T}.Raw"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records per page, from 1 (the server's default is 100).</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a filter with a problem or a page or size below 1.</returns>
    public static Fin<ApiRequest> List(Seq<Filter<TaskWhitelist>> filters = default, Option<int> page = default, Option<int> pageSize = default) =>
        RequestShapes.List(Resource, filters, page, pageSize);

    /// <summary><c>GET taskwhitelists/?name=…</c>: the list holding the whitelist with exactly this name, if any.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The request, or <see cref="InvalidRequestInput"/> for a name the server's filter cannot match exactly.</returns>
    public static Fin<ApiRequest> ByName(string name) => List(Seq1(TaskWhitelistFilters.Name.Is(name)));

    /// <summary><c>GET taskwhitelists/{id}/</c>.</summary>
    /// <param name="id">The whitelist.</param>
    public static ApiRequest Get(TaskWhitelistId id) => RequestShapes.Read(Path(id), Detail);

    /// <summary><c>POST taskwhitelists/</c> with every field; 201, never retried.</summary>
    /// <param name="draft">The new whitelist.</param>
    public static ApiRequest Create(TaskWhitelistDraft draft) => RequestShapes.Create(Seq1(Resource), Resource + "/", draft.ToJson());

    /// <summary><c>PUT taskwhitelists/{id}/</c> with every field.</summary>
    /// <param name="id">The whitelist.</param>
    /// <param name="draft">All its new field values.</param>
    public static ApiRequest Put(TaskWhitelistId id, TaskWhitelistDraft draft) => RequestShapes.Replace(Path(id), Detail, draft.ToJson());

    /// <summary><c>PATCH taskwhitelists/{id}/</c> with only the fields set.</summary>
    /// <param name="id">The whitelist.</param>
    /// <param name="patch">The fields to change.</param>
    public static ApiRequest Patch(TaskWhitelistId id, TaskWhitelistPatch patch) => RequestShapes.Change(Path(id), Detail, patch.ToJson());

    private static Seq<string> Path(TaskWhitelistId id) => Seq(Resource, id.ToString());
}
