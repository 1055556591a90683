using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>Sweeps: one task type over many argument sets, one named instance per set, exactly once across runs.</summary>
public sealed partial class TaskInstancesClient<RT, TKind, T>
{
    /// <summary>
    /// Runs <paramref name="taskType"/> once per argument set on <paramref name="taskQueue"/>, each
    /// instance named <c>{name}/{key}</c> so the server itself records which sets exist, waits for all
    /// (list-based rounds), and returns one result per set in input order. Run it again with the same
    /// name (after a crash, a cancellation or a lost answer) and it reads what already exists, creates
    /// only the missing sets and waits for the unfinished: each set is created exactly once, and
    /// finished ones are not run again. A failed set is run again (a clone) while it has had at most
    /// <see cref="SweepOptions.RetryFailed"/> re-runs, counted over every run of the sweep.
    /// Before anything is sent, the sweep is refused whole with <see cref="SweepRejected"/> when its
    /// name or a key cannot be used, a key repeats, or a set lacks a required argument (every such
    /// set listed), or the queue is inactive; if the first create is refused (the queue or whitelist
    /// does not allow the type), nothing else is sent. A set whose own create is refused later is
    /// that set's failed result. What exists is read by name among the task type's instances (the
    /// caller's own when the settings log in with a username and password; a token does not say
    /// whose it is, so with a token pick sweep names no other user of the type uses). A create or clone whose answer is lost (a dropped connection, a 5xx,
    /// a timeout) is settled by reading the set's instances by name; it is sent again only when the
    /// failure proves the server never saw it (no connection was made), and otherwise the set stays
    /// unsettled in this run (its result is the lost answer's error) and the next run settles it. Run one sweep of a name at a time: two runs side by side can both
    /// create a set neither has seen yet.
    /// </summary>
    /// <param name="taskType">The task type (of this kind).</param>
    /// <param name="taskQueue">The queue to run on.</param>
    /// <param name="name">The sweep's name: no <c>/</c>, no surrounding whitespace.</param>
    /// <param name="items">The argument sets, each with a key unique in the sweep.</param>
    /// <param name="options">Concurrency, re-runs of failed sets and the wait; <see cref="SweepOptions.Default"/> when None.</param>
    /// <param name="progress">Told of every set's steps and state changes, then of the completion; optional. It is told from several threads at once (one per create in flight).</param>
    public Aff<RT, Seq<SweepResult<T>>> Sweep(
        TaskTypeId<TKind> taskType, TaskQueueId taskQueue, string name, IEnumerable<SweepItem> items, Option<SweepOptions> options = default, IProgress<SweepProgress<T>>? progress = null) =>
        from sets in EffMaybe<RT, Seq<SweepItem>>(_ => Given(items))
        from chosen in EffMaybe<RT, SweepOptions>(_ => Chosen(options))
        from results in new SweepRun<RT, TKind, T>(this, taskType, taskQueue, chosen, new SweepState<T>(name ?? "", sets, progress), api.Settings.MaxRetries, Owner)
            .Run(readType(taskType), api.Send<RT, TaskQueue>(TaskQueueRequests.Get(taskQueue), Decoders.TaskQueue))
        select results;

    private static Fin<SweepOptions> Chosen(Option<SweepOptions> options)
    {
        var chosen = options.IfNone(SweepOptions.Default) ?? SweepOptions.Default;
        return chosen.Problem().Case is string bad ? new InvalidRequestInput(nameof(options), bad) : chosen;
    }

    // The caller's sets, read once when the sweep runs: a null sequence, a null set, or a sequence
    // that fails while it is read is an InvalidRequestInput, never a thrown exception.
    private static Fin<Seq<SweepItem>> Given(IEnumerable<SweepItem>? items)
    {
        if (items is null)
        {
            return new InvalidRequestInput(nameof(items), "it is required but was null.");
        }

        try
        {
            var sets = items.ToSeq().Strict();
            return sets.Exists(i => i is null) ? new InvalidRequestInput(nameof(items), "an argument set is null.") : sets;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new InvalidRequestInput(nameof(items), $"reading the argument sets failed: {e.Message}");
        }
    }

    /// <summary>
    /// The sweep of <see cref="Sweep"/> as a stream of its progress, for live displays: every set's
    /// steps and state changes as they happen, ending with the <see cref="SweepStep.Completed"/> item
    /// that holds every result, or with the failure that stopped the sweep. Nothing is thrown.
    /// </summary>
    /// <param name="taskType">The task type (of this kind).</param>
    /// <param name="taskQueue">The queue to run on.</param>
    /// <param name="name">The sweep's name.</param>
    /// <param name="items">The argument sets.</param>
    /// <param name="options">Concurrency, re-runs and the wait; <see cref="SweepOptions.Default"/> when None.</param>
    /// <param name="cancellationToken">Stops the sweep (instances already launched keep running; run it again to resume) and ends the stream with a <see cref="Cancelled"/> item. Leaving the stream early stops the sweep too.</param>
    public async IAsyncEnumerable<Fin<SweepProgress<T>>> SweepStream(
        TaskTypeId<TKind> taskType, TaskQueueId taskQueue, string name, IEnumerable<SweepItem> items, Option<SweepOptions> options = default,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var changes = Channel.CreateUnbounded<SweepProgress<T>>(new UnboundedChannelOptions { SingleReader = true });

        // Linked, so that a caller who stops reading (break, an exception, Take) stops the sweep too.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = RunThenComplete();
        var finished = false;

        // The sweep's end, however it ends, completes the channel the stream reads.
        async Task<Fin<Seq<SweepResult<T>>>> RunThenComplete()
        {
            try
            {
                return await runner.RunAsync(Sweep(taskType, taskQueue, name, items, options, new ChannelProgress(changes.Writer)), stop.Token).ConfigureAwait(false);
            }
            finally
            {
                changes.Writer.TryComplete();
            }
        }

        try
        {
            // Read without the caller's token: cancelling ends the sweep, whose end completes the channel.
            await foreach (var change in changes.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return change;
            }

            var result = await running.ConfigureAwait(false);
            finished = true;
            if (result.IsFail)
            {
                yield return result.Map(_ => default(SweepProgress<T>)!);
            }
        }
        finally
        {
            if (!finished)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await running.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Task form of <see cref="Sweep"/>.</summary>
    /// <param name="taskType">The task type (of this kind).</param>
    /// <param name="taskQueue">The queue to run on.</param>
    /// <param name="name">The sweep's name.</param>
    /// <param name="items">The argument sets.</param>
    /// <param name="options">Concurrency, re-runs and the wait; <see cref="SweepOptions.Default"/> when None.</param>
    /// <param name="progress">Told of every set's steps; optional.</param>
    /// <param name="cancellationToken">Stops the sweep; run it again to resume.</param>
    public Task<Fin<Seq<SweepResult<T>>>> SweepAsync(
        TaskTypeId<TKind> taskType, TaskQueueId taskQueue, string name, IEnumerable<SweepItem> items, Option<SweepOptions> options = default,
        IProgress<SweepProgress<T>>? progress = null, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Sweep(taskType, taskQueue, name, items, options, progress), cancellationToken);

    // Whose instances a sweep reads back: the caller's, when the credentials name the caller.
    private Option<Username> Owner => api.Settings.Authentication is Authentication.JwtLogin login ? Some(login.Username) : None;

    // Progress straight into a channel, on the reporting thread (Progress<T> would post to a context).
    private sealed class ChannelProgress(ChannelWriter<SweepProgress<T>> writer) : IProgress<SweepProgress<T>>
    {
        public void Report(SweepProgress<T> value) => writer.TryWrite(value);
    }
}
