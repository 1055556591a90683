using System.CommandLine;
using System.Globalization;
using LanguageExt.Common;
using Saltant.Cli.Output;
using Saltant.Client;
using Saltant.Domain;
using Spectre.Console;

namespace Saltant.Cli.Commands;

/// <summary>
/// <c>container-task-instances</c> and <c>executable-task-instances</c>: list, get, create, and
/// clone, terminate and wait taking several UUIDs at once (the API has no PUT or PATCH for instances).
/// </summary>
internal static class InstanceCommands
{
    /// <summary>Builds the command group for one kind of instance.</summary>
    /// <typeparam name="TKind">The kind.</typeparam>
    /// <typeparam name="T">The instance type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="name">The group's name.</param>
    /// <param name="view">How instances are shown.</param>
    /// <param name="pick">The client's sub-client for this kind.</param>
    public static Command Build<TKind, T>(CommandFactory factory, string name, ResourceView<T> view, Func<SaltantClient, TaskInstancesClient<SaltantRuntime, TKind, T>> pick)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var kind = view.Noun.Replace(" task instance", "", StringComparison.Ordinal);
        return new Command(name, $"{char.ToUpperInvariant(kind[0])}{kind[1..]} task instances: list, get, create, clone, terminate, wait.")
        {
            factory.List<T, TaskInstance<TKind>>(view, (client, filters, ct) => pick(client).Stream(filters, ct)),
            factory.Get(view, "uuid", (invocation, key) =>
            {
                var uuid = Inputs.Uuid(key);
                return pick(invocation.Client).GetAsync(uuid, invocation.CancellationToken);
            }),
            Create(factory, view, pick),
            Clone(factory, view, pick),
            Terminate(factory, view, pick),
            Wait(factory, view, pick),
        };
    }

    private static Command Create<TKind, T>(CommandFactory factory, ResourceView<T> view, Func<SaltantClient, TaskInstancesClient<SaltantRuntime, TKind, T>> pick)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var taskType = new Option<int>("--task-type") { Description = "The task type's id.", Required = true, HelpName = "id" };
        var taskQueue = new Option<int>("--task-queue") { Description = "The task queue's id.", Required = true, HelpName = "id" };
        var name = CommandFactory.Text("--name", "A name for the instance.", false);
        var arguments = new Option<string>("--arguments", "--json-arguments") { Description = "The instance's arguments as a JSON object, e.g. '{\"greeting\": \"hi\"}'. Default: {}.", HelpName = "json" };
        var waitOptions = new WaitOptionSet(withWaitFlag: true);
        var command = new Command("create", $"Launch a {view.Noun}.") { taskType, taskQueue, name, arguments };
        waitOptions.AddTo(command);
        return factory.WithAction(command, async invocation =>
        {
            var parse = invocation.Parse;
            var draft = new TaskInstanceDraft<TKind>(new TaskTypeId<TKind>(parse.GetValue(taskType)), new TaskQueueId(parse.GetValue(taskQueue)))
            {
                Name = Inputs.Nullable(parse.GetValue(name)),
                Arguments = parse.GetValue(arguments) is string json ? Inputs.Object("--arguments", json) : Json.EmptyObject,
            };
            var wait = waitOptions.Read(parse);
            var instance = Invocation.Unwrap(await pick(invocation.Client).CreateAsync(draft, invocation.CancellationToken).ConfigureAwait(false));
            if (wait is null)
            {
                invocation.Printer.One(view, instance);
                return ExitCodes.Success;
            }

            return await WaitFor(invocation, view, pick(invocation.Client), [instance.Uuid], wait).ConfigureAwait(false);
        });
    }

    private static Command Clone<TKind, T>(CommandFactory factory, ResourceView<T> view, Func<SaltantClient, TaskInstancesClient<SaltantRuntime, TKind, T>> pick)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var uuids = Uuids("The instances to copy.");
        var waitOptions = new WaitOptionSet(withWaitFlag: true);
        var command = new Command("clone", $"Launch copies of {view.Noun}s (same type, queue, arguments and name).") { uuids };
        waitOptions.AddTo(command);
        return factory.WithAction(command, async invocation =>
        {
            var keys = ParseUuids(invocation.Parse.GetValue(uuids)!);
            var wait = waitOptions.Read(invocation.Parse);
            var client = pick(invocation.Client);
            var results = Invocation.Unwrap(await client.CloneManyAsync(keys, invocation.CancellationToken).ConfigureAwait(false));
            var (clones, failure) = await Collect(invocation, client, keys, results).ConfigureAwait(false);
            if (wait is null || clones.Count == 0)
            {
                invocation.Printer.Many(view, clones);
                return failure;
            }

            var waited = await WaitFor(invocation, view, client, clones.Select(c => c.Uuid).ToList(), wait).ConfigureAwait(false);
            return failure != ExitCodes.Success ? failure : waited;
        });
    }

    private static Command Terminate<TKind, T>(CommandFactory factory, ResourceView<T> view, Func<SaltantClient, TaskInstancesClient<SaltantRuntime, TKind, T>> pick)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var uuids = Uuids("The instances to terminate.");
        var command = new Command("terminate", $"Terminate {view.Noun}s; each is shown as it was when asked.") { uuids };
        return factory.WithAction(command, async invocation =>
        {
            var keys = ParseUuids(invocation.Parse.GetValue(uuids)!);
            var client = pick(invocation.Client);
            var results = Invocation.Unwrap(await client.TerminateManyAsync(keys, invocation.CancellationToken).ConfigureAwait(false));
            var (terminated, failure) = await Collect(invocation, client, keys, results).ConfigureAwait(false);
            invocation.Printer.Many(view, terminated);
            return failure;
        });
    }

    private static Command Wait<TKind, T>(CommandFactory factory, ResourceView<T> view, Func<SaltantClient, TaskInstancesClient<SaltantRuntime, TKind, T>> pick)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var uuids = Uuids("The instances to wait for.");
        var waitOptions = new WaitOptionSet(withWaitFlag: false);
        var command = new Command("wait", $"Wait until {view.Noun}s have finished, showing their progress; exits {ExitCodes.Failed} when any failed or was terminated.") { uuids };
        waitOptions.AddTo(command);
        return factory.WithAction(command, invocation =>
        {
            var keys = ParseUuids(invocation.Parse.GetValue(uuids)!);
            var wait = waitOptions.Read(invocation.Parse)!;
            return WaitFor(invocation, view, pick(invocation.Client), keys, wait);
        });
    }

    /// <summary>
    /// Watches the instances until all have finished: a live table on an interactive terminal in
    /// table mode, one line per state change on standard error otherwise; then prints them and
    /// fails when any did not succeed.
    /// </summary>
    private static async Task<int> WaitFor<TKind, T>(Invocation invocation, ResourceView<T> view, TaskInstancesClient<SaltantRuntime, TKind, T> client, IReadOnlyList<InstanceUuid> uuids, WaitRequest request)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var options = WaitOptions.BackingOffTo(
            request.RefreshPeriod ?? invocation.Settings.WaitRefreshPeriod,
            request.Timeout is TimeSpan limit ? limit : LanguageExt.Option<TimeSpan>.None);
        var order = uuids.Distinct().ToList();
        var latest = new Dictionary<InstanceUuid, T>();
        Error? failure = null;
        var live = invocation.Host.Interactive && invocation.Printer.Mode == OutputMode.Table;

        async Task Consume(Action<T, LanguageExt.Option<TaskState>> onChange)
        {
            await foreach (var change in client.Watch(order, options, invocation.CancellationToken).ConfigureAwait(false))
            {
                if (change.IsFail)
                {
                    failure = (Error)change;
                    return;
                }

                var progress = (InstanceProgress<T>)change;
                latest[progress.Instance.Uuid] = progress.Instance;
                onChange(progress.Instance, progress.Previous);
            }
        }

        IEnumerable<T> Current() => order.Where(latest.ContainsKey).Select(u => latest[u]);

        if (live)
        {
            await invocation.Console.Live(Printer.ListTable(view, Current()))
                .AutoClear(false)
                .StartAsync(async context => await Consume((_, _) =>
                {
                    context.UpdateTarget(Printer.ListTable(view, Current()));
                    context.Refresh();
                }).ConfigureAwait(false))
                .ConfigureAwait(false);
        }
        else
        {
            var error = invocation.Host.Error;
            await Consume((instance, previous) =>
            {
                error.WriteLine(previous.Match(
                    p => $"{instance.Uuid} {p} -> {instance.State}",
                    () => $"{instance.Uuid} {instance.State}"));
                error.Flush();
            }).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            throw CliFailure.From(failure);
        }

        var finals = Current().ToList();
        if (!live)
        {
            invocation.Printer.Many(view, finals);
        }

        var unsuccessful = finals.Where(i => i.State is not TaskState.Successful).ToList();
        if (unsuccessful.Count == 0)
        {
            return ExitCodes.Success;
        }

        invocation.Fail($"{unsuccessful.Count} of {finals.Count} instance(s) did not succeed: {string.Join(", ", unsuccessful.Select(i => $"{i.Uuid} ({i.State})"))}.");
        return ExitCodes.Failed;
    }

    /// <summary>Splits a batch's results: the successes in order, and the exit code of the first failure (each failure on standard error).</summary>
    private static async Task<(List<T> Succeeded, int ExitCode)> Collect<TKind, T>(Invocation invocation, TaskInstancesClient<SaltantRuntime, TKind, T> client, IReadOnlyList<InstanceUuid> keys, LanguageExt.Seq<LanguageExt.Fin<T>> results)
        where TKind : ITaskKind
        where T : TaskInstance<TKind>
    {
        var succeeded = new List<T>();
        var exitCode = ExitCodes.Success;
        foreach (var (uuid, result) in keys.Zip(results))
        {
            if (result.IsSucc)
            {
                succeeded.Add((T)result);
                continue;
            }

            var error = (Error)result;
            if (error is MethodNotAllowed)
            {
                // The server answers clone and terminate of an unknown UUID with an empty 405: say "not found" when that is what it is.
                var read = await client.GetAsync(uuid, invocation.CancellationToken).ConfigureAwait(false);
                if (read.IsFail && (Error)read is NotFound notFound)
                {
                    error = notFound;
                }
            }

            invocation.Fail(uuid.ToString(), error);
            if (exitCode == ExitCodes.Success)
            {
                exitCode = ExitCodes.For(error);
            }
        }

        return (succeeded, exitCode);
    }

    private static Argument<string[]> Uuids(string description) => new("uuids")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    private static List<InstanceUuid> ParseUuids(IEnumerable<string> texts) => texts.Select(Inputs.Uuid).ToList();

    /// <summary>What a wait asks for.</summary>
    private sealed record WaitRequest(TimeSpan? RefreshPeriod, TimeSpan? Timeout);

    /// <summary>The wait options: <c>--refresh-period</c> (as saltant-cli), <c>--timeout</c>, and <c>--wait</c> where waiting is optional.</summary>
    private sealed class WaitOptionSet
    {
        private readonly Option<bool>? wait;
        private readonly Option<double?> refreshPeriod = new("--refresh-period")
        {
            Description = "The longest time between status checks, in seconds (checks start at 0.1 s and back off to it). Default: SALTANT_WAIT_REFRESH_PERIOD or 5.",
            HelpName = "seconds",
        };

        private readonly Option<double?> timeout = new("--timeout")
        {
            Description = $"Give up after this many seconds (exit {ExitCodes.WaitTimedOut}). Default: wait as long as it takes.",
            HelpName = "seconds",
        };

        public WaitOptionSet(bool withWaitFlag)
        {
            if (withWaitFlag)
            {
                wait = new Option<bool>("--wait") { Description = $"Wait until finished, showing progress; exits {ExitCodes.Failed} when any failed or was terminated." };
            }
        }

        public void AddTo(Command command)
        {
            if (wait is not null)
            {
                command.Add(wait);
            }

            command.Add(refreshPeriod);
            command.Add(timeout);
        }

        /// <summary>The wait asked for, or null when <c>--wait</c> was not given.</summary>
        public WaitRequest? Read(ParseResult parse)
        {
            if (wait is not null && !parse.GetValue(wait))
            {
                return null;
            }

            return new WaitRequest(Seconds(parse.GetValue(refreshPeriod), "--refresh-period"), Seconds(parse.GetValue(timeout), "--timeout"));
        }

        private static TimeSpan? Seconds(double? value, string option) => value switch
        {
            null => null,
            > 0 and < 86_400 * 365 => TimeSpan.FromSeconds(value.Value),
            _ => throw CliFailure.Usage($"{option} takes a positive number of seconds, not {value.Value.ToString(CultureInfo.InvariantCulture)}."),
        };
    }
}
