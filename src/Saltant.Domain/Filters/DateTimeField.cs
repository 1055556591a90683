namespace Saltant.Domain;

/// <summary>
/// A date-time field of <typeparamref name="T"/>, filtered with <c>exact</c>, <c>year</c>,
/// <c>range</c>, <c>lt</c>, <c>lte</c>, <c>gt</c> and <c>gte</c>. Values are sent in UTC with a
/// time part and microseconds, e.g. <c>2026-11-27T15:11:35.180341Z</c>.
/// </summary>
/// <typeparam name="T">The resource listed.</typeparam>
/// <param name="Name">The field's query name, e.g. <c>datetime_created</c>.</param>
public sealed record DateTimeField<T>(string Name)
{
    /// <summary><c>name=when</c>: exactly this instant (to the microsecond).</summary>
    /// <param name="when">The instant.</param>
    public Filter<T> Is(DateTimeOffset when) => Filter<T>.Valid(Name, FilterValues.DateTime(when));

    /// <summary><c>name__year=year</c>: in this calendar year (of the server's time zone).</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    public Filter<T> InYear(int year) =>
        year is >= 1 and <= 9999
            ? Filter<T>.Valid(Name + "__year", FilterValues.Integer(year))
            : Filter<T>.Invalid(Name + "__year", FilterValues.Integer(year), $"years run from 1 to 9999, not {year}.");

    /// <summary><c>name__range=from,to</c>: between these instants, both included.</summary>
    /// <param name="from">The earliest instant.</param>
    /// <param name="to">The latest instant.</param>
    public Filter<T> Between(DateTimeOffset from, DateTimeOffset to) =>
        Filter<T>.Valid(Name + "__range", FilterValues.DateTime(from) + "," + FilterValues.DateTime(to));

    /// <summary><c>name__lt=when</c>: strictly before this instant.</summary>
    /// <param name="when">The instant.</param>
    public Filter<T> Before(DateTimeOffset when) => Filter<T>.Valid(Name + "__lt", FilterValues.DateTime(when));

    /// <summary><c>name__lte=when</c>: at or before this instant.</summary>
    /// <param name="when">The instant.</param>
    public Filter<T> AtOrBefore(DateTimeOffset when) => Filter<T>.Valid(Name + "__lte", FilterValues.DateTime(when));

    /// <summary><c>name__gt=when</c>: strictly after this instant.</summary>
    /// <param name="when">The instant.</param>
    public Filter<T> After(DateTimeOffset when) => Filter<T>.Valid(Name + "__gt", FilterValues.DateTime(when));

    /// <summary><c>name__gte=when</c>: at or after this instant.</summary>
    /// <param name="when">The instant.</param>
    public Filter<T> AtOrAfter(DateTimeOffset when) => Filter<T>.Valid(Name + "__gte", FilterValues.DateTime(when));
}
