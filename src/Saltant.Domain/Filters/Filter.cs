using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// One query parameter of a list request, e.g. <c>name__contains=queue</c>, usable only on the list
/// of <typeparamref name="T"/>: a queue filter cannot be passed to the instance list. Typed filters
/// come from the field classes (<see cref="TaskQueueFilters"/>, <see cref="TaskInstanceFilters{TKind}"/>, …);
/// <see cref="Raw"/> is the escape hatch for lookups they do not cover.
/// </summary>
/// <typeparam name="T">The resource whose list this filter narrows (a phantom type: it is never stored).</typeparam>
/// <remarks>
/// A typed filter whose value the server could not receive as meant (django-filter drops empty
/// values, strips surrounding whitespace and splits <c>__in</c> on commas) is still a value, so
/// filter expressions compose without checks; it carries a <see cref="Problem"/>, and the list
/// builder that receives it answers <see cref="InvalidRequestInput"/> instead of a request.
/// </remarks>
public sealed record Filter<T>
{
    private Filter(string name, string value, Option<string> problem)
    {
        Name = name;
        Value = value;
        Problem = problem;
    }

    /// <summary>The query parameter name, e.g. <c>datetime_created__gte</c>.</summary>
    public string Name { get; }

    /// <summary>The value exactly as the server should receive it (not yet percent-encoded).</summary>
    public string Value { get; }

    /// <summary>Why the server could not receive this filter as meant, if it could not.</summary>
    public Option<string> Problem { get; }

    /// <summary>
    /// A parameter sent as given, unchecked, e.g. <c>Filter&lt;User&gt;.Raw("username__iregex", "^a")</c>
    /// (the server ignores lookups it does not allow, and unknown parameters).
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">Its value.</param>
    public static Filter<T> Raw(string name, string value) => new(name ?? "", value ?? "", Option<string>.None);

    /// <summary>A checked filter the server receives as meant.</summary>
    internal static Filter<T> Valid(string name, string value) => new(name, value, Option<string>.None);

    /// <summary>A filter that cannot be sent; the list builder reports <paramref name="problem"/>.</summary>
    internal static Filter<T> Invalid(string name, string value, string problem) => new(name, value, problem);

    /// <inheritdoc />
    public override string ToString() => $"{Name}={Value}";
}
