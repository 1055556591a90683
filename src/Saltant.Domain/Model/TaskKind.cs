namespace Saltant.Domain;

/// <summary>The two kinds of task saltant runs; each has its own task types and instances.</summary>
public enum TaskKind
{
    /// <summary>A command run in a Docker or Singularity container.</summary>
    Container,

    /// <summary>A command run directly on the worker host.</summary>
    Executable,
}

/// <summary>The container runtime a container task type needs.</summary>
public enum ContainerType
{
    /// <summary>Docker (<c>"docker"</c> on the wire).</summary>
    Docker,

    /// <summary>Singularity (<c>"singularity"</c> on the wire).</summary>
    Singularity,
}

/// <summary>Wire names of <see cref="TaskKind"/> and <see cref="ContainerType"/>.</summary>
public static class TaskKindNames
{
    /// <summary>The wire name of a container type: <c>docker</c> or <c>singularity</c>.</summary>
    /// <param name="type">The container type.</param>
    public static string WireName(this ContainerType type) => type switch
    {
        ContainerType.Docker => "docker",
        _ => "singularity",
    };

    /// <summary>Parses a container type's wire name (exactly as the server spells it).</summary>
    /// <param name="text">The wire name.</param>
    public static LanguageExt.Option<ContainerType> ParseContainerType(string? text) => text switch
    {
        "docker" => ContainerType.Docker,
        "singularity" => ContainerType.Singularity,
        _ => LanguageExt.Option<ContainerType>.None,
    };

    /// <summary>The route segment of a kind's task types: <c>containertasktypes</c> or <c>executabletasktypes</c>.</summary>
    /// <param name="kind">The task kind.</param>
    public static string TypesRoute(this TaskKind kind) =>
        kind == TaskKind.Container ? "containertasktypes" : "executabletasktypes";

    /// <summary>The route segment of a kind's task instances: <c>containertaskinstances</c> or <c>executabletaskinstances</c>.</summary>
    /// <param name="kind">The task kind.</param>
    public static string InstancesRoute(this TaskKind kind) =>
        kind == TaskKind.Container ? "containertaskinstances" : "executabletaskinstances";
}
