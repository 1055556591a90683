using LanguageExt;
using LanguageExt.Common;
using LanguageExt.Effects.Traits;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// What every resource client composes: sending a built request and decoding its answer, refusing
/// null arguments as errors, lookups that must find something, and batches. Resource clients are
/// flat files of one-line operations over these, each reading like the API: route, body, decoder.
/// </summary>
internal sealed class Api
{
    private readonly SaltantConnection connection;

    internal Api(SaltantConnection connection, Settings settings, TimeProvider clock)
    {
        this.connection = connection;
        Settings = settings;
        Clock = clock;
    }

    /// <summary>The client's settings.</summary>
    internal Settings Settings { get; }

    /// <summary>The clock waits and polls run on.</summary>
    internal TimeProvider Clock { get; }

    /// <summary>Sends a request and decodes the answer.</summary>
    internal Aff<RT, T> Send<RT, T>(ApiRequest request, Decoder<T> decoder)
        where RT : struct, HasCancel<RT> =>
        connection.Send<RT, T>(request, decoder);

    /// <summary>Sends a request, decodes and checks the answer, and reads a failure as an answer where <paramref name="recover"/> says it is one (see <see cref="SaltantConnection"/>).</summary>
    internal Task<Fin<T>> SendAsync<T>(ApiRequest request, Decoder<T> decoder, Func<T, RequestInfo, Fin<T>>? check, Func<Error, Fin<T>>? recover, CancellationToken cancellationToken) =>
        connection.SendAsync(request, decoder, check, recover, cancellationToken);

    /// <summary>Sends a request that may have failed to build (a bad filter, page or key): that failure is the answer.</summary>
    internal Aff<RT, T> Send<RT, T>(Fin<ApiRequest> request, Decoder<T> decoder)
        where RT : struct, HasCancel<RT> =>
        request.Match(Succ: r => Send<RT, T>(r, decoder), Fail: FailAff<RT, T>);

    /// <summary>
    /// Runs <paramref name="then"/> with a caller's argument, or fails with <see cref="InvalidRequestInput"/>
    /// when it is null (callers without nullable checks can pass one): never a thrown exception.
    /// </summary>
    internal static Aff<RT, T> Given<RT, TArg, T>(TArg? argument, string name, Func<TArg, Aff<RT, T>> then)
        where RT : struct, HasCancel<RT> =>
        argument is null
            ? FailAff<RT, T>(new InvalidRequestInput(name, "it is required but was null."))
            : then(argument);

    /// <summary>A lookup that found nothing fails with <see cref="NameNotFound"/>.</summary>
    internal static Aff<RT, T> Require<RT, T>(Aff<RT, Option<T>> lookup, string resource, string name)
        where RT : struct, HasCancel<RT> =>
        lookup.Bind(found => found.Match(Some: SuccessAff<RT, T>, None: () => FailAff<RT, T>(new NameNotFound(resource, name))));

    /// <summary>The first record of a list request (a lookup by a unique name), if any.</summary>
    internal Aff<RT, Option<T>> First<RT, T>(Fin<ApiRequest> request, Decoder<Page<T>> decoder)
        where RT : struct, HasCancel<RT> =>
        Send<RT, Page<T>>(request, decoder).Map(page => page.Results.HeadOrNone());

    /// <summary>
    /// One operation per input, at most the settings' batch concurrency in flight, one result per
    /// input in input order, failures included: a batch is never all-or-nothing.
    /// </summary>
    internal Aff<RT, Seq<Fin<TOut>>> Batch<RT, TIn, TOut>(IEnumerable<TIn>? inputs, string name, Func<TIn, Aff<RT, TOut>> operation)
        where RT : struct, HasCancel<RT> =>
        Given<RT, IEnumerable<TIn>, Seq<Fin<TOut>>>(inputs, name, items =>
            Parallel.Window(items.ToSeq().Strict().Map(input => Attempt(input, operation)).Strict(), Settings.BatchConcurrency));

    // Each input's own outcome, so one failure does not end the batch. A null input (possible from
    // callers without nullable checks) is that input's InvalidRequestInput.
    private static Aff<RT, Fin<TOut>> Attempt<RT, TIn, TOut>(TIn input, Func<TIn, Aff<RT, TOut>> operation)
        where RT : struct, HasCancel<RT> =>
        (input is null ? FailAff<RT, TOut>(new InvalidRequestInput("batch item", "it is required but was null.")) : operation(input))
            .Match(Succ: Fin<TOut>.Succ, Fail: Fin<TOut>.Fail);
}
