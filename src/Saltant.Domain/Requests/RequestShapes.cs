using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// The few request shapes every resource shares (read, create, replace, change, act), so each
/// resource's builder only names its routes and fields and the status/retry rules live in one place.
/// </summary>
internal static class RequestShapes
{
    private static readonly Seq<(string Name, string Value)> NoQuery = Seq<(string, string)>();

    /// <summary>GET that answers 200 and may be repeated.</summary>
    internal static ApiRequest Read(Seq<string> path, string route) => Read(path, route, NoQuery);

    /// <summary>GET with a query that answers 200 and may be repeated.</summary>
    internal static ApiRequest Read(Seq<string> path, string route, Seq<(string Name, string Value)> query) =>
        new(HttpVerb.Get, path, query, RequestBody.Empty, 200, SafeToRetry: true, route);

    /// <summary>POST that makes a record (201); never repeated, a second send makes a second record.</summary>
    internal static ApiRequest Create(Seq<string> path, string route, Json.JObject body) =>
        new(HttpVerb.Post, path, NoQuery, new RequestBody.JsonBody(body), 201, SafeToRetry: false, route);

    /// <summary>PUT of every writable field (200); repeating it leaves the same record.</summary>
    internal static ApiRequest Replace(Seq<string> path, string route, Json.JObject body) =>
        new(HttpVerb.Put, path, NoQuery, new RequestBody.JsonBody(body), 200, SafeToRetry: true, route);

    /// <summary>PATCH of some fields (200); repeating it sets the same values again.</summary>
    internal static ApiRequest Change(Seq<string> path, string route, Json.JObject body) =>
        new(HttpVerb.Patch, path, NoQuery, new RequestBody.JsonBody(body), 200, SafeToRetry: true, route);

    /// <summary>POST without a body that triggers an action answering <paramref name="status"/>.</summary>
    internal static ApiRequest Act(Seq<string> path, string route, int status, bool safeToRetry) =>
        new(HttpVerb.Post, path, NoQuery, RequestBody.Empty, status, safeToRetry, route);

    /// <summary>The query of a list: the filters in order, then <c>page</c> and <c>page_size</c> when given.</summary>
    /// <remarks>
    /// Fails on the first filter that carries a <see cref="Filter{T}.Problem"/>, a page below 1 or a
    /// page size below 1 (the server answers 404 for <c>page=0</c> and silently ignores
    /// <c>page_size=0</c>, neither of which is what a caller asking for them means).
    /// </remarks>
    internal static Fin<ApiRequest> List<T>(
        string resource, Seq<Filter<T>> filters, Option<int> page, Option<int> pageSize)
    {
        // Indexed, not foreach: a Seq's enumerator is a generated iterator class per element type,
        // more methods for a fresh process's first request to compile.
        for (var i = 0; i < filters.Count; i++)
        {
            var filter = filters[i];
            if (filter.Problem.Case is string problem)
            {
                return new InvalidRequestInput(filter.Name, problem);
            }
        }

        if (page.Case is int p && p < 1)
        {
            return new InvalidRequestInput("page", $"pages are numbered from 1, not {p}.");
        }

        if (pageSize.Case is int s && s < 1)
        {
            return new InvalidRequestInput("page_size", $"a page holds at least 1 record, not {s}.");
        }

        // Into one array, then one sequence: every list page is built here, and mapping and
        // concatenating lazy sequences cost a fresh process's first list about forty JIT-compiled
        // generic methods for a query of a few pairs.
        var query = new (string Name, string Value)[filters.Count + (page.IsSome ? 1 : 0) + (pageSize.IsSome ? 1 : 0)];
        var at = 0;
        for (var i = 0; i < filters.Count; i++)
        {
            query[at++] = (filters[i].Name, filters[i].Value);
        }

        if (page.Case is int number)
        {
            query[at++] = ("page", Invariant(number));
        }

        if (pageSize.Case is int size)
        {
            query[at] = ("page_size", Invariant(size));
        }

        return Read(Seq1(resource), resource + "/", LanguageExt.Seq.create(query));
    }

    /// <summary>An integer as the server reads it (invariant culture, no separators).</summary>
    internal static string Invariant(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
