using LanguageExt;
using LanguageExt.Common;
using Saltant.Client;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Commands;

/// <summary>Lifts the tool's results into the client's effect type, so a command is one <c>from … select</c>.</summary>
internal static class Steps
{
    /// <summary>A result as an effect.</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="result">The result.</param>
    public static Aff<SaltantRuntime, T> Lift<T>(this Fin<T> result) =>
        result.Match(Succ: SuccessAff<SaltantRuntime, T>, Fail: FailAff<SaltantRuntime, T>);

    /// <summary>An asynchronous step that may fail, given the runtime's cancellation token.</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="step">The step.</param>
    public static Aff<SaltantRuntime, T> Async<T>(Func<CancellationToken, Task<Fin<T>>> step) =>
        AffMaybe<SaltantRuntime, T>(async runtime => await step(runtime.CancellationToken).ConfigureAwait(false));

    /// <summary>A synchronous step that may fail.</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="step">The step.</param>
    public static Aff<SaltantRuntime, T> Sync<T>(Func<Fin<T>> step) =>
        AffMaybe<SaltantRuntime, T>(_ => ValueTask.FromResult(step()));

    /// <summary>A usage error.</summary>
    /// <typeparam name="T">The value it stands in for.</typeparam>
    /// <param name="sentence">What is wrong.</param>
    public static Fin<T> Usage<T>(string sentence) => FinFail<T>(new UsageError(sentence));

    /// <summary>A configuration error.</summary>
    /// <typeparam name="T">The value it stands in for.</typeparam>
    /// <param name="sentence">What is wrong.</param>
    public static Fin<T> Setup<T>(string sentence) => FinFail<T>(new SetupError(sentence));

    /// <summary>Every value, or the first failure.</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="results">The results, in order.</param>
    public static Fin<Seq<T>> All<T>(this IEnumerable<Fin<T>> results) =>
        results.Aggregate(FinSucc(Seq<T>()), (all, result) => all.Bind(values => result.Map(values.Add)));

    /// <summary>Every item of a stream, or its first failure (the rest of the stream is not read).</summary>
    /// <typeparam name="T">The item.</typeparam>
    /// <param name="stream">The stream.</param>
    public static async Task<Fin<Seq<T>>> CollectAsync<T>(IAsyncEnumerable<Fin<T>> stream)
    {
        var items = Seq<T>();
        await foreach (var item in stream.ConfigureAwait(false))
        {
            if (item.Case is Error error)
            {
                return error;
            }

            items = item.Map(items.Add).IfFail(items);
        }

        return items;
    }
}
