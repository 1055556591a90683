using System.Text.Json.Nodes;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Store;

/// <summary>A user account (read-only through the API).</summary>
internal sealed class UserRecord
{
    public required int Id { get; init; }
    public required string Username { get; init; }
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string Token { get; init; }
    public required bool IsSuperuser { get; init; }
}

/// <summary>The two task kinds: they share shapes but have separate tables and routes.</summary>
internal enum TaskKind { Executable, Container }

/// <summary>A task type; container fields are null for executable types and vice versa.</summary>
internal sealed class TaskTypeRecord
{
    public required int Id { get; init; }
    public required TaskKind Kind { get; init; }
    public required UserRecord User { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public required DateTimeOffset DatetimeCreated { get; init; }
    public required string CommandToRun { get; set; }
    public JsonNode EnvironmentVariables { get; set; } = new JsonArray();
    public JsonNode RequiredArguments { get; set; } = new JsonArray();
    public JsonNode RequiredArgumentsDefaultValues { get; set; } = new JsonObject();
    public string? JsonFileOption { get; set; }
    public string? LogsPath { get; set; }
    public string? ResultsPath { get; set; }
    public string ContainerImage { get; set; } = "";
    public string ContainerType { get; set; } = "";
}

/// <summary>A task whitelist.</summary>
internal sealed class WhitelistRecord
{
    public required int Id { get; init; }
    public required UserRecord User { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public SortedSet<int> ContainerTypes { get; set; } = [];
    public SortedSet<int> ExecutableTypes { get; set; } = [];
}

/// <summary>A task queue.</summary>
internal sealed class QueueRecord
{
    public required int Id { get; init; }
    public required UserRecord User { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public bool Private { get; set; }
    public bool RunsExecutableTasks { get; set; } = true;
    public bool RunsDockerContainerTasks { get; set; } = true;
    public bool RunsSingularityContainerTasks { get; set; } = true;
    public bool Active { get; set; } = true;
    public SortedSet<int> Whitelists { get; set; } = [];
}

/// <summary>A task instance; <see cref="Seq"/> breaks ties between equal creation times.</summary>
internal sealed class InstanceRecord
{
    public required Guid Uuid { get; init; }
    public required long Seq { get; init; }
    public required TaskKind Kind { get; init; }
    public required UserRecord User { get; init; }
    public string Name { get; init; } = "";
    public string State { get; set; } = "created";
    public required DateTimeOffset DatetimeCreated { get; init; }
    public DateTimeOffset? DatetimeFinished { get; set; }
    public required JsonObject Arguments { get; init; }
    public required int TaskQueueId { get; init; }
    public required int TaskTypeId { get; init; }

    private byte[]? argumentsJsonb;

    /// <summary>
    /// The arguments as the server's jsonb column returns them (keys by length, then bytes), rendered
    /// once and kept until they change (<see cref="ArgumentsChanged"/>): every list page renders them
    /// for each record. Computed and reset under the store lock only (a <see cref="Frozen"/> copy carries it computed).
    /// </summary>
    public byte[] ArgumentsJsonb => argumentsJsonb ??= JsonOut.Write(w => JsonKinds.JsonbOrder(Arguments)!.WriteTo(w));

    /// <summary>Drops the rendered arguments: a state update's save() fills in defaults the task type gained since.</summary>
    public void ArgumentsChanged() => argumentsJsonb = null;

    /// <summary>
    /// A copy with this moment's state and finish time (and the arguments rendered), taken under the
    /// store lock so that a page can be rendered outside it while a worker changes the record.
    /// </summary>
    public InstanceRecord Frozen()
    {
        _ = ArgumentsJsonb;
        return (InstanceRecord)MemberwiseClone();
    }
}
