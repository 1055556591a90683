using System.Text.Json.Nodes;

namespace Saltant.Emulator.Worker;

/// <summary>Whether a task runs a host command or a container.</summary>
public enum TaskRunKind
{
    /// <summary>An executable task type.</summary>
    Executable,
    /// <summary>A container task type.</summary>
    Container,
}

/// <summary>What the simulated worker knows about a task it is about to "run" (nothing is executed).</summary>
/// <param name="Uuid">The instance's UUID.</param>
/// <param name="Kind">Executable or container.</param>
/// <param name="CommandToRun">The task type's command.</param>
/// <param name="Arguments">The instance's arguments (with defaults filled in).</param>
/// <param name="ContainerType"><c>docker</c> or <c>singularity</c> for container tasks, else null.</param>
/// <param name="ContainerImage">The container image for container tasks, else null.</param>
public sealed record TaskRun(Guid Uuid, TaskRunKind Kind, string CommandToRun, JsonObject Arguments, string? ContainerType, string? ContainerImage);

/// <summary>How a simulated run ends and how long it takes in unscaled (task) seconds.</summary>
/// <param name="Succeeds">True ends <c>successful</c>, false ends <c>failed</c>.</param>
/// <param name="Duration">Task time; multiplied by the worker's time scale to get clock time.</param>
public sealed record TaskOutcome(bool Succeeds, TimeSpan Duration)
{
    /// <summary>An immediate success.</summary>
    public static TaskOutcome Success { get; } = new(true, TimeSpan.Zero);

    /// <summary>An immediate failure.</summary>
    public static TaskOutcome Failure { get; } = new(false, TimeSpan.Zero);
}
