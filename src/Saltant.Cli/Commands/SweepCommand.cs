using System.CommandLine;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Cli.Output;
using Saltant.Cli.Sweeps;
using Saltant.Client;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Commands;

/// <summary>
/// <c>saltant sweep FILE</c>: one task type over every argument set of a JSON Lines or CSV file,
/// exactly once; run the same command again to resume after a crash or Ctrl+C.
/// </summary>
internal static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="factory">The factory.</param>
    public static System.CommandLine.Command Build(CommandFactory factory)
    {
        var file = new Argument<string>("file") { Description = "The argument sets: JSON Lines (one object a line) or CSV (a header row); .csv files are CSV." };
        var name = new System.CommandLine.Option<string>("--name") { Description = "The sweep's name; its instances are named NAME/KEY. Run again with the same name to resume.", Required = true, HelpName = "text" };
        var type = new System.CommandLine.Option<string>("--type", "--task-type") { Description = "The task type, by id or name.", Required = true, HelpName = "id|name" };
        var queue = new System.CommandLine.Option<string>("--queue", "--task-queue") { Description = "The task queue, by id or name.", Required = true, HelpName = "id|name" };
        var container = new System.CommandLine.Option<bool>("--container") { Description = "Run a container task type (default: an executable one)." };
        var format = new System.CommandLine.Option<string>("--format") { Description = "The file's format (default: from its name).", HelpName = "jsonl|csv" };
        format.AcceptOnlyFromAmong(SweepFile.Formats);
        var key = new System.CommandLine.Option<string>("--key") { Description = "The field or column that holds each set's key (default: key).", HelpName = "field", DefaultValueFactory = _ => "key" };
        var concurrency = new System.CommandLine.Option<int>("--concurrency") { Description = "Creates in flight at once (default: 8).", HelpName = "n", DefaultValueFactory = _ => SweepOptions.Default.Concurrency };
        var retryFailed = new System.CommandLine.Option<int>("--retry-failed") { Description = "Run a failed set again (a clone) up to N times, counted over every run of the sweep (default: 0).", HelpName = "n" };
        var json = new System.CommandLine.Option<bool>("--json") { Description = "Print the results as JSON (the same as -o json)." };
        var command = new System.CommandLine.Command("sweep", "Run one task type over every argument set of a file, each set once, and wait for all; run it again to resume.")
        {
            file, name, type, queue, container, format, key, concurrency, retryFailed, json,
        };
        return factory.WithAction(command, invocation =>
        {
            var parse = invocation.Parse;
            var path = parse.GetValue(file)!;
            var request = new SweepRequest(
                parse.GetValue(name)!,
                parse.GetValue(type)!,
                parse.GetValue(queue)!,
                new SweepOptions { Concurrency = parse.GetValue(concurrency), RetryFailed = parse.GetValue(retryFailed) },
                parse.GetValue(json) ? OutputMode.Json : invocation.Printer.Mode);
            return
                from sets in Read(path, parse.GetValue(format) ?? SweepFile.FormatOf(path), parse.GetValue(key)!).Lift()
                from outcome in parse.GetValue(container)
                    ? Run<Container, ContainerTaskInstance, ContainerTaskType>(invocation, request, sets, c => c.ContainerTaskInstances, c => c.ContainerTaskTypes.Get, c => c.ContainerTaskTypes.GetByName)
                    : Run<Executable, ExecutableTaskInstance, ExecutableTaskType>(invocation, request, sets, c => c.ExecutableTaskInstances, c => c.ExecutableTaskTypes.Get, c => c.ExecutableTaskTypes.GetByName)
                select outcome;
        });
    }

    /// <summary>The argument sets of the file, or one sentence naming every problem with its line and field.</summary>
    private static Fin<Seq<SweepItem>> Read(string path, string format, string keyField) =>
        ReadText(path).Bind(text => SweepFile.Parse(text, format, keyField).Match(
            Right: FinSucc,
            Left: problems => FinFail<Seq<SweepItem>>(new BadSweepFile(path, problems.Map(p => p.ToString())))));

    private static Fin<string> ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "there is no such file",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            return FinFail<string>(new UsageError($"cannot read the sweep file {path}: {why}"));
        }
    }

    private static Aff<SaltantRuntime, Outcome> Run<TKind, T, TType>(
        Invocation invocation,
        SweepRequest request,
        Seq<SweepItem> sets,
        Func<SaltantClient, TaskInstancesClient<SaltantRuntime, TKind, T>> pick,
        Func<SaltantClient, Func<TaskTypeId<TKind>, Aff<SaltantRuntime, TType>>> typeById,
        Func<SaltantClient, Func<string, Aff<SaltantRuntime, TType>>> typeByName)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
        where TType : TaskType<TKind> =>
        from type in invocation.Call(client => int.TryParse(request.Type, out var id) ? typeById(client)(new TaskTypeId<TKind>(id)) : typeByName(client)(request.Type))
        from queue in invocation.Call(client => int.TryParse(request.Queue, out var id) ? client.TaskQueues.Get(new TaskQueueId(id)) : client.TaskQueues.GetByName(request.Queue))
        from results in invocation.Call(client => Steps.Async(ct => new SweepDisplay<T>(invocation, request.Mode).RunAsync(
            pick(client).SweepStream(type.Id, queue.Id, request.Name, sets, request.Options, ct), ct)))
        select SweepDisplay<T>.Outcome(results, request.Mode);
}

/// <summary>What the command line asked of a sweep.</summary>
/// <param name="Name">The sweep's name.</param>
/// <param name="Type">The task type, by id or name.</param>
/// <param name="Queue">The queue, by id or name.</param>
/// <param name="Options">Concurrency and re-runs.</param>
/// <param name="Mode">How results are printed.</param>
internal sealed record SweepRequest(string Name, string Type, string Queue, SweepOptions Options, OutputMode Mode);

/// <summary>A sweep file that cannot be used: every problem, with its line and field; nothing was sent.</summary>
/// <param name="Path">The file.</param>
/// <param name="Problems">Each problem, as "line N, field F: …".</param>
internal sealed record BadSweepFile(string Path, Seq<string> Problems)
    : CliError($"{Path}: {string.Join("; ", Problems.Take(10))}{(Problems.Count > 10 ? $"; and {Problems.Count - 10} more" : "")}; nothing was created.", ExitCodes.Usage);

/// <summary>Sets of a sweep that did not succeed.</summary>
/// <param name="Keys">Each one's key and state.</param>
/// <param name="Total">How many sets the sweep has.</param>
internal sealed record SetsUnsuccessful(Seq<string> Keys, int Total)
    : CliError($"{Keys.Count} of {Total} set(s) did not succeed: {string.Join(", ", Keys.Take(20))}{(Keys.Count > 20 ? ", …" : "")}.", ExitCodes.Failed);

/// <summary>Ctrl+C during a sweep: what was launched keeps running, and the same command resumes it.</summary>
internal sealed record SweepStopped()
    : CliError("Stopped the sweep; its instances keep running on the server, and the same command resumes it.", ExitCodes.Cancelled)
{
    /// <inheritdoc />
    public override bool IsError => false;
}
