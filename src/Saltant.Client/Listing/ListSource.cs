using LanguageExt;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>How one list endpoint is read: its request builder, its page decoder, each record's key, and its order.</summary>
/// <typeparam name="T">The record listed.</typeparam>
/// <typeparam name="TFilter">The type its filters are typed on.</typeparam>
/// <param name="Build">Builds one page's request from the filters, the page number and the page size.</param>
/// <param name="Decoder">Decodes a page.</param>
/// <param name="Key">A record's unique key (UUID, id or username), to never yield one twice.</param>
/// <param name="NewestFirst">For lists ordered newest first by a creation time the server filters on (instances); None for lists in id or name order.</param>
internal sealed record ListSource<T, TFilter>(
    Func<Seq<Filter<TFilter>>, Option<int>, Option<int>, Fin<ApiRequest>> Build,
    Decoder<Page<T>> Decoder,
    Func<T, object> Key,
    Option<CreationOrder<T, TFilter>> NewestFirst);

/// <summary>A list ordered newest first by a creation time that never changes and that the server filters on.</summary>
/// <typeparam name="T">The record listed.</typeparam>
/// <typeparam name="TFilter">The type its filters are typed on.</typeparam>
/// <param name="Created">A record's creation time.</param>
/// <param name="Field">The filter field of that time.</param>
/// <param name="StableFields">The fields whose values never change once a record exists (filters on them keep a record in or out for good).</param>
internal sealed record CreationOrder<T, TFilter>(Func<T, DateTimeOffset> Created, DateTimeField<TFilter> Field, Seq<string> StableFields)
{
    /// <summary>Whether every filter is on a field that never changes (a raw filter on anything else counts as changing).</summary>
    internal bool AllStable(Seq<Filter<TFilter>> filters)
    {
        // Indexed: every list of instances asks, a fresh process's first one too.
        for (var i = 0; i < filters.Count; i++)
        {
            if (!StableFields.Contains(filters[i].Name.Split("__", 2)[0]))
            {
                return false;
            }
        }

        return true;
    }
}
