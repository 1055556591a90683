using LanguageExt;
using LanguageExt.Common;
using Saltant.Client;
using Saltant.Domain;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Saltant.Quickstart;

/// <summary>The live progress display on a terminal: one row per instance, redrawn as states change.</summary>
internal static class LiveTable
{
    internal static async Task<Fin<Seq<ExecutableTaskInstance>>> WatchAsync(
        IAnsiConsole console, SaltantClient client, Seq<ExecutableTaskInstance> instances, CancellationToken cancellationToken)
    {
        var rows = instances.Select((instance, index) => (instance.Uuid, index)).ToDictionary(p => p.Uuid, p => p.index);
        var last = instances.ToDictionary(i => i.Uuid);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("instance", "state", "finished");
        foreach (var instance in instances)
        {
            // Text, not markup: instance names are the user's and may hold brackets.
            table.AddRow(new Text(instance.Name), Cell(instance.State), new Text(""));
        }

        var options = client.ExecutableTaskInstances.DefaultWait with { Timeout = TimeSpan.FromMinutes(5) };
        Fin<Seq<ExecutableTaskInstance>> outcome = Fin<Seq<ExecutableTaskInstance>>.Fail(Error.New("the watch did not run"));
        await console.Live(table).StartAsync(async context =>
        {
            await foreach (var change in client.ExecutableTaskInstances.Watch(instances.Map(i => i.Uuid), options, cancellationToken))
            {
                if (change.Case is not InstanceProgress<ExecutableTaskInstance> { Instance: var instance })
                {
                    outcome = change.Match(Succ: _ => Error.New("the watch ended early"), Fail: e => e);
                    return;
                }

                last[instance.Uuid] = instance;
                var row = rows[instance.Uuid];
                table.UpdateCell(row, 1, Cell(instance.State));
                table.UpdateCell(row, 2, new Text(instance.DatetimeFinished is { } end ? $"{(end - instance.DatetimeCreated).TotalSeconds:0.00} s" : ""));
                context.Refresh();
            }

            outcome = instances.Map(i => last[i.Uuid]);
        });
        return outcome;
    }

    private static IRenderable Cell(TaskState state) => new Text(state.ToString(), state switch
    {
        TaskState.Successful => new Style(Color.Green),
        TaskState.Failed or TaskState.Terminated => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    });
}
