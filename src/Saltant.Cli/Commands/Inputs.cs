using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
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
    public static Fin<Seq<string>> List(string option, IEnumerable<string> values)
    {
        var items = new List<string>();
        foreach (var raw in values)
        {
            var text = raw.Trim();
            if (!text.StartsWith('['))
            {
                items.AddRange(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }

            // saltant-cli took Python literals; the common ones are JSON once single quotes are double.
            var json = Json.Parse(text).IfLeft(() => Json.Parse(text.Replace('\'', '"')).IfLeft(_ => Json.Null));
            if (json is not Json.JArray array)
            {
                return Steps.Usage<Seq<string>>($"{option} takes a list such as a,b or [\"a\", \"b\"], not {Shorten(text)}.");
            }

            foreach (var item in array.Items)
            {
                switch (item)
                {
                    case Json.JString s:
                        items.Add(s.Value);
                        break;
                    case Json.JNumber n:
                        items.Add(n.Text);
                        break;
                    default:
                        return Steps.Usage<Seq<string>>($"{option} takes a list of names or ids, not {Shorten(text)}.");
                }
            }
        }

        return items.ToSeq();
    }

    /// <summary>A list of ids, given as for <see cref="List"/>.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="values">The values given.</param>
    public static Fin<Seq<int>> Ids(string option, IEnumerable<string> values) =>
        List(option, values).Bind(texts => texts
            .Map(text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? FinSucc(id)
                : Steps.Usage<int>($"{option} takes ids (positive whole numbers), not '{Shorten(text)}'."))
            .All());

    /// <summary>A JSON object, e.g. <c>--arguments '{"a": 1}'</c>.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="text">The text given.</param>
    public static Fin<Json.JObject> Object(string option, string text) =>
        Json.Parse(text).Match(
            Right: json => json is Json.JObject o ? FinSucc(o) : Steps.Usage<Json.JObject>($"{option} takes a JSON object such as {{\"a\": 1}}, not {Shorten(text)}."),
            Left: problem => Steps.Usage<Json.JObject>($"{option} is not valid JSON: {JsonProblem(problem)}"));

    /// <summary>An instance UUID.</summary>
    /// <param name="text">The text given.</param>
    public static Fin<InstanceUuid> Uuid(string text) =>
        InstanceUuid.Parse(text.Trim()).Match(FinSucc, () => Steps.Usage<InstanceUuid>($"'{Shorten(text)}' is not a UUID."));

    /// <summary>Instance UUIDs, or a usage error for the first malformed one.</summary>
    /// <param name="texts">The texts given.</param>
    public static Fin<Seq<InstanceUuid>> Uuids(IEnumerable<string> texts) => texts.Select(Uuid).All();

    /// <summary>A record id.</summary>
    /// <param name="what">What it identifies.</param>
    /// <param name="text">The text given.</param>
    public static Fin<int> Id(string what, string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : Steps.Usage<int>($"A {what} id is a positive whole number, not '{Shorten(text)}'.");

    /// <summary>
    /// A JSON parser's complaint as the end of one sentence: System.Text.Json's position suffix
    /// (<c>LineNumber: 0 | BytePositionInLine: 1.</c>) becomes "at character N".
    /// </summary>
    /// <param name="problem">The parser's message.</param>
    public static string JsonProblem(string problem)
    {
        var match = System.Text.RegularExpressions.Regex.Match(problem, @"\s*(?:Path: \S*\s*\|\s*)?LineNumber: (\d+) \| BytePositionInLine: (\d+)\.?\s*$");
        // One sentence: the parser's "X. Expected Y" becomes "x; expected y".
        var text = string.Join("; ", (match.Success ? problem[..match.Index] : problem).Trim().TrimEnd('.')
            .Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Length > 0 ? char.ToLowerInvariant(part[0]) + part[1..] : part));
        if (!match.Success)
        {
            return text + ".";
        }

        var line = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var position = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
        return line == 0 ? $"{text}, at character {position}." : $"{text}, at line {line + 1}, character {position}.";
    }

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
    public static Fin<Seq<Filter<T>>> Filters<T>(string? filters, string? filtersFile, IEnumerable<string> where)
    {
        var fromJson =
            from given in Parsed("--filters", filters)
            from file in FileText(filtersFile).Bind(text => text.Match(t => Parsed("--filters-file", t), () => Seq<KeyValuePair<string, string>>()))
            select given + file;
        if (fromJson.Case is Error error)
        {
            return error;
        }

        var terms = fromJson.IfFail(Seq<KeyValuePair<string, string>>()).ToList();
        foreach (var term in where)
        {
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return Steps.Usage<Seq<Filter<T>>>($"--where takes field__lookup=value, not '{Shorten(term)}'.");
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

    private static Fin<Seq<KeyValuePair<string, string>>> Parsed(string option, string? text) =>
        text is null ? Seq<KeyValuePair<string, string>>() : FilterObject(option, text);

    private static Fin<Option<string>> FileText(string? path)
    {
        if (path is null)
        {
            return Option<string>.None;
        }

        try
        {
            return Some(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Steps.Usage<Option<string>>($"--filters-file {path} could not be read: {e.Message}");
        }
    }

    private static Fin<Seq<KeyValuePair<string, string>>> FilterObject(string option, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return Steps.Usage<Seq<KeyValuePair<string, string>>>($"{option} is not valid JSON: {JsonProblem(e.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Steps.Usage<Seq<KeyValuePair<string, string>>>($"{option} takes a JSON object such as {{\"name__contains\": \"x\"}}.");
            }

            return document.RootElement.EnumerateObject()
                .Select(p => FilterValue(option, p.Name, p.Value).Map(value => new KeyValuePair<string, string>(p.Name, value)))
                .All();
        }
    }

    private static Fin<string> FilterValue(string option, string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => value.EnumerateArray().Select(v => FilterValue(option, name, v)).All().Map(values => string.Join(",", values)),
        _ => Steps.Usage<string>($"{option}: the filter {name} takes a string, number, boolean or list."),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
