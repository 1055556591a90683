using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>Sends built requests through the connection and decodes their answers.</summary>
internal static class Calls
{
    /// <summary>Sends a request that may have failed to build (a bad filter, page or name).</summary>
    internal static Aff<SaltantRuntime, T> Send<T>(SaltantConnection connection, Fin<ApiRequest> request, Decoder<T> decode) =>
        request.Match(
            Succ: r => Send(connection, r, decode),
            Fail: e => FailAff<SaltantRuntime, T>(e));

    /// <summary>Sends a request and decodes the answer.</summary>
    internal static Aff<SaltantRuntime, T> Send<T>(SaltantConnection connection, ApiRequest request, Decoder<T> decode) =>
        connection.Send<SaltantRuntime, T>(request, decode);

    /// <summary>
    /// Runs <paramref name="then"/> with a caller's argument, or fails with <see cref="InvalidRequestInput"/>
    /// when it is null (callers without nullable checks can pass one): never a thrown exception.
    /// </summary>
    internal static Aff<SaltantRuntime, T> Given<TArg, T>(TArg? argument, string name, Func<TArg, Aff<SaltantRuntime, T>> then) =>
        argument is null
            ? FailAff<SaltantRuntime, T>(new InvalidRequestInput(name, "it is required but was null."))
            : then(argument);

    /// <summary>Fails a lookup by name that found nothing with <see cref="NameNotFound"/>.</summary>
    internal static Aff<SaltantRuntime, T> Require<T>(Aff<SaltantRuntime, Option<T>> lookup, string resource, string name) =>
        lookup.Bind(found => found.Match(
            Some: v => SuccessAff<SaltantRuntime, T>(v),
            None: () => FailAff<SaltantRuntime, T>(new NameNotFound(resource, name))));

    /// <summary>Runs an operation per input with bounded concurrency, one result per input in order.</summary>
    internal static Aff<SaltantRuntime, Seq<Fin<TOut>>> Batch<TIn, TOut>(
        IEnumerable<TIn> inputs, Func<TIn, Aff<SaltantRuntime, TOut>> operation, int concurrency) =>
        Aff<SaltantRuntime, Seq<Fin<TOut>>>(async rt =>
            await BoundedBatch.RunAsync(
                inputs.ToList(),
                (input, ct) => operation(input).RunAsync(ct),
                concurrency,
                rt.CancellationToken).ConfigureAwait(false));
}
