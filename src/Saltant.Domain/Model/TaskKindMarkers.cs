namespace Saltant.Domain;

/// <summary>
/// A kind of task as a type: <see cref="Container"/> or <see cref="Executable"/>. Container and
/// executable task types are numbered separately by the server, so container type #1 and
/// executable type #1 are different records; ids, drafts and filters carry their kind as a type
/// argument (<see cref="TaskTypeId{TKind}"/>, <see cref="TaskInstanceDraft{TKind}"/>, …) so the
/// compiler refuses to send one kind's id to the other kind's routes.
/// </summary>
/// <remarks>
/// The static member lets code written once for both kinds find its routes:
/// <c>TKind.Kind.TypesRoute()</c>. The interface itself cannot be a type argument (it has a
/// static abstract member), so there is no "either kind" id.
/// </remarks>
public interface ITaskKind
{
    /// <summary>The kind as a value, for routes and messages.</summary>
    static abstract TaskKind Kind { get; }
}

/// <summary>
/// The container kind as a type argument, e.g. <c>TaskTypeId&lt;Container&gt;</c>: an id of a
/// container task type. Never instantiated; it exists only to mark what is of this kind.
/// </summary>
public sealed class Container : ITaskKind
{
    private Container()
    {
    }

    /// <summary><see cref="TaskKind.Container"/>.</summary>
    public static TaskKind Kind => TaskKind.Container;
}

/// <summary>
/// The executable kind as a type argument, e.g. <c>TaskTypeId&lt;Executable&gt;</c>: an id of an
/// executable task type. Never instantiated; it exists only to mark what is of this kind.
/// </summary>
public sealed class Executable : ITaskKind
{
    private Executable()
    {
    }

    /// <summary><see cref="TaskKind.Executable"/>.</summary>
    public static TaskKind Kind => TaskKind.Executable;
}
