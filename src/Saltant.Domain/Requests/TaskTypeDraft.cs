namespace Saltant.Domain;

/// <summary>
/// Every writable field of a task type of one kind (<see cref="ContainerTaskTypeDraft"/> or
/// <see cref="ExecutableTaskTypeDraft"/>): what a create or a PUT sends, so one builder serves both
/// kinds and a draft can only go to its own kind's route.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
public interface ITaskTypeDraft<TKind>
    where TKind : ITaskKind
{
    /// <summary>The JSON body: every field.</summary>
    Json.JObject ToJson();
}
