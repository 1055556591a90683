using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

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
    public void Many<T>(ResourceView<T> view, IReadOnlyList<T> items)
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
                console.Write(ListTable(view, items));
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

    /// <summary>The list table for records, used by the printer and the live wait display.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="view">How to show it.</param>
    /// <param name="items">The records.</param>
    public static Table ListTable<T>(ResourceView<T> view, IEnumerable<T> items)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var name in view.ListFields)
        {
            table.AddColumn(new TableColumn(new Text(name)));
        }

        foreach (var item in items)
        {
            var fields = Fields(view, item);
            table.AddRow(view.ListFields.Select(name => (Spectre.Console.Rendering.IRenderable)new Text(Cell(fields, name))));
        }

        return table;
    }

    /// <summary>A record as the server would send it.</summary>
    private static JsonElement Fields<T>(ResourceView<T> view, T item)
    {
        using var document = JsonDocument.Parse(view.Encoder.Encode(item));
        return document.RootElement.Clone();
    }

    /// <summary>One field as table text: strings bare, null empty, lists of scalars joined, objects as compact JSON.</summary>
    private static string Cell(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value))
        {
            return "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) =>
                string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => value.GetRawText(),
        };
    }

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
