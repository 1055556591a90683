namespace Saltant.Domain;

/// <summary>
/// The fields only container task types are filtered on; the shared ones are in
/// <see cref="TaskTypeFilters{TKind}"/> with <c>TKind</c> = <see cref="Container"/>.
/// </summary>
public static class ContainerTaskTypeFilters
{
    /// <summary><c>container_image</c>.</summary>
    public static TextField<TaskType<Container>> ContainerImage { get; } = new("container_image");

    /// <summary><c>container_type</c>: <c>docker</c> or <c>singularity</c>.</summary>
    public static ChoiceField<TaskType<Container>, ContainerType> ContainerType { get; } =
        new("container_type", TaskKindNames.WireName);
}
