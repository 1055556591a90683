using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Cli.Commands;
using Saltant.Client;
using Saltant.Domain;
using Spectre.Console;
using Spectre.Console.Rendering;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Output;

/// <summary>
/// A sweep's progress while it runs (a live table of sets by state on an interactive terminal in
/// table mode; otherwise one line per change on standard error, none with -q) and its results at the end.
/// </summary>
/// <typeparam name="T">The instance type.</typeparam>
internal sealed class SweepDisplay<T>(Invocation invocation, OutputMode mode)
    where T : TaskInstance
{
    private readonly Dictionary<string, string> states = new(StringComparer.Ordinal);

    /// <summary>Follows the sweep's stream to its end: every result, or what stopped it.</summary>
    /// <param name="stream">The sweep's progress.</param>
    /// <param name="ct">Ctrl+C.</param>
    public async Task<Fin<Seq<SweepResult<T>>>> RunAsync(IAsyncEnumerable<Fin<SweepProgress<T>>> stream, CancellationToken ct)
    {
        Fin<Seq<SweepResult<T>>> result = FinFail<Seq<SweepResult<T>>>(Errors.None);
        if (invocation.Host.Interactive && mode == OutputMode.Table)
        {
            var started = invocation.Host.Clock.GetUtcNow();
            await invocation.Console.Live(Counts(started)).AutoClear(false).StartAsync(async context =>
            {
                await foreach (var change in stream.ConfigureAwait(false))
                {
                    result = Take(change, result, line: null);
                    context.UpdateTarget(Counts(started));
                    context.Refresh();
                }
            }).ConfigureAwait(false);
        }
        else if (mode == OutputMode.Quiet)
        {
            await foreach (var change in stream.ConfigureAwait(false))
            {
                result = Take(change, result, line: null);
            }
        }
        else
        {
            await foreach (var change in stream.ConfigureAwait(false))
            {
                result = Take(change, result, line: text =>
                {
                    invocation.Host.Error.WriteLine(text);
                    invocation.Host.Error.Flush();
                });
            }
        }

        return result.Match(
            Succ: FinSucc,
            Fail: e => FinFail<Seq<SweepResult<T>>>(e is Saltant.Domain.Cancelled && ct.IsCancellationRequested ? new SweepStopped() : e));
    }

    /// <summary>How the command ends: the results in the chosen shape, and a failure naming the sets that did not succeed.</summary>
    /// <param name="results">Every set's result, in input order.</param>
    /// <param name="mode">The output mode.</param>
    public static Outcome Outcome(Seq<SweepResult<T>> results, OutputMode mode)
    {
        var unsuccessful = results.Filter(r => !r.Succeeded).Map(r => $"{r.Key} ({StateOf(r)})");
        var shown = Commands.Outcome.Of(invocation =>
        {
            switch (mode)
            {
                case OutputMode.Json:
                    invocation.Printer.Json(writer => Json(writer, results));
                    break;
                case OutputMode.Quiet:
                    foreach (var r in results)
                    {
                        r.Outcome.IfSucc(i => invocation.Host.Out.WriteLine(i.Uuid.ToString()));
                    }

                    break;
                default:
                    invocation.Console.Write(Table(results));
                    invocation.Host.Out.WriteLine(Summary(results));
                    break;
            }
        });
        return unsuccessful.IsEmpty ? shown : shown.And(Seq1<Error>(new SetsUnsuccessful(unsuccessful, results.Count)));
    }

    private Fin<Seq<SweepResult<T>>> Take(Fin<SweepProgress<T>> change, Fin<Seq<SweepResult<T>>> sofar, Action<string>? line) =>
        change.Match(
            Succ: p =>
            {
                p.Instance.IfSome(i => states[p.Key] = i.State.ToString());
                if (p.Step == SweepStep.Failed && !states.ContainsKey(p.Key))
                {
                    states[p.Key] = p.Unsettled ? "unsettled" : "not created";
                }

                line?.Invoke(p.Step switch
                {
                    SweepStep.Found => $"{p.Key} found {Uuid(p)} ({State(p)})",
                    SweepStep.Created => $"{p.Key} created {Uuid(p)}",
                    SweepStep.Cloned => $"{p.Key} re-run as {Uuid(p)}",
                    SweepStep.StateChanged => $"{p.Key} {State(p)}",
                    SweepStep.Failed => p.Unsettled
                        ? $"{p.Key} unsettled (its answer was lost; it may exist, and running the sweep again settles it): {p.Error.Map(e => e.Message).IfNone("")}"
                        : $"{p.Key} not created: {p.Error.Map(e => e.Message).IfNone("")}",
                    _ => Summary(p.Results),
                });
                return p.Step == SweepStep.Completed ? FinSucc(p.Results) : sofar;
            },
            Fail: FinFail<Seq<SweepResult<T>>>);

    private IRenderable Counts(DateTimeOffset started)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("state").AddColumn(new TableColumn("sets").RightAligned());
        foreach (var group in states.Values.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow(new Text(group.Key, Printer.StateStyle(group.Key)), new Text(group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        table.Caption($"{states.Count} set(s) seen, {Printer.Duration(invocation.Host.Clock.GetUtcNow() - started)}");
        return table;
    }

    private static Table Table(Seq<SweepResult<T>> results)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("key")
            .AddColumn(new TableColumn("state") { NoWrap = true })
            .AddColumn(new TableColumn("runs") { NoWrap = true })
            .AddColumn(new TableColumn("uuid") { NoWrap = true });
        foreach (var r in results)
        {
            var state = StateOf(r);
            table.AddRow(
                new Text(r.Key),
                new Text(state, Printer.StateStyle(state)),
                new Text(r.Attempts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(r.Outcome.Match(i => i.Uuid.ToString(), _ => "")));
        }

        return table;
    }

    private static string Summary(Seq<SweepResult<T>> results) =>
        $"{results.Count} set(s): " + string.Join(", ", results.GroupBy(StateOf).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")) + ".";

    private static void Json(Utf8JsonWriter writer, Seq<SweepResult<T>> results)
    {
        writer.WriteStartArray();
        foreach (var r in results)
        {
            writer.WriteStartObject();
            writer.WriteString("key", r.Key);
            writer.WriteString("state", StateOf(r));
            r.Outcome.Match(i => writer.WriteString("uuid", i.Uuid.ToString()), e => writer.WriteString("error", e.Message));
            writer.WriteStartArray("attempts");
            foreach (var a in r.Attempts)
            {
                writer.WriteStringValue(a.Uuid.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string StateOf(SweepResult<T> r) =>
        r.Outcome.Match(i => i.State.ToString(), _ => r.Attempts.LastOrNone().Match(a => a.State.ToString(), () => r.Unsettled ? "unsettled" : "not created"));

    private static string Uuid(SweepProgress<T> p) => p.Instance.Map(i => i.Uuid.ToString()).IfNone("");

    private static string State(SweepProgress<T> p) => p.Instance.Map(i => i.State.ToString()).IfNone("");
}
