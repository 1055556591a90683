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
    public static ApiResponse Page<T>(ApiRequest request, IReadOnlyList<T> items, int defaultSize, Action<Utf8JsonWriter, T> write) =>
        Slice(request, items.Count, defaultSize, out var slice) is { } notFound
            ? notFound
            : Render(slice, i => items[(int)i], write);

    /// <summary>
    /// Which records of a list of <paramref name="count"/> the request's page holds, or the 404: the
    /// first half of <see cref="Page"/>, for a caller that renders the page outside its store lock.
    /// </summary>
    public static ApiResponse? Slice(ApiRequest request, long count, int defaultSize, out PageSlice slice)
    {
        slice = default;
        long size = defaultSize;
        var sizeText = request.QueryValue("page_size");
        if (sizeText is not null && Fields.TryPythonInt(sizeText, out long requested) && requested > 0) size = requested;
        else if (sizeText is not null && BigInteger.TryParse(sizeText.Trim(), out var big) && big > 0) size = long.MaxValue;

        long pages = count == 0 ? 1 : (count - 1) / size + 1;
        var pageText = request.QueryValue("page") ?? "1";
        long page;
        if (pageText == "last") page = pages;
        else if (!Fields.TryPythonInt(pageText, out page) || page < 1 || page > pages) return ApiResponse.Detail(404, "Invalid page.");

        long start = (page - 1) * size;
        long end = size >= count - start ? count : start + size;
        slice = new PageSlice(count, start, end, page < pages ? Link(request, page + 1) : null, page > 1 ? Link(request, page - 1) : null);
        return null;
    }

    /// <summary>The page's body, the record at each list index from <paramref name="at"/>.</summary>
    public static ApiResponse Render<T>(PageSlice slice, Func<long, T> at, Action<Utf8JsonWriter, T> write)
    {
        var body = JsonOut.WritePooled(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", slice.Count);
            JsonOut.WriteNullableString(w, "next", slice.Next);
            JsonOut.WriteNullableString(w, "previous", slice.Previous);
            w.WriteStartArray("results");
            for (long i = slice.Start; i < slice.End; i++) write(w, at(i));
            w.WriteEndArray();
            w.WriteEndObject();
        }, out var rented);
        return new ApiResponse { Status = 200, ContentType = ApiResponse.JsonType, Body = body, Rented = rented, Records = (int)(slice.End - slice.Start) };
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

/// <summary>One page of a list: the list's count, the page's index range [Start, End), and its links.</summary>
internal readonly record struct PageSlice(long Count, long Start, long End, string? Next, string? Previous);
