using System.Numerics;
using System.Text.Json;
using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Validation;

namespace Saltant.Emulator.Query;

/// <summary>
/// DRF's PageNumberPagination with saltant's <c>page_size</c> parameter: invalid sizes fall back to the
/// default, <c>page=last</c> works, a bad page is 404 "Invalid page.", links are absolute and their
/// query is re-encoded sorted (and <c>page=1</c> dropped from "previous"), as DRF does.
/// </summary>
internal static class Paginator
{
    /// <summary>
    /// The page of <paramref name="source"/> that the request's filters keep, in the source's order;
    /// the filters' 400 when a value is bad. Every list endpoint answers this way.
    /// </summary>
    public static ApiResponse Filtered<T>(ApiRequest request, IReadOnlyList<FilterField<T>> fields, IEnumerable<T> source, int defaultSize, Action<Utf8JsonWriter, T> write)
    {
        var predicates = FilterSet.Build(request, fields, out var error);
        if (predicates is null) return error!;
        return Page(request, source.Where(item => predicates.All(p => p(item))).ToList(), defaultSize, write);
    }

    /// <summary>Renders one page of <paramref name="items"/> or the 404.</summary>
    public static ApiResponse Page<T>(ApiRequest request, IReadOnlyList<T> items, int defaultSize, Action<Utf8JsonWriter, T> write)
    {
        long size = defaultSize;
        var sizeText = request.QueryValue("page_size");
        if (sizeText is not null && Fields.TryPythonInt(sizeText, out long requested) && requested > 0) size = requested;
        else if (sizeText is not null && BigInteger.TryParse(sizeText.Trim(), out var big) && big > 0) size = long.MaxValue;

        long count = items.Count;
        long pages = count == 0 ? 1 : (count - 1) / size + 1;
        var pageText = request.QueryValue("page") ?? "1";
        long page;
        if (pageText == "last") page = pages;
        else if (!Fields.TryPythonInt(pageText, out page) || page < 1 || page > pages) return ApiResponse.Detail(404, "Invalid page.");

        long start = (page - 1) * size;
        long end = size >= count - start ? count : start + size;
        string? next = page < pages ? Link(request, page + 1) : null;
        string? previous = page > 1 ? Link(request, page - 1) : null;

        var body = JsonOut.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", count);
            JsonOut.WriteNullableString(w, "next", next);
            JsonOut.WriteNullableString(w, "previous", previous);
            w.WriteStartArray("results");
            for (long i = start; i < end; i++) write(w, items[(int)i]);
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return new ApiResponse { Status = 200, ContentType = ApiResponse.JsonType, Body = body, Records = (int)(end - start) };
    }

    /// <summary>The absolute link to a page of the same list (filters kept, <c>page=1</c> dropped), as DRF builds next and previous.</summary>
    public static string Link(ApiRequest request, long page)
    {
        var pairs = request.Query.Where(kv => kv.Key != "page").ToList();
        if (page != 1) pairs.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var query = QueryString.EncodeSorted(pairs);
        return query.Length == 0 ? request.AbsolutePath : request.AbsolutePath + "?" + query;
    }
}
