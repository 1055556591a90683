using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>
/// The one way from an effect to a task, for callers who do not compose <c>Aff</c>: every
/// <c>…Async</c> method is its effect run here with <see cref="SaltantRuntime"/>.
/// </summary>
public static class AffRunning
{
    /// <summary>
    /// Runs the effect and returns its result. Never throws: failures, and cancellation through
    /// <paramref name="cancellationToken"/>, come back as <c>Fin.Fail</c>.
    /// </summary>
    /// <typeparam name="T">The effect's value.</typeparam>
    /// <param name="effect">The effect.</param>
    /// <param name="cancellationToken">Cancels every await inside the effect.</param>
    public static async Task<Fin<T>> RunAsync<T>(this Aff<SaltantRuntime, T> effect, CancellationToken cancellationToken = default)
    {
        var runtime = SaltantRuntime.New(cancellationToken);
        try
        {
            var result = await effect.Run(runtime).ConfigureAwait(false);

            // Aff turns a cancellation it did not expect into an exceptional error; name it properly.
            return result.IsFail && cancellationToken.IsCancellationRequested && result.Match(_ => false, e => e is not SaltantError)
                ? Fin<T>.Fail(new Cancelled("The operation"))
                : result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a caller-supplied delegate composed into the effect can throw out of it.
            return cancellationToken.IsCancellationRequested ? new Cancelled("The operation") : Error.New(e);
        }
        finally
        {
            runtime.CancellationTokenSource.Dispose();
        }
    }
}
