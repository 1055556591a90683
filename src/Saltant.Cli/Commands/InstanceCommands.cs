using System.CommandLine;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Cli.Output;
using Saltant.Client;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Commands;

/// <summary>
/// <c>container-task-instances</c> and <c>executable-task-instances</c>: list, get, create, and
/// clone, terminate and wait taking several UUIDs at once (the API has no PUT or PATCH for instances).
/// </summary>
internal static class InstanceCommands
{
    /// <summary>How long <c>terminate</c> waits for the server to stop the instances before showing them as they are.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(30);

    /// <summary>Builds the command group for one kind of instance.</summary>
    /// <typeparam name="TKind">The kind.</typeparam>
    /// <typeparam name="T">The instance type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="name">The group's name.</param>
    /// <param name="view">How instances are shown.</param>
    /// <param name="pick">The client's sub-client for this kind.</param>
    public static System.CommandLine.Command Build<TKind, T>(CommandFactory factory, string name, ResourceView<T> view, Func<SaltantClient, TaskInstancesClient<SaltantRuntime, TKind, T>> pick)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var kind = view.Noun.Replace(" task instance", "", StringComparison.Ordinal);
        var sub = new InstanceWait<TKind, T>(view, pick);
        return new System.CommandLine.Command(name, $"{char.ToUpperInvariant(kind[0])}{kind[1..]} task instances: list, get, create, clone, terminate, wait.")
        {
            factory.List<T, TaskInstance<TKind>>(view, (client, filters, ct) => pick(client).Stream(filters, ct)),
            factory.Get(view, "uuid", (invocation, key) =>
                from uuid in Inputs.Uuid(key).Lift()
                from instance in invocation.Call(client => pick(client).Get(uuid))
                select instance),
            Create(factory, sub),
            Clone(factory, sub),
            Terminate(factory, sub),
            Wait(factory, sub),
        };
    }

    private static System.CommandLine.Command Create<TKind, T>(CommandFactory factory, InstanceWait<TKind, T> sub)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var taskType = new System.CommandLine.Option<int>("--task-type") { Description = "The task type's id.", Required = true, HelpName = "id" };
        var taskQueue = new System.CommandLine.Option<int>("--task-queue") { Description = "The task queue's id.", Required = true, HelpName = "id" };
        var name = CommandFactory.Text("--name", "A name for the instance.", false);
        var arguments = new System.CommandLine.Option<string>("--arguments", "--json-arguments") { Description = "The instance's arguments as a JSON object, e.g. '{\"greeting\": \"hi\"}'. Default: {}.", HelpName = "json" };
        var waitOptions = new WaitOptionSet(withWaitFlag: true);
        var command = new System.CommandLine.Command("create", $"Launch {Article(sub.View.Noun)} {sub.View.Noun}.") { taskType, taskQueue, name, arguments };
        waitOptions.AddTo(command);
        return factory.WithAction(command, invocation =>
            from args in (invocation.Parse.GetValue(arguments) is string json ? Inputs.Object("--arguments", json) : Json.EmptyObject).Lift()
            from wait in waitOptions.Read(invocation.Parse).Lift()
            let draft = new TaskInstanceDraft<TKind>(new TaskTypeId<TKind>(invocation.Parse.GetValue(taskType)), new TaskQueueId(invocation.Parse.GetValue(taskQueue)))
            {
                Name = Inputs.Nullable(invocation.Parse.GetValue(name)),
                Arguments = args,
            }
            from instance in invocation.Call(client => sub.Pick(client).Create(draft))
            from outcome in wait.Match(
                request => sub.For(invocation, Seq1(instance.Uuid), request, single: true),
                () => SuccessAff<SaltantRuntime, Outcome>(Outcome.Of(i => i.Printer.One(sub.View, instance))))
            select outcome);
    }

    private static System.CommandLine.Command Clone<TKind, T>(CommandFactory factory, InstanceWait<TKind, T> sub)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var uuids = Uuids("The instances to copy.");
        var waitOptions = new WaitOptionSet(withWaitFlag: true);
        var command = new System.CommandLine.Command("clone", $"Launch copies of {sub.View.Noun}s (same type, queue, arguments and name).") { uuids };
        waitOptions.AddTo(command);
        return factory.WithAction(command, invocation =>
            from keys in Inputs.Uuids(invocation.Parse.GetValue(uuids)!).Lift()
            from wait in waitOptions.Read(invocation.Parse).Lift()
            from batch in invocation.Call(client => sub.Pick(client).CloneMany(keys).Bind(results => sub.Sort(client, keys, results)))
            from outcome in wait.Match(
                request => batch.Done.IsEmpty
                    ? SuccessAff<SaltantRuntime, Outcome>(Outcome.Nothing)
                    : sub.For(invocation, batch.Done.Map(c => c.Uuid), request, single: false),
                () => SuccessAff<SaltantRuntime, Outcome>(sub.Show(batch.Done)))
            select new Outcome(outcome.Show, batch.Problems + outcome.Problems));
    }

    private static System.CommandLine.Command Terminate<TKind, T>(CommandFactory factory, InstanceWait<TKind, T> sub)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var uuids = Uuids("The instances to terminate.");
        var command = new System.CommandLine.Command("terminate", $"Terminate {sub.View.Noun}s and show them once the server has stopped them (up to {StopWait.TotalSeconds:0} s; then as they are).") { uuids };
        return factory.WithAction(command, invocation =>
            from keys in Inputs.Uuids(invocation.Parse.GetValue(uuids)!).Lift()
            from batch in invocation.Call(client => sub.Pick(client).TerminateMany(keys).Bind(results => sub.Sort(client, keys, results)))
            from stopped in invocation.Call(client => Stopped(sub.Pick(client), batch.Done, client.Settings.WaitRefreshPeriod))
            select sub.Show(stopped).And(batch.Problems));
    }

    private static System.CommandLine.Command Wait<TKind, T>(CommandFactory factory, InstanceWait<TKind, T> sub)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var uuids = Uuids("The instances to wait for.");
        var waitOptions = new WaitOptionSet(withWaitFlag: false);
        var command = new System.CommandLine.Command("wait", $"Wait until {sub.View.Noun}s have finished, showing their progress; exits {ExitCodes.Failed} when any failed or was terminated.") { uuids };
        waitOptions.AddTo(command);
        return factory.WithAction(command, invocation =>
            from keys in Inputs.Uuids(invocation.Parse.GetValue(uuids)!).Lift()
            from wait in waitOptions.Read(invocation.Parse).Lift()
            from outcome in sub.For(invocation, keys, wait.IfNone(new WaitRequest(None, None)), single: false)
            select outcome);
    }

    /// <summary>
    /// The instances once the server has stopped them: the terminate call answers them as they were
    /// (still running), and the worker stops them a moment later. Waits a bounded time, then reads
    /// them as they are.
    /// </summary>
    private static Aff<SaltantRuntime, Seq<T>> Stopped<TKind, T>(TaskInstancesClient<SaltantRuntime, TKind, T> client, Seq<T> terminated, TimeSpan refresh)
        where TKind : ITaskKind
        where T : TaskInstance<TKind> =>
        terminated.IsEmpty
            ? SuccessAff<SaltantRuntime, Seq<T>>(terminated)
            : Steps.Async(async ct =>
            {
                var uuids = terminated.Map(i => i.Uuid);
                var period = refresh < TimeSpan.FromSeconds(1) ? refresh : TimeSpan.FromSeconds(1);
                var waited = await client.WaitManyAsync(uuids, WaitOptions.BackingOffTo(period, StopWait), ct).ConfigureAwait(false);
                if (waited.Case is not Saltant.Domain.WaitTimedOut)
                {
                    return waited;
                }

                // Not stopped in time: show each as it is now (or as the terminate call answered it).
                var reads = await client.GetManyAsync(uuids, ct).ConfigureAwait(false);
                return reads.Map(r => r.Zip(terminated).Map(p => p.Item1.IfFail(p.Item2)));
            });

    private static Argument<string[]> Uuids(string description) => new("uuids")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    // "a container task instance", "an executable task instance".
    private static string Article(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an" : "a";
}
