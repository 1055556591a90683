using LanguageExt;

namespace Saltant.Client;

/// <summary>Runs effects made with <see cref="SaltantRuntime"/> as tasks, for callers who compose their own and do not run <c>Aff</c> themselves.</summary>
public static class AffRunning
{
    private static readonly Runner<SaltantRuntime> Runner = new(SaltantRuntime.New);

    /// <summary>
    /// Runs the effect and returns its result. Never throws: failures, and cancellation through
    /// <paramref name="cancellationToken"/>, come back as <c>Fin.Fail</c>.
    /// </summary>
    /// <typeparam name="T">The effect's value.</typeparam>
    /// <param name="effect">The effect.</param>
    /// <param name="cancellationToken">Cancels every await inside the effect.</param>
    public static Task<Fin<T>> RunAsync<T>(this Aff<SaltantRuntime, T> effect, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(effect, cancellationToken);
}
