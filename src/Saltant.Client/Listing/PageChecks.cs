using LanguageExt;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>
/// The promises a page makes that reading relies on, checked so that a server breaking them ends
/// the read with <see cref="BrokenPagination"/> instead of looping: a page that says there is more
/// holds records and points at the next page, and its count covers what it holds.
/// </summary>
internal static class PageChecks
{
    /// <summary>The page, or why it cannot be read on from.</summary>
    internal static Fin<Page<T>> Check<T>(Page<T> page, int number, RequestInfo request)
    {
        if (page.Count < page.Results.Count)
        {
            return new BrokenPagination(request, $"the page holds {page.Results.Count} records but says there are {page.Count} in all");
        }

        if (page.Next.Case is not Uri next)
        {
            return page;
        }

        if (page.Results.IsEmpty)
        {
            return new BrokenPagination(request, "an empty page says there is another");
        }

        return NextPage(next) == number + 1
            ? page
            : new BrokenPagination(request, $"page {number}'s next link, {next}, does not point at page {number + 1}");
    }

    /// <summary>The page number a next link points at, if it names one (its first <c>page</c> parameter).</summary>
    /// <remarks>Plain string code: every page of every list is checked here, first in a fresh process too.</remarks>
    internal static int? NextPage(Uri next)
    {
        foreach (var part in next.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0] == "page")
            {
                return int.TryParse(pair[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            }
        }

        return null;
    }
}
