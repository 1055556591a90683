namespace Saltant.Domain;

/// <summary>
/// The state of a task instance: one of the six states saltant knows, or <see cref="Unknown"/>
/// holding any other string, because <c>updatetaskinstancestatus/</c> stores whatever it is given
/// and decoding must never fail on it.
/// </summary>
public abstract record TaskState
{
    private TaskState(string wireName) => WireName = wireName;

    /// <summary>The string the server sends and accepts for this state.</summary>
    public string WireName { get; }

    /// <summary>Whether the instance has stopped for good (successful, failed or terminated).</summary>
    public bool IsFinished => this is Successful or Failed or Terminated;

    /// <inheritdoc />
    public sealed override string ToString() => WireName;

    /// <summary>The instance exists; the API reports this on create.</summary>
    public sealed record Created() : TaskState("created");

    /// <summary>The instance was sent to its queue.</summary>
    public sealed record Published() : TaskState("published");

    /// <summary>A worker is running the instance.</summary>
    public sealed record Running() : TaskState("running");

    /// <summary>The command finished with exit status zero.</summary>
    public sealed record Successful() : TaskState("successful");

    /// <summary>The command failed, or the worker could not run it.</summary>
    public sealed record Failed() : TaskState("failed");

    /// <summary>The instance was terminated through the API.</summary>
    public sealed record Terminated() : TaskState("terminated");

    /// <summary>Any other state string the server holds.</summary>
    /// <param name="Value">The string as the server sent it.</param>
    public sealed record Unknown(string Value) : TaskState(Value);

    /// <summary>The <c>created</c> state.</summary>
    public static readonly TaskState CreatedState = new Created();

    /// <summary>The <c>published</c> state.</summary>
    public static readonly TaskState PublishedState = new Published();

    /// <summary>The <c>running</c> state.</summary>
    public static readonly TaskState RunningState = new Running();

    /// <summary>The <c>successful</c> state.</summary>
    public static readonly TaskState SuccessfulState = new Successful();

    /// <summary>The <c>failed</c> state.</summary>
    public static readonly TaskState FailedState = new Failed();

    /// <summary>The <c>terminated</c> state.</summary>
    public static readonly TaskState TerminatedState = new Terminated();

    /// <summary>The six states saltant defines, in lifecycle order.</summary>
    public static readonly LanguageExt.Seq<TaskState> Known = LanguageExt.Prelude.Seq(
        CreatedState, PublishedState, RunningState, SuccessfulState, FailedState, TerminatedState);

    /// <summary>Maps a wire string to its state; strings outside the six become <see cref="Unknown"/>. Never fails.</summary>
    /// <param name="wireName">The state string.</param>
    public static TaskState Parse(string wireName) => wireName switch
    {
        "created" => CreatedState,
        "published" => PublishedState,
        "running" => RunningState,
        "successful" => SuccessfulState,
        "failed" => FailedState,
        "terminated" => TerminatedState,
        _ => new Unknown(wireName),
    };
}
