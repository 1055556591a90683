using LanguageExt;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>How one resource's reads are built and decoded: the pure pieces a resource client is assembled from.</summary>
/// <typeparam name="TRecord">The record served.</typeparam>
/// <typeparam name="TKey">Its key.</typeparam>
/// <typeparam name="TFilter">The type its filters are typed on.</typeparam>
/// <param name="List">Builds a list request.</param>
/// <param name="Get">Builds a read by key.</param>
/// <param name="KeyOf">A record's key.</param>
/// <param name="ByName">Builds a lookup by exact name, for resources with unique names.</param>
/// <param name="ResourceName">The resource in words, for errors.</param>
/// <param name="Record">Decodes one record.</param>
/// <param name="Page">Decodes a page.</param>
internal sealed record ResourceRoutes<TRecord, TKey, TFilter>(
    Func<Seq<Filter<TFilter>>, Option<int>, Option<int>, Fin<ApiRequest>> List,
    Func<TKey, Fin<ApiRequest>> Get,
    Func<TRecord, TKey> KeyOf,
    Func<string, Fin<ApiRequest>> ByName,
    string ResourceName,
    Decoder<TRecord> Record,
    Decoder<Page<TRecord>> Page);
