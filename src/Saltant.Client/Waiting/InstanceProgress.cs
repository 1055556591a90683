using Saltant.Domain;

namespace Saltant.Client;

/// <summary>A change seen while waiting: an instance as just read, and the state it had before (None the first time).</summary>
/// <typeparam name="T">The instance type.</typeparam>
/// <param name="Instance">The instance as just read.</param>
/// <param name="Previous">Its state at the previous poll, if it was polled before.</param>
public sealed record InstanceProgress<T>(T Instance, LanguageExt.Option<TaskState> Previous)
    where T : TaskInstance
{
    /// <summary>Whether this instance has now finished.</summary>
    public bool Finished => Instance.State.IsFinished;
}
