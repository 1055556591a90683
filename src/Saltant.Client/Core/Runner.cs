using LanguageExt;
using LanguageExt.Common;
using LanguageExt.Effects.Traits;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>
/// Runs a client's effects as tasks, for its <c>…Async</c> methods: a fresh runtime per call from the
/// client's factory (cancelled with the caller's token, its source disposed after), and a result
/// that never throws.
/// </summary>
/// <typeparam name="RT">The runtime.</typeparam>
internal sealed class Runner<RT>(Func<CancellationToken, RT> makeRuntime)
    where RT : struct, HasCancel<RT>
{
    /// <summary>A fresh runtime cancelled with <paramref name="cancellationToken"/>, for effects the caller runs itself (streams).</summary>
    internal RT Make(CancellationToken cancellationToken) => makeRuntime(cancellationToken);

    /// <summary>Runs the effect; failures, and cancellation through <paramref name="cancellationToken"/>, come back as <c>Fin.Fail</c>.</summary>
    internal Task<Fin<T>> RunAsync<T>(Aff<RT, T> effect, CancellationToken cancellationToken) =>
        RunIn(runtime => effect.Run(runtime).AsTask(), cancellationToken);

    /// <summary>
    /// Runs work written over plain tasks (lists) as <see cref="RunAsync{T}(Aff{RT, T}, CancellationToken)"/>
    /// runs an effect: in a fresh runtime, with its cancellation. The work's contract is the effect
    /// runner's: it never throws or faults, and names its own cancellation (<see cref="Cancelled"/>).
    /// </summary>
    /// <remarks>
    /// The work's own task is the result, the runtime's source disposed when it ends: no async method
    /// here, and not the effect's machinery (generic over the runtime and the result). A list's task
    /// form comes here, the first call a fresh process makes, often: each is a dozen or a few dozen
    /// more methods to JIT-compile.
    /// </remarks>
    internal Task<Fin<T>> RunAsync<T>(Work<T> work, CancellationToken cancellationToken)
    {
        RT runtime;
        try
        {
            runtime = makeRuntime(cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromResult(Fin<T>.Fail(Error.New(e)));
        }

        Task<Fin<T>> running;
        try
        {
            running = work(runtime.CancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            runtime.CancellationTokenSource?.Dispose();
            return Task.FromResult(Fin<T>.Fail(Runner.Named(Error.New(e), cancellationToken)));
        }

        // Through the base type: Task's continuation is not generic over the result.
        ((Task)running).ContinueWith(
            static (_, source) => ((CancellationTokenSource?)source)?.Dispose(),
            runtime.CancellationTokenSource,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return running;
    }

    private async Task<Fin<T>> RunIn<T>(Func<RT, Task<Fin<T>>> run, CancellationToken cancellationToken)
    {
        RT runtime;
        try
        {
            runtime = makeRuntime(cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error.New(e);
        }

        try
        {
            var result = await run(runtime).ConfigureAwait(false);

            // Aff turns a cancellation it did not expect into an exceptional error; name it properly.
            return result.IsFail ? Runner.Named((Error)result, cancellationToken) : result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a caller-supplied delegate composed into the effect can throw out of it.
            return Runner.Named(Error.New(e), cancellationToken);
        }
        finally
        {
            runtime.CancellationTokenSource?.Dispose();
        }
    }
}

/// <summary>What every run of the client's operations shares, whatever its runtime.</summary>
internal static class Runner
{
    /// <summary>
    /// A failure as a run reports it: <see cref="Cancelled"/> when the caller cancelled and it is not
    /// one of the client's own errors already (an effect's or a task's own cancellation, a throw).
    /// </summary>
    internal static Error Named(Error error, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested && error is not SaltantError ? new Cancelled("The operation") : error;
}
