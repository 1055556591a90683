using System.Globalization;
using System.Text.RegularExpressions;
using Saltant.Emulator.Http;
using Saltant.Emulator.Validation;

namespace Saltant.Emulator.Query;

/// <summary>How a filterable field is compared.</summary>
internal enum FilterType { Char, Choice, Bool, ForeignKey, DateTime }

/// <summary>A filterable field with its allowed lookups (django-filter's Meta.fields entry).</summary>
/// <remarks><paramref name="Date"/> reads a date field without boxing it: instance lists filter on creation time on every snapshot read.</remarks>
internal sealed record FilterField<T>(string Name, FilterType Type, string[] Lookups, Func<T, object?> Get, string[]? Choices = null, Func<long, bool>? Exists = null, Func<T, DateTimeOffset?>? Date = null)
{
    /// <summary>A date field with django-filter's date lookups, read without boxing.</summary>
    public static FilterField<T> DateTime(string name, Func<T, DateTimeOffset?> get) =>
        new(name, FilterType.DateTime, Query.Lookups.Date, x => get(x), Date: get);
}

/// <summary>Lookups per field kind, as saltant's filters.py declares them.</summary>
internal static class Lookups
{
    public static readonly string[] Char = ["exact", "contains", "in", "startswith", "endswith", "regex"];
    public static readonly string[] Bool = ["exact"];
    public static readonly string[] ForeignKey = ["exact", "in"];
    public static readonly string[] Date = ["exact", "year", "range", "lt", "lte", "gt", "gte"];
}

/// <summary>
/// django-filter's FilterSet: each declared filter reads its parameter (last value), empty values are
/// skipped, invalid ones make a 400 keyed by the parameter, unknown parameters are ignored.
/// </summary>
internal static class FilterSet
{
    /// <summary>Builds the predicates, or an error response (400 for bad values, 500 page for a broken regex).</summary>
    public static List<Func<T, bool>>? Build<T>(ApiRequest request, IReadOnlyList<FilterField<T>> fields, out ApiResponse? error)
    {
        error = null;
        var predicates = new List<Func<T, bool>>();
        var errors = new FieldErrors();
        bool brokenRegex = false;
        foreach (var field in fields)
        {
            foreach (var lookup in field.Lookups)
            {
                var param = lookup == "exact" ? field.Name : field.Name + "__" + lookup;
                var value = request.QueryValue(param);
                if (value is null) continue;
                var p = Make(field, lookup, value, param, errors, ref brokenRegex);
                if (p is not null) predicates.Add(p);
            }
        }
        if (errors.Any) { error = errors.ToResponse(); return null; }
        if (brokenRegex) { error = ApiResponse.ServerErrorPage(); return null; }
        return predicates;
    }

    private static Func<T, bool>? Make<T>(FilterField<T> f, string lookup, string value, string param, FieldErrors errors, ref bool brokenRegex)
    {
        switch (f.Type)
        {
            case FilterType.Bool:
                bool? b = value.ToLowerInvariant() switch { "true" or "1" => true, "false" or "0" => false, _ => null };
                if (b is null) return null;
                return x => f.Get(x) is bool v && v == b.Value;

            case FilterType.ForeignKey:
                if (lookup == "in")
                {
                    if (value.Length == 0) return null;
                    var ids = new HashSet<long>();
                    foreach (var part in value.Split(','))
                    {
                        if (part.Trim().Length == 0) continue;
                        if (!Fields.TryPythonInt(part, out long id) || !f.Exists!(id)) { errors.Add(param, "Select a valid choice. That choice is not one of the available choices."); return null; }
                        ids.Add(id);
                    }
                    return x => f.Get(x) is int v && ids.Contains(v);
                }
                if (value.Trim().Length == 0) return null;
                if (!Fields.TryPythonInt(value, out long one) || !f.Exists!(one)) { errors.Add(param, "Select a valid choice. That choice is not one of the available choices."); return null; }
                return x => f.Get(x) is int v && v == one;

            case FilterType.DateTime:
                return MakeDate(f, lookup, value, param, errors);

            default:
                return MakeText(f, lookup, value, param, errors, ref brokenRegex);
        }
    }

    private static Func<T, bool>? MakeText<T>(FilterField<T> f, string lookup, string value, string param, FieldErrors errors, ref bool brokenRegex)
    {
        string? S(T x) => f.Get(x) as string;
        if (lookup == "in")
        {
            if (value.Length == 0) return null;
            var set = value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            return x => S(x) is { } s && set.Contains(s);
        }
        if (f.Type == FilterType.Choice && lookup == "exact")
        {
            if (value.Length == 0) return null;
            if (!f.Choices!.Contains(value)) { errors.Add(param, $"Select a valid choice. {value} is not one of the available choices."); return null; }
            return x => S(x) == value;
        }
        var v = value.Trim();
        if (v.Length == 0) return null;
        switch (lookup)
        {
            case "exact": return x => S(x) == v;
            case "contains": return x => S(x) is { } s && s.Contains(v, StringComparison.Ordinal);
            case "startswith": return x => S(x) is { } s && s.StartsWith(v, StringComparison.Ordinal);
            case "endswith": return x => S(x) is { } s && s.EndsWith(v, StringComparison.Ordinal);
            case "regex":
                var re = PostgresRegex.TryCreate(v);
                if (re is null) { brokenRegex = true; return null; }
                return x => S(x) is { } s && re.IsMatch(s);
        }
        return null;
    }

    private static Func<T, bool>? MakeDate<T>(FilterField<T> f, string lookup, string value, string param, FieldErrors errors)
    {
        var D = f.Date ?? (x => f.Get(x) as DateTimeOffset?);
        if (lookup == "year")
        {
            if (value.Trim().Length == 0) return null;
            if (!decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var given)) { errors.Add(param, "Enter a number."); return null; }
            // The year lookup's IntegerField prepares the Decimal with int(): 2026.5 means 2026.
            var year = decimal.Truncate(given);
            return x => D(x) is { } d && d.UtcDateTime.Year == year;
        }
        if (lookup == "range")
        {
            if (value.Length == 0) return null;
            var parts = value.Split(',');
            if (parts.Length != 2) { errors.Add(param, "Range query expects two values."); return null; }
            if (!DjangoDateTime.TryParse(parts[0], out var lo) || !DjangoDateTime.TryParse(parts[1], out var hi)) { errors.Add(param, "Enter a valid date/time."); return null; }
            return x => D(x) is { } d && d >= lo && d <= hi;
        }
        if (value.Trim().Length == 0) return null;
        if (!DjangoDateTime.TryParse(value, out var t)) { errors.Add(param, "Enter a valid date/time."); return null; }
        return lookup switch
        {
            "exact" => x => D(x) is { } d && d == t,
            "lt" => x => D(x) is { } d && d < t,
            "lte" => x => D(x) is { } d && d <= t,
            "gt" => x => D(x) is { } d && d > t,
            "gte" => x => D(x) is { } d && d >= t,
            _ => null,
        };
    }
}
