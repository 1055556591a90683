using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>
/// Runs one operation per input with at most N in flight and returns one result per input, in
/// input order, failures included: a batch is never all-or-nothing.
/// </summary>
internal static class BoundedBatch
{
    /// <summary>Runs <paramref name="operation"/> for each input.</summary>
    /// <param name="inputs">The inputs, in order.</param>
    /// <param name="operation">The operation for one input.</param>
    /// <param name="concurrency">The most operations in flight at once (at least 1).</param>
    /// <param name="cancellationToken">Cancels the batch; inputs not yet started end as <see cref="Cancelled"/>.</param>
    internal static async Task<Seq<Fin<TOut>>> RunAsync<TIn, TOut>(
        IReadOnlyList<TIn> inputs,
        Func<TIn, CancellationToken, Task<Fin<TOut>>> operation,
        int concurrency,
        CancellationToken cancellationToken)
    {
        var results = new Fin<TOut>[inputs.Count];
        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        var tasks = new Task[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var index = i;
            tasks[i] = Task.Run(
                async () =>
                {
                    try
                    {
                        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        results[index] = Fin<TOut>.Fail(new Cancelled($"Batch item {index}"));
                        return;
                    }

                    try
                    {
                        results[index] = await operation(inputs[index], cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // Operations return Fin; this only guards against a caller-supplied delegate that throws.
                        results[index] = Fin<TOut>.Fail(Error.New(e));
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                CancellationToken.None);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return results.ToSeq();
    }
}
