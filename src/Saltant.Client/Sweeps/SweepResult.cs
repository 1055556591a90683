using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>What one argument set of a sweep came to.</summary>
/// <typeparam name="T">The instance type.</typeparam>
/// <param name="Key">The set's key.</param>
/// <param name="Outcome">The set's last instance, finished; or the error that stopped the set (its create refused, say).</param>
/// <param name="Attempts">Every instance the set has had, first to last (more than one when failed runs were re-run).</param>
public sealed record SweepResult<T>(string Key, Fin<T> Outcome, Seq<T> Attempts)
    where T : TaskInstance
{
    /// <summary>Whether the set's last instance finished successfully.</summary>
    public bool Succeeded => Outcome.Match(i => i.State is TaskState.Successful, _ => false);

    /// <summary>Whether the set has no instance because an answer was lost: it may exist, and the next run of the sweep settles it.</summary>
    public bool Unsettled => Attempts.IsEmpty && Outcome.Match(_ => false, SweepErrors.AnswerLost);
}

/// <summary>Which failures leave a sweep's set unsettled.</summary>
internal static class SweepErrors
{
    /// <summary>An answer lost on its way back (the request may have taken effect), as opposed to a refusal.</summary>
    internal static bool AnswerLost(Error e) => e is TransportFailed or TimedOut or ServerFault or ResendRefused or UndecodableBody or ResponseTooLarge;
}

/// <summary>What a sweep step did to one set.</summary>
public enum SweepStep
{
    /// <summary>The set's instance was found on the server (a sweep run again): it is not created twice.</summary>
    Found,

    /// <summary>The set's instance was created.</summary>
    Created,

    /// <summary>The set's instance failed and a copy was launched to run it again.</summary>
    Cloned,

    /// <summary>The set's instance changed state.</summary>
    StateChanged,

    /// <summary>
    /// The set could not go on in this run: its create or clone was refused, or its answer was lost
    /// and reading by name could not settle it (then the instance may exist, and the next run settles
    /// it); <see cref="SweepProgress{T}.Error"/> says which.
    /// </summary>
    Failed,

    /// <summary>Every set has finished: <see cref="SweepProgress{T}.Results"/> holds them, in input order. The last item.</summary>
    Completed,
}

/// <summary>One change in a sweep, for progress displays.</summary>
/// <typeparam name="T">The instance type.</typeparam>
/// <param name="Key">The set's key (empty for <see cref="SweepStep.Completed"/>).</param>
/// <param name="Step">What happened.</param>
/// <param name="Instance">The set's instance as just read, when there is one.</param>
/// <param name="Error">The error, for <see cref="SweepStep.Failed"/>.</param>
/// <param name="Results">Every set's result, for <see cref="SweepStep.Completed"/>.</param>
public sealed record SweepProgress<T>(string Key, SweepStep Step, Option<T> Instance, Option<Error> Error, Seq<SweepResult<T>> Results)
    where T : TaskInstance
{
    /// <summary>For <see cref="SweepStep.Failed"/>: whether the set's answer was lost (it may exist; the next run settles it) rather than refused.</summary>
    public bool Unsettled => Error.Map(SweepErrors.AnswerLost).IfNone(false);
}
