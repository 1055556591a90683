using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// A field of <typeparamref name="T"/> that holds one of a fixed set of wire strings (an
/// instance's <c>state</c>, a container type's <c>container_type</c>), filtered with typed values.
/// The server also takes the text lookups on these fields; send those with <see cref="Filter{T}.Raw"/>.
/// </summary>
/// <typeparam name="T">The resource listed.</typeparam>
/// <typeparam name="TChoice">The typed choice, e.g. <see cref="TaskState"/>.</typeparam>
/// <param name="Name">The field's query name.</param>
/// <param name="WireName">How a choice is written.</param>
public sealed record ChoiceField<T, TChoice>(string Name, Func<TChoice, string> WireName)
{
    /// <summary><c>name=choice</c>. The server answers 400 for a string outside its choices.</summary>
    /// <param name="choice">The choice.</param>
    public Filter<T> Is(TChoice choice) => FilterValues.Text<T>(Name, WireName(choice) ?? "");

    /// <summary><c>name__in=a,b</c>: one of these choices (at least one).</summary>
    /// <param name="choices">The choices.</param>
    public Filter<T> In(params TChoice[] choices) => In(choices.ToSeq());

    /// <summary><c>name__in=a,b</c>: one of these choices (at least one).</summary>
    /// <param name="choices">The choices.</param>
    public Filter<T> In(Seq<TChoice> choices) => FilterValues.In<T>(Name + "__in", choices.Map(c => WireName(c) ?? ""), checkText: true);
}
