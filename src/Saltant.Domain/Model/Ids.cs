namespace Saltant.Domain;

/// <summary>The integer id of a task queue (<c>taskqueues/{id}/</c>).</summary>
/// <param name="Value">The server's primary key.</param>
public readonly record struct TaskQueueId(int Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The integer id of a task whitelist (<c>taskwhitelists/{id}/</c>).</summary>
/// <param name="Value">The server's primary key.</param>
public readonly record struct TaskWhitelistId(int Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The integer id of a task type of one kind. Container and executable task types are numbered
/// separately by the server, so the kind is part of the id's type: a
/// <c>TaskTypeId&lt;Container&gt;</c> cannot be passed where an executable type's id is wanted.
/// </summary>
/// <typeparam name="TKind"><see cref="Container"/> or <see cref="Executable"/>.</typeparam>
/// <param name="Value">The server's primary key.</param>
public readonly record struct TaskTypeId<TKind>(int Value)
    where TKind : ITaskKind
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The UUID that identifies a task instance of either kind.</summary>
/// <param name="Value">The instance's UUID.</param>
public readonly record struct InstanceUuid(Guid Value)
{
    /// <summary>The lower-case hyphenated form the server prints and routes on.</summary>
    public override string ToString() => Value.ToString("D");

    /// <summary>Parses the hyphenated (or any <see cref="Guid"/>) form; <c>None</c> when it is not a UUID.</summary>
    /// <param name="text">The text to parse.</param>
    public static LanguageExt.Option<InstanceUuid> Parse(string? text) =>
        Guid.TryParse(text, out var g) ? new InstanceUuid(g) : LanguageExt.Option<InstanceUuid>.None;
}

/// <summary>A saltant user's username, the key of <c>users/{username}/</c> and the owner of every record.</summary>
/// <param name="Value">The username as the server stores it.</param>
public readonly record struct Username(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
