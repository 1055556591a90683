using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Saltant.Domain;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Saltant.Cli.Output;

/// <summary>Prints records as tables, JSON (through the domain's encoders) or bare keys.</summary>
internal sealed class Printer
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CliHost host;
    private readonly IAnsiConsole console;

    /// <summary>Makes a printer.</summary>
    /// <param name="host">Where to print.</param>
    /// <param name="console">The console tables are drawn on.</param>
    /// <param name="mode">How.</param>
    public Printer(CliHost host, IAnsiConsole console, OutputMode mode)
    {
        this.host = host;
        this.console = console;
        Mode = mode;
    }

    /// <summary>How results are printed.</summary>
    public OutputMode Mode { get; }

    /// <summary>Prints several records: a table with the list fields, a JSON array, or one key a line.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="view">How to show it.</param>
    /// <param name="items">The records.</param>
    public void Many<T>(ResourceView<T> view, IEnumerable<T> items)
    {
        switch (Mode)
        {
            case OutputMode.Json:
                WriteJson(writer =>
                {
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        view.Encoder.WriteTo(writer, item);
                    }

                    writer.WriteEndArray();
                });
                break;
            case OutputMode.Quiet:
                foreach (var item in items)
                {
                    host.Out.WriteLine(view.Key(item));
                }

                break;
            default:
                console.Write(ListTable(console, view, items));
                break;
        }

        host.Out.Flush();
    }

    /// <summary>Prints one record: its detail fields, a JSON object, or its key.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="view">How to show it.</param>
    /// <param name="item">The record.</param>
    public void One<T>(ResourceView<T> view, T item)
    {
        switch (Mode)
        {
            case OutputMode.Json:
                WriteJson(writer => view.Encoder.WriteTo(writer, item));
                break;
            case OutputMode.Quiet:
                host.Out.WriteLine(view.Key(item));
                break;
            default:
                var fields = Fields(view, item);
                var grid = new Table().Border(TableBorder.None).HideHeaders();
                grid.AddColumn(new TableColumn("field").PadRight(2));
                grid.AddColumn(new TableColumn("value"));
                foreach (var name in view.DetailFields)
                {
                    grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(Cell(fields, name)));
                }

                console.Write(grid);
                break;
        }

        host.Out.Flush();
    }

    /// <summary>
    /// The list table for records, as wide as the console allows: columns of the view's drop order
    /// are left out, first to last, until every UUID, id, state and time fits on one line.
    /// </summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="console">The console it is drawn on (its width).</param>
    /// <param name="view">How to show it.</param>
    /// <param name="items">The records.</param>
    public static Table ListTable<T>(IAnsiConsole console, ResourceView<T> view, IEnumerable<T> items)
    {
        var rows = items.Select(item => Fields(view, item)).ToList();
        return Fit(console, view.ListFields, view.DropOrder, name => rows.Select(fields => TableCell(fields, name)));
    }

    /// <summary>
    /// The live wait table: UUID, state in colour, time since created (until finished, or now), then
    /// the list columns that fit.
    /// </summary>
    /// <typeparam name="T">The instance type.</typeparam>
    /// <param name="console">The console it is drawn on.</param>
    /// <param name="view">How instances are shown.</param>
    /// <param name="instances">The instances, as last seen.</param>
    /// <param name="now">The time elapsed times of unfinished instances are counted to.</param>
    public static Table LiveTable<T>(IAnsiConsole console, ResourceView<T> view, IEnumerable<T> instances, DateTimeOffset now)
        where T : TaskInstance
    {
        var list = instances.ToList();
        var rows = list.Select(item => Fields(view, item)).ToList();
        string[] columns = ["uuid", "state", Elapsed, .. view.ListFields.Where(f => f is not ("uuid" or "state"))];
        return Fit(console, columns, view.DropOrder, name => name == Elapsed
            ? list.Select(i => (IRenderable)new Text(
                i.DatetimeFinished is { } end ? Duration(end - i.DatetimeCreated)
                : i.State.IsFinished ? ""
                : Duration(now - i.DatetimeCreated)))
            : rows.Select(fields => TableCell(fields, name)));
    }

    private const string Elapsed = "elapsed";

    /// <summary>The table with as many columns as fit; the columns of <paramref name="drops"/> go first.</summary>
    private static Table Fit(IAnsiConsole console, IReadOnlyList<string> columns, IReadOnlyList<string> drops, Func<string, IEnumerable<IRenderable>> cells)
    {
        var width = console.Profile.Width;
        var shown = columns.ToList();
        var pending = new Queue<string>(drops.Where(shown.Contains));
        var values = columns.ToDictionary(c => c, c => cells(c).ToList());
        while (true)
        {
            var table = new Table().Border(TableBorder.Simple);
            foreach (var name in shown)
            {
                table.AddColumn(new TableColumn(new Text(name)) { NoWrap = !Wrappable.Contains(name) });
            }

            var count = values.Count == 0 ? 0 : values[columns[0]].Count;
            for (var row = 0; row < count; row++)
            {
                table.AddRow(shown.Select(name => values[name][row]));
            }

            if (pending.Count == 0 || ((IRenderable)table).Measure(RenderOptions.Create(console), width).Min <= width)
            {
                return table;
            }

            shown.Remove(pending.Dequeue());
        }
    }

    /// <summary>Free-text columns, which may wrap; every other column (UUIDs, ids, states, times) stays on one line.</summary>
    private static readonly HashSet<string> Wrappable = new(StringComparer.Ordinal)
    {
        "name", "description", "email", "command_to_run", "environment_variables", "required_arguments",
        "required_arguments_default_values", "arguments", "container_image",
    };

    /// <summary>A table cell: states in colour, times to the second.</summary>
    private static IRenderable TableCell(JsonElement record, string name)
    {
        var text = Cell(record, name, forTable: true);
        return name == "state" ? new Text(text, StateStyle(text)) : new Text(text);
    }

    /// <summary>The colour of a state: green for success, red for failure or termination, yellow while unfinished.</summary>
    /// <param name="state">The state's name.</param>
    public static Style StateStyle(string state) => state switch
    {
        "successful" => new Style(Color.Green),
        "failed" or "terminated" => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    };

    /// <summary>A duration as people read it: 4.2 s, 3m 07s, 2h 03m.</summary>
    /// <param name="duration">The duration.</param>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalSeconds < 60 ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : duration.TotalHours < 1 ? $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s"
            : $"{(int)duration.TotalHours}h {duration.Minutes:00}m";
    }

    /// <summary>A record as the server would send it.</summary>
    private static JsonElement Fields<T>(ResourceView<T> view, T item)
    {
        using var document = JsonDocument.Parse(view.Encoder.Encode(item));
        return document.RootElement.Clone();
    }

    /// <summary>One field as text: strings bare, null empty, lists of scalars joined, objects as compact JSON; in tables, times to the second.</summary>
    private static string Cell(JsonElement record, string name, bool forTable = false)
    {
        if (!record.TryGetProperty(name, out var value))
        {
            return "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when forTable && name.StartsWith("datetime_", StringComparison.Ordinal)
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) =>
                time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) =>
                string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => value.GetRawText(),
        };
    }

    /// <summary>Writes one JSON document to standard output, indented as every JSON output of the tool.</summary>
    /// <param name="write">Writes the document.</param>
    public void Json(Action<Utf8JsonWriter> write) => WriteJson(write);

    private void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            write(writer);
        }

        host.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
