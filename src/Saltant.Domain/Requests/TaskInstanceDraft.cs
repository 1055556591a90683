using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// A new task instance: which task type to run on which queue, with what arguments. The same
/// for both kinds; the kind is chosen when the request is built.
/// </summary>
/// <param name="TaskType">The task type (of the kind the request targets).</param>
/// <param name="TaskQueue">The queue to run it on.</param>
public sealed record TaskInstanceDraft(TaskTypeId TaskType, TaskQueueId TaskQueue)
{
    /// <summary>The arguments; the server fills in the type's defaults. Empty by default.</summary>
    public Json.JObject Arguments { get; init; } = Json.EmptyObject;

    /// <summary>A name for the instance; when absent the field is not sent and the server stores an empty name.</summary>
    public Option<string> Name { get; init; }

    /// <summary>The JSON body.</summary>
    public Json.JObject ToJson() => BodyFields.Present(
        BodyFields.When("name", Name, s => Json.Of(s ?? "")),
        Option<(string, Json)>.Some(("task_type", Json.Of((long)TaskType.Value))),
        Option<(string, Json)>.Some(("task_queue", Json.Of((long)TaskQueue.Value))),
        Option<(string, Json)>.Some(("arguments", Arguments ?? Json.EmptyObject)));
}
