using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// A text field of <typeparamref name="T"/> the server filters with the lookups <c>exact</c>,
/// <c>contains</c>, <c>in</c>, <c>startswith</c>, <c>endswith</c> and <c>regex</c> (all case-sensitive).
/// </summary>
/// <typeparam name="T">The resource listed.</typeparam>
/// <param name="Name">The field's query name, e.g. <c>user__username</c>.</param>
public sealed record TextField<T>(string Name)
{
    /// <summary><c>name=value</c>: exactly this text.</summary>
    /// <param name="value">The text.</param>
    public Filter<T> Is(string value) => FilterValues.Text<T>(Name, value ?? "");

    /// <summary><c>name__contains=value</c>: holds this text.</summary>
    /// <param name="value">The text.</param>
    public Filter<T> Contains(string value) => FilterValues.Text<T>(Name + "__contains", value ?? "");

    /// <summary><c>name__in=a,b</c>: is one of these texts (none may hold a comma).</summary>
    /// <param name="values">The texts.</param>
    public Filter<T> In(params string[] values) => In(values.ToSeq());

    /// <summary><c>name__in=a,b</c>: is one of these texts (none may hold a comma).</summary>
    /// <param name="values">The texts.</param>
    public Filter<T> In(Seq<string> values) => FilterValues.In<T>(Name + "__in", values.Map(v => v ?? ""), checkText: true);

    /// <summary><c>name__startswith=value</c>: begins with this text.</summary>
    /// <param name="value">The text.</param>
    public Filter<T> StartsWith(string value) => FilterValues.Text<T>(Name + "__startswith", value ?? "");

    /// <summary><c>name__endswith=value</c>: ends with this text.</summary>
    /// <param name="value">The text.</param>
    public Filter<T> EndsWith(string value) => FilterValues.Text<T>(Name + "__endswith", value ?? "");

    /// <summary>
    /// <c>name__regex=pattern</c>: matches this regular expression (the database's dialect; a
    /// broken pattern makes the server answer 500).
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    public Filter<T> Regex(string pattern) => FilterValues.Text<T>(Name + "__regex", pattern ?? "");
}
