namespace Saltant.Domain;

/// <summary>A boolean field of <typeparamref name="T"/>; the server allows only the <c>exact</c> lookup.</summary>
/// <typeparam name="T">The resource listed.</typeparam>
/// <param name="Name">The field's query name, e.g. <c>private</c>.</param>
public sealed record BooleanField<T>(string Name)
{
    /// <summary><c>name=true</c> or <c>name=false</c>.</summary>
    /// <param name="value">The value the field must have.</param>
    public Filter<T> Is(bool value) => Filter<T>.Valid(Name, FilterValues.Boolean(value));
}
