using LanguageExt;
using LanguageExt.Common;
using Saltant.Cli.Output;
using Saltant.Client;
using Saltant.Domain;
using Spectre.Console;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Commands;

/// <summary>A batch's results split: the instances it went through for, and a failure per other one.</summary>
/// <typeparam name="T">The instance type.</typeparam>
/// <param name="Done">The instances, in order.</param>
/// <param name="Problems">One <see cref="ItemFailed"/> per failed UUID.</param>
internal sealed record Batch<T>(Seq<T> Done, Seq<Error> Problems);

/// <summary>
/// The steps the instance commands share for one kind: sorting a batch's results, showing
/// instances, and watching them until they finish (a live table on an interactive terminal in table
/// mode, one line per state change on standard error otherwise).
/// </summary>
/// <typeparam name="TKind">The kind.</typeparam>
/// <typeparam name="T">The instance type.</typeparam>
/// <param name="View">How instances are shown.</param>
/// <param name="Pick">The client's sub-client for this kind.</param>
internal sealed record InstanceWait<TKind, T>(ResourceView<T> View, Func<SaltantClient, TaskInstancesClient<SaltantRuntime, TKind, T>> Pick)
    where TKind : ITaskKind
    where T : TaskInstance<TKind>
{
    /// <summary>Instances as a list, or nothing at all when there are none (a batch that failed throughout shows only its errors).</summary>
    /// <param name="instances">The instances.</param>
    public Outcome Show(Seq<T> instances) =>
        instances.IsEmpty ? Outcome.Nothing : Outcome.Of(i => i.Printer.Many(View, instances));

    /// <summary>
    /// Splits a batch's results. The server answers clone and terminate of an unknown UUID with an
    /// empty 405: such a failure is read back and reported as "not found" when that is what it is.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="keys">The UUIDs asked for, in order.</param>
    /// <param name="results">Their results, in the same order.</param>
    public Aff<SaltantRuntime, Batch<T>> Sort(SaltantClient client, Seq<InstanceUuid> keys, Seq<Fin<T>> results) =>
        Steps.Async(async ct =>
        {
            var done = new List<T>();
            var problems = new List<Error>();
            foreach (var (uuid, result) in keys.Zip(results))
            {
                switch (result.Case)
                {
                    case T instance:
                        done.Add(instance);
                        break;
                    case MethodNotAllowed refused:
                        var read = await Pick(client).GetAsync(uuid, ct).ConfigureAwait(false);
                        problems.Add(new ItemFailed(uuid.ToString(), read.Case as NotFound ?? (Error)refused));
                        break;
                    case Error error:
                        problems.Add(new ItemFailed(uuid.ToString(), error));
                        break;
                }
            }

            return FinSucc(new Batch<T>(done.ToSeq(), problems.ToSeq()));
        });

    /// <summary>
    /// Watches the instances until all have finished, then shows them (one object for a single
    /// launched instance) with a failure naming those that did not succeed. Ctrl+C stops the
    /// watching only: the instances keep running.
    /// </summary>
    /// <param name="invocation">The command.</param>
    /// <param name="uuids">The instances.</param>
    /// <param name="request">The wait options given.</param>
    /// <param name="single">Whether one instance was launched (shown as an object, not a list).</param>
    public Aff<SaltantRuntime, Outcome> For(Invocation invocation, Seq<InstanceUuid> uuids, WaitRequest request, bool single) =>
        invocation.Call(client => Steps.Async(ct => WatchAsync(invocation, client, uuids.Distinct().ToSeq(), request, ct)))
            .Map(finals =>
            {
                var shown = invocation.Host.Interactive && invocation.Printer.Mode == OutputMode.Table
                    ? Outcome.Nothing // the live table stays on screen
                    : single && finals.Count == 1 ? Outcome.Of(i => i.Printer.One(View, finals[0])) : Show(finals);
                var unsuccessful = finals.Filter(i => i.State is not TaskState.Successful).Map(i => $"{i.Uuid} ({i.State})");
                return unsuccessful.IsEmpty ? shown : shown.And(Seq1<Error>(new InstancesUnsuccessful(unsuccessful, finals.Count)));
            });

    private async Task<Fin<Seq<T>>> WatchAsync(Invocation invocation, SaltantClient client, Seq<InstanceUuid> order, WaitRequest request, CancellationToken ct)
    {
        var options = WaitOptions.BackingOffTo(request.RefreshPeriod.IfNone(client.Settings.WaitRefreshPeriod), request.Timeout);
        var latest = new Dictionary<InstanceUuid, T>();
        Seq<T> Current()
        {
            lock (latest)
            {
                return order.Filter(latest.ContainsKey).Map(u => latest[u]).Strict();
            }
        }

        async Task<Option<Error>> Consume(Action<T, Option<TaskState>> onChange)
        {
            await foreach (var change in Pick(client).Watch(order, options, ct).ConfigureAwait(false))
            {
                if (change.Case is not InstanceProgress<T> progress)
                {
                    return change.Case as Error;
                }

                lock (latest)
                {
                    latest[progress.Instance.Uuid] = progress.Instance;
                }

                onChange(progress.Instance, progress.Previous);
            }

            return None;
        }

        Option<Error> failure;
        try
        {
            if (invocation.Host.Interactive && invocation.Printer.Mode == OutputMode.Table)
            {
                var console = invocation.Console;
                var clock = invocation.Host.Clock;
                var drawing = new object();
                Spectre.Console.Rendering.IRenderable Draw() => Printer.LiveTable(console, View, Current(), clock.GetUtcNow());
                failure = None;
                await console.Live(Draw())
                    .AutoClear(false)
                    .StartAsync(async context =>
                    {
                        void Redraw()
                        {
                            lock (drawing)
                            {
                                context.UpdateTarget(Draw());
                                context.Refresh();
                            }
                        }

                        // Redrawn on every change, and every second between them so running times count up.
                        var watching = Consume((_, _) => Redraw());
                        while (await Task.WhenAny(watching, Task.Delay(TimeSpan.FromSeconds(1), clock, ct)).ConfigureAwait(false) != watching && !ct.IsCancellationRequested)
                        {
                            Redraw();
                        }

                        failure = await watching.ConfigureAwait(false);
                    })
                    .ConfigureAwait(false);
            }
            else
            {
                var error = invocation.Host.Error;
                failure = await Consume((instance, previous) =>
                {
                    error.WriteLine(previous.Match(
                        p => $"{instance.Uuid} {p} -> {instance.State}",
                        () => $"{instance.Uuid} {instance.State}"));
                    error.Flush();
                }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            failure = Some<Error>(new Cancelled("the wait"));
        }

        return failure.Match(
            Some: error => error is Cancelled && ct.IsCancellationRequested
                ? FinFail<Seq<T>>(new StoppedWaiting(order.Count - Current().Count(i => i.State.IsFinished)))
                : FinFail<Seq<T>>(error),
            None: () => FinSucc(Current()));
    }
}
