using LanguageExt;
using LanguageExt.Common;
using LanguageExt.Effects.Traits;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// Runs effects side by side, at most a window of them at once, starting the next as soon as any
/// one ends (a sliding window), and gives their values in input order; the first failure (in input
/// order) is the result. LanguageExt's SequenceParallel keeps a window too, but measured here it
/// left the server idle between its starts (8 list parts: 46 ms against 38 ms for a sliding window).
/// </summary>
internal static class Parallel
{
    /// <summary>The effects' values in input order, at most <paramref name="window"/> running at once.</summary>
    internal static Aff<RT, Seq<A>> Window<RT, A>(Seq<Aff<RT, A>> effects, int window)
        where RT : struct, HasCancel<RT> =>
        AffMaybe<RT, Seq<A>>(async rt =>
        {
            var results = new Fin<A>[effects.Count];
            using var gate = new SemaphoreSlim(Math.Max(1, window));
            var running = effects.ToArray().Select(async (effect, index) =>
            {
                await gate.WaitAsync(rt.CancellationToken).ConfigureAwait(false);
                try
                {
                    results[index] = await effect.Run(rt).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }).ToArray();

            try
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Waiting for a place in the window was cancelled: the caller's cancellation is the answer.
                return Fin<Seq<A>>.Fail(Errors.Cancelled);
            }

            return results.ToSeq().Sequence();
        });

    /// <summary>
    /// The same sliding window over plain tasks, for the client's own loops (lists): the values in
    /// input order, at most <paramref name="window"/> running at once, the first failure in input order.
    /// </summary>
    internal static async Task<Fin<A[]>> WindowAsync<A>(IReadOnlyList<Work<A>> work, int window, CancellationToken cancellationToken)
    {
        var results = new Fin<A>[work.Count];
        if (work.Count <= Math.Max(1, window))
        {
            // All fit in the window (a list of a few thousand, in as many parts as the read-ahead):
            // started at once and awaited in order, with no gate and no async method per part.
            var started = StartAll(work, cancellationToken);
            for (var i = 0; i < started.Length; i++)
            {
                try
                {
                    results[i] = await started[i].ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    results[i] = Error.New(e);
                }
            }

            return InOrder(results);
        }

        using var gate = new SemaphoreSlim(Math.Max(1, window));
        async Task RunOne(int index)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Guarded's catch, inline: one async method fewer for a fresh process to compile.
                results[index] = await work[index](cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                results[index] = Error.New(e);
            }
            finally
            {
                gate.Release();
            }
        }

        var running = new Task[work.Count];
        for (var i = 0; i < running.Length; i++)
        {
            running[i] = RunOne(i);
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Fin<A[]>.Fail(Errors.Cancelled);
        }

        return InOrder(results);
    }

    /// <summary>Every piece of work started at once (a throw while starting one is its failure).</summary>
    private static Task<Fin<A>>[] StartAll<A>(IReadOnlyList<Work<A>> work, CancellationToken cancellationToken)
    {
        var started = new Task<Fin<A>>[work.Count];
        for (var i = 0; i < started.Length; i++)
        {
            started[i] = Start(work[i], cancellationToken);
        }

        return started;
    }

    /// <summary>A piece of work started; a throw while starting it is its failure.</summary>
    private static Task<Fin<A>> Start<A>(Work<A> work, CancellationToken cancellationToken)
    {
        try
        {
            return work(cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromResult(Fin<A>.Fail(Error.New(e)));
        }
    }

    /// <summary>The values in order, or the first failure in input order.</summary>
    private static Fin<A[]> InOrder<A>(Fin<A>[] results)
    {
        var values = new A[results.Length];
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].IsFail)
            {
                return (Error)results[i];
            }

            values[i] = (A)results[i];
        }

        return values;
    }

    /// <summary>
    /// Runs one piece of work; a throw (a bug, a caller's delegate) becomes its failure, as an effect
    /// would make it, so the loops over plain tasks never throw where the effects did not.
    /// </summary>
    internal static async Task<Fin<A>> Guarded<A>(Work<A> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error.New(e);
        }
    }
}

/// <summary>One piece of work run by the client's own loops over plain tasks: its value, or why there is none.</summary>
/// <typeparam name="A">The value.</typeparam>
/// <param name="cancellationToken">Cancels the work.</param>
internal delegate Task<Fin<A>> Work<A>(CancellationToken cancellationToken);
