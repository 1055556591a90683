using System.Globalization;
using System.Text.Json;
using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Commands;

/// <summary>Turns option text into domain values; bad text is a usage error naming the option.</summary>
internal static class Inputs
{
    /// <summary>
    /// A list given repeated, comma-separated, or as a JSON (or Python literal) list:
    /// <c>--x a --x b</c>, <c>--x a,b</c>, <c>--x '["a","b"]'</c>; an empty value is an empty list.
    /// </summary>
    /// <param name="option">The option's name, for messages.</param>
    /// <param name="values">The values given.</param>
    public static Seq<string> List(string option, IEnumerable<string> values)
    {
        var items = new List<string>();
        foreach (var raw in values)
        {
            var text = raw.Trim();
            if (text.StartsWith('['))
            {
                // saltant-cli took Python literals; the common ones are JSON once single quotes are double.
                var json = Json.Parse(text).IfLeft(() => Json.Parse(text.Replace('\'', '"')).IfLeft(_ => Json.Null));
                if (json is not Json.JArray array)
                {
                    throw CliFailure.Usage($"{option} takes a list such as a,b or [\"a\", \"b\"], not {text}.");
                }

                items.AddRange(array.Items.Map(item => item switch
                {
                    Json.JString s => s.Value,
                    Json.JNumber n => n.Text,
                    _ => throw CliFailure.Usage($"{option} takes a list of names or ids, not {text}."),
                }));
            }
            else
            {
                items.AddRange(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return items.ToArray().ToSeq();
    }

    /// <summary>A list of ids, given as for <see cref="List"/>.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="values">The values given.</param>
    public static Seq<int> Ids(string option, IEnumerable<string> values) =>
        List(option, values)
            .Select(text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : throw CliFailure.Usage($"{option} takes ids (positive whole numbers), not '{text}'."))
            .ToArray() // strict: a bad id is a usage error here, not later inside a request
            .ToSeq();

    /// <summary>A JSON object, e.g. <c>--arguments '{"a": 1}'</c>.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="text">The text given.</param>
    public static Json.JObject Object(string option, string text) =>
        Json.Parse(text).Match(
            Right: json => json as Json.JObject ?? throw CliFailure.Usage($"{option} takes a JSON object such as {{\"a\": 1}}, not {Shorten(text)}."),
            Left: problem => throw CliFailure.Usage($"{option} is not valid JSON: {problem}"));

    /// <summary>An instance UUID.</summary>
    /// <param name="text">The text given.</param>
    public static InstanceUuid Uuid(string text) =>
        InstanceUuid.Parse(text.Trim()).IfNone(() => throw CliFailure.Usage($"'{Shorten(text)}' is not a UUID."));

    /// <summary>A record id.</summary>
    /// <param name="what">What it identifies.</param>
    /// <param name="text">The text given.</param>
    public static int Id(string what, string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw CliFailure.Usage($"A {what} id is a positive whole number, not '{Shorten(text)}'.");

    /// <summary>An optional text where empty means none (null on the server).</summary>
    /// <param name="text">The text given, or null.</param>
    public static Option<string> Nullable(string? text) => string.IsNullOrEmpty(text) ? None : Some(text);

    /// <summary>
    /// Raw filters from <c>--filters</c> JSON, <c>--filters-file</c> and <c>--where</c>, in that
    /// order; a later filter with the same name replaces an earlier one. JSON values become query
    /// text: strings as they are, numbers and booleans as written, lists comma-joined (for <c>__in</c>).
    /// </summary>
    /// <typeparam name="T">The resource filtered.</typeparam>
    /// <param name="filters">The <c>--filters</c> JSON, or null.</param>
    /// <param name="filtersFile">The <c>--filters-file</c> path, or null.</param>
    /// <param name="where">The <c>--where field__lookup=value</c> terms.</param>
    public static Seq<Filter<T>> Filters<T>(string? filters, string? filtersFile, IEnumerable<string> where)
    {
        var terms = new List<KeyValuePair<string, string>>();
        if (filters is not null)
        {
            terms.AddRange(FilterObject("--filters", filters));
        }

        if (filtersFile is not null)
        {
            string text;
            try
            {
                text = File.ReadAllText(filtersFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliFailure.Usage($"--filters-file {filtersFile} could not be read: {e.Message}");
            }

            terms.AddRange(FilterObject("--filters-file", text));
        }

        foreach (var term in where)
        {
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw CliFailure.Usage($"--where takes field__lookup=value, not '{Shorten(term)}'.");
            }

            terms.Add(new(term[..equals].Trim(), term[(equals + 1)..]));
        }

        var merged = new List<KeyValuePair<string, string>>();
        foreach (var term in terms)
        {
            merged.RemoveAll(t => t.Key == term.Key);
            merged.Add(term);
        }

        return merged.Select(t => Filter<T>.Raw(t.Key, t.Value)).ToSeq();
    }

    private static IEnumerable<KeyValuePair<string, string>> FilterObject(string option, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw CliFailure.Usage($"{option} is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw CliFailure.Usage($"{option} takes a JSON object such as {{\"name__contains\": \"x\"}}.");
            }

            return document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, FilterValue(option, p.Name, p.Value))).ToList();
        }
    }

    private static string FilterValue(string option, string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(v => FilterValue(option, name, v))),
        _ => throw CliFailure.Usage($"{option}: the filter {name} takes a string, number, boolean or list."),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
