using LanguageExt;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>The list operations every resource shares: one page, a read-ahead stream, everything collected, a lookup by name.</summary>
/// <typeparam name="TRecord">The record listed.</typeparam>
/// <typeparam name="TFilter">The record type its filters are typed on.</typeparam>
internal sealed class Lister<TRecord, TFilter>
{
    private readonly SaltantConnection connection;
    private readonly Settings settings;
    private readonly Func<Seq<Filter<TFilter>>, Option<int>, Option<int>, Fin<ApiRequest>> build;
    private readonly Decoder<Page<TRecord>> decode;

    internal Lister(
        SaltantConnection connection,
        Settings settings,
        Func<Seq<Filter<TFilter>>, Option<int>, Option<int>, Fin<ApiRequest>> build,
        Decoder<Page<TRecord>> decode)
    {
        this.connection = connection;
        this.settings = settings;
        this.build = build;
        this.decode = decode;
    }

    /// <summary>One page, with the total count.</summary>
    internal Aff<SaltantRuntime, Page<TRecord>> Page(Seq<Filter<TFilter>> filters, int page, Option<int> pageSize) =>
        Calls.Send(connection, build(filters, page, pageSize.IfNone(settings.PageSize)), decode);

    /// <summary>Every matching record, page by page with read-ahead; a failure is the last item.</summary>
    internal IAsyncEnumerable<Fin<TRecord>> Stream(Seq<Filter<TFilter>> filters, CancellationToken cancellationToken) =>
        ReadAheadStream.Records<TRecord>(
            (page, ct) => Page(filters, page, settings.PageSize).RunAsync(ct),
            settings.PageSize,
            settings.ReadAheadPages,
            cancellationToken);

    /// <summary>Every matching record, collected.</summary>
    internal Aff<SaltantRuntime, Seq<TRecord>> All(Seq<Filter<TFilter>> filters) =>
        AffMaybe<SaltantRuntime, Seq<TRecord>>(async rt =>
        {
            var all = new List<TRecord>();
            await foreach (var item in Stream(filters, rt.CancellationToken).ConfigureAwait(false))
            {
                if (item.IsFail)
                {
                    return (LanguageExt.Common.Error)item;
                }

                all.Add((TRecord)item);
            }

            return all.ToSeq();
        });

    /// <summary>The record with exactly this name, if any (names are unique).</summary>
    internal Aff<SaltantRuntime, Option<TRecord>> FindByName(Fin<ApiRequest> byName) =>
        Calls.Send(connection, byName, decode).Map(page => page.Results.HeadOrNone());
}
