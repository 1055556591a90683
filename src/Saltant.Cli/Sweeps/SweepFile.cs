using System.Globalization;
using Sylvan.Data.Csv;
using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Sweeps;

/// <summary>A problem in a sweep file, at a line (from 1) and, where it is about one, a field.</summary>
/// <param name="Line">The line, from 1.</param>
/// <param name="Field">The field (column or member), if the problem is about one.</param>
/// <param name="Problem">What is wrong, in a sentence without a full stop.</param>
internal sealed record SweepFileProblem(int Line, Option<string> Field, string Problem)
{
    /// <summary>The problem as it is printed: <c>line 4, field "n": …</c>.</summary>
    public override string ToString() => Field.Match(f => $"line {Line}, field \"{f}\": {Problem}", () => $"line {Line}: {Problem}");
}

/// <summary>
/// Reads a sweep's argument sets from JSON Lines or CSV text, every problem at once with its line.
/// JSON Lines: one object per line, either <c>{"key": …, "arguments": {…}}</c> or flat (the key
/// field, and every other member an argument). CSV: a header row; the key column, and every other
/// column an argument, whose cell is a JSON value when it is one (<c>3</c>, <c>true</c>,
/// <c>[1,2]</c>) and text otherwise; an empty cell leaves the argument out (the type's default
/// fills it in). Blank lines are skipped. Keys are text or whole numbers.
/// </summary>
internal static class SweepFile
{
    /// <summary>The formats, by name.</summary>
    public static readonly string[] Formats = ["jsonl", "csv"];

    /// <summary>The format a file name implies: <c>.csv</c> is CSV, anything else JSON Lines.</summary>
    /// <param name="path">The file's path.</param>
    public static string FormatOf(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "jsonl";

    /// <summary>The argument sets in the text, or every problem found in it.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="format"><c>jsonl</c> or <c>csv</c>.</param>
    /// <param name="keyField">The field that holds each set's key.</param>
    public static Either<Seq<SweepFileProblem>, Seq<SweepItem>> Parse(string text, string format, string keyField)
    {
        // A byte order mark, however the text was read, is not part of the first line.
        text = text.TrimStart('\uFEFF');
        var read = text.Trim().Length == 0 ? Seq<Either<SweepFileProblem, SweepItem>>()
            : format == "csv" ? Csv(text, keyField) : JsonLines(text, keyField);
        var problems = read.Lefts().ToSeq().Strict();
        var items = read.Rights().ToSeq().Strict();
        return problems.IsEmpty && items.IsEmpty
            ? Seq1(new SweepFileProblem(1, None, "the file holds no argument sets"))
            : problems.IsEmpty ? items : problems;
    }

    private static Seq<Either<SweepFileProblem, SweepItem>> JsonLines(string text, string keyField) =>
        text.Split('\n').Select((line, at) => (Text: line.TrimEnd('\r'), Line: at + 1))
            .Where(l => l.Text.Trim().Length > 0)
            .Select(l => Json.Parse(l.Text).Match(
                Left: reason => Left<SweepFileProblem, SweepItem>(new SweepFileProblem(l.Line, None, $"not JSON ({Reason(reason)})")),
                Right: json => json is Json.JObject o
                    ? FromObject(o, l.Line, keyField)
                    : Left<SweepFileProblem, SweepItem>(new SweepFileProblem(l.Line, None, "a line must be a JSON object"))))
            .ToSeq().Strict();

    private static Either<SweepFileProblem, SweepItem> FromObject(Json.JObject line, int number, string keyField)
    {
        var explicitForm = line.Find("arguments").Case is Json.JObject && line.Members.ForAll(m => m.Key == "arguments" || m.Key == keyField);
        var arguments = explicitForm
            ? (Json.JObject)line.Find("arguments").Case!
            : new Json.JObject(line.Members.Filter(m => m.Key != keyField));
        return line.Find(keyField).Case switch
        {
            null => new SweepFileProblem(number, keyField, "the key is missing"),
            Json.JString { Value: { } key } => new SweepItem(key, arguments),
            Json.JNumber n when n.AsDecimal.Case is decimal d && d == decimal.Truncate(d) => new SweepItem(n.Text, arguments),
            _ => new SweepFileProblem(number, keyField, "the key must be text or a whole number"),
        };
    }

    private static Seq<Either<SweepFileProblem, SweepItem>> Csv(string text, string keyField)
    {
        var rows = new List<Either<SweepFileProblem, SweepItem>>();
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true });
            var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
            if (header.Length == 0)
            {
                return Seq1(Left<SweepFileProblem, SweepItem>(new SweepFileProblem(1, None, "a CSV sweep file starts with a header row")));
            }

            if (header.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                return Seq1(Left<SweepFileProblem, SweepItem>(new SweepFileProblem(1, repeated.Key, "the column appears more than once in the header")));
            }

            if (!header.Contains(keyField, StringComparer.Ordinal))
            {
                return Seq1(Left<SweepFileProblem, SweepItem>(new SweepFileProblem(1, keyField, $"the header has no key column (columns: {string.Join(", ", header)})")));
            }

            while (csv.Read())
            {
                // RowNumber counts data rows from 1; after the header row, that is the line for one-line rows.
                var line = csv.RowNumber + 1;
                if (csv.RowFieldCount == 1 && csv.GetString(0).Trim().Length == 0)
                {
                    continue;
                }

                if (csv.RowFieldCount != header.Length)
                {
                    rows.Add(new SweepFileProblem(line, None, $"the row has {csv.RowFieldCount} fields, the header {header.Length}"));
                    continue;
                }

                var cells = header.Select((name, at) => (Name: name, Value: csv.GetString(at))).ToSeq();
                var key = cells.Find(c => c.Name == keyField).Map(c => c.Value).IfNone("");
                rows.Add(key.Length == 0
                    ? new SweepFileProblem(line, keyField, "the key is empty")
                    : new SweepItem(key, new Json.JObject(cells.Filter(c => c.Name != keyField && c.Value.Length > 0).Map(c => (c.Name, Cell(c.Value))))));
            }
        }
        catch (Exception e) when (e is CsvFormatException or CsvMissingHeadersException or CsvRecordTooLargeException or AmbiguousColumnException)
        {
            rows.Add(new SweepFileProblem(e is CsvFormatException f ? f.RowNumber + 1 : 1, None, e is AmbiguousColumnException ? "a column name repeats in the header" : "not CSV (an unclosed quote or a stray character)"));
        }

        return rows.ToSeq().Strict();
    }

    // A cell is the JSON value it spells (a number, true, false, null, an array or object), else text.
    private static Json Cell(string value) =>
        Json.Parse(value).Match(Right: json => json is Json.JString ? Json.Of(value) : json, Left: _ => Json.Of(value));

    // System.Text.Json's reason without its "LineNumber: 0 | BytePositionInLine: 1." tail.
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
