namespace Saltant.Domain;

/// <summary>
/// A credential (token, password, JWT) that never shows itself: <see cref="ToString"/>, record
/// printing and debugger display all print <c>***</c>. Read it only where it goes on the wire.
/// </summary>
[System.Diagnostics.DebuggerDisplay("***")]
public sealed class Secret : IEquatable<Secret>
{
    private readonly string value;

    /// <summary>Wraps a credential.</summary>
    /// <param name="value">The secret text.</param>
    public Secret(string value) => this.value = value ?? "";

    /// <summary>The secret text, for the one place that must send it.</summary>
    public string Reveal() => value;

    /// <summary>Whether the secret is empty.</summary>
    public bool IsEmpty => value.Length == 0;

    /// <summary>Always <c>***</c>.</summary>
    public override string ToString() => "***";

    /// <inheritdoc />
    public bool Equals(Secret? other) => other is not null &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(value), System.Text.Encoding.UTF8.GetBytes(other.value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <inheritdoc />
    public override int GetHashCode() => value.Length;
}
