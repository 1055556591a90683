using System.Text.Json.Nodes;
using Saltant.Emulator.Store;

namespace Saltant.Emulator.Worker;

/// <summary>
/// The emulator's stand-in for saltant's Celery worker. Instances go published → running → successful or
/// failed (datetime_finished set, as the server's pre-save hook does); a terminate request moves a
/// published or running instance to terminated (datetime_finished stays null). Nothing is ever executed:
/// the outcome policy decides result and duration, and durations are measured on the emulator's clock
/// multiplied by <see cref="TimeScale"/>.
/// </summary>
public sealed class SimulatedWorker : IAsyncDisposable
{
    private sealed class Job
    {
        public required InstanceRecord Instance { get; init; }
        public required TaskRun Run { get; init; }
        public bool Started;
        public DateTimeOffset DueAt;
        public TaskOutcome? Outcome;
        public bool TerminateRequested;
        public bool Done;
    }

    private readonly EmulatorStore _store;
    private readonly TimeProvider _clock;
    private readonly List<Job> _jobs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _loop;

    internal SimulatedWorker(EmulatorStore store, TimeProvider clock, WorkerMode mode, double timeScale, Func<TaskRun, TaskOutcome> policy, TimeSpan pollInterval)
    {
        _store = store;
        _clock = clock;
        Mode = mode;
        TimeScale = timeScale;
        OutcomePolicy = policy;
        PollInterval = pollInterval;
        if (mode == WorkerMode.Automatic) _loop = Task.Run(LoopAsync);
    }

    /// <summary>Automatic or manual.</summary>
    public WorkerMode Mode { get; }

    /// <summary>Clock seconds per task second (0.01 makes <c>sleep 30</c> take 0.3 s).</summary>
    public double TimeScale { get; set; }

    /// <summary>Decides each run's result and duration when it starts; replaceable at any time.</summary>
    public Func<TaskRun, TaskOutcome> OutcomePolicy { get; set; }

    /// <summary>How often the automatic loop looks at the clock (real time).</summary>
    public TimeSpan PollInterval { get; }

    /// <summary>Instances queued or running.</summary>
    public int PendingCount
    {
        get { lock (_store.Sync) return _jobs.Count; }
    }

    internal void Enqueue(InstanceRecord instance, TaskTypeRecord type)
    {
        var run = new TaskRun(instance.Uuid, type.Kind == TaskKind.Executable ? TaskRunKind.Executable : TaskRunKind.Container, type.CommandToRun,
            (JsonObject)instance.Arguments.DeepClone(), type.Kind == TaskKind.Container ? type.ContainerType : null,
            type.Kind == TaskKind.Container ? type.ContainerImage : null);
        _jobs.Add(new Job { Instance = instance, Run = run });
    }

    /// <summary>Celery's revoke(terminate=True): takes effect at the worker's next step.</summary>
    internal void RequestTerminate(Guid uuid)
    {
        foreach (var job in _jobs) if (job.Instance.Uuid == uuid) job.TerminateRequested = true;
    }

    /// <summary>Makes every transition that is due at the clock's current time; returns how many happened.</summary>
    public Task<int> StepAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Step());
    }

    private int Step()
    {
        int transitions = 0;
        lock (_store.Sync)
        {
            var now = Micro(_clock.GetUtcNow());
            for (int i = 0; i < _jobs.Count; i++)
            {
                var job = _jobs[i];
                var inst = job.Instance;
                if (job.TerminateRequested)
                {
                    inst.State = "terminated";
                    transitions++;
                    job.Done = true;
                    continue;
                }
                if (!job.Started)
                {
                    job.Started = true;
                    job.Outcome = OutcomePolicy(job.Run);
                    job.DueAt = now + TimeSpan.FromTicks((long)(job.Outcome.Duration.Ticks * TimeScale));
                    inst.State = "running";
                    transitions++;
                }
                if (now >= job.DueAt)
                {
                    inst.State = job.Outcome!.Succeeds ? "successful" : "failed";
                    inst.DatetimeFinished = now;
                    transitions++;
                    job.Done = true;
                }
            }
            // One compaction per step keeps a step linear in the number of jobs.
            _jobs.RemoveAll(j => j.Done);
        }
        return transitions;
    }

    /// <summary>
    /// Steps until nothing is queued or running. With a <see cref="ManualClock"/> the clock is advanced
    /// to each next due time (so <c>sleep 30</c> finishes instantly in real time); otherwise it waits.
    /// </summary>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step();
            DateTimeOffset? nextDue;
            lock (_store.Sync)
            {
                if (_jobs.Count == 0) return;
                nextDue = _jobs.Where(j => j.Started).Select(j => (DateTimeOffset?)j.DueAt).Min();
            }
            if (nextDue is null) continue;
            if (_clock is ManualClock manual) manual.AdvanceTo(nextDue.Value);
            else
            {
                var wait = nextDue.Value - _clock.GetUtcNow();
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > PollInterval ? PollInterval : wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task LoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                Step();
                await Task.Delay(PollInterval, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Database timestamps hold microseconds.</summary>
    internal static DateTimeOffset Micro(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>Stops the automatic loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
