using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using Saltant.Http;

namespace Saltant.Client;

/// <summary>Runs saltant effects as tasks for callers who do not compose <c>Aff</c>.</summary>
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
            return result.IsFail && cancellationToken.IsCancellationRequested && (Error)result is not SaltantError
                ? Fin<T>.Fail(new Cancelled("The operation"))
                : result;
        }
        finally
        {
            runtime.CancellationTokenSource.Dispose();
        }
    }
}
