using Saltant.Emulator.Cost;
using Saltant.Emulator.Worker;

namespace Saltant.Emulator;

/// <summary>How to start a <see cref="SaltantEmulator"/>.</summary>
public sealed class SaltantEmulatorOptions
{
    /// <summary>Loopback port; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Users to seed. Empty: <c>admin</c> (superuser), <c>alice</c> and <c>bob</c> with fresh tokens.</summary>
    public IList<EmulatorUser> Users { get; } = [];

    /// <summary>The clock for timestamps, JWT expiry and task durations (e.g. a <see cref="ManualClock"/>).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Automatic (background loop) or manual (test steps the worker).</summary>
    public WorkerMode WorkerMode { get; set; } = WorkerMode.Automatic;

    /// <summary>Clock seconds per task second: 0.01 makes <c>sleep 30</c> last 0.3 s.</summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>How the worker decides results; default <see cref="OutcomePolicies.ByCommand"/>.</summary>
    public Func<TaskRun, TaskOutcome> OutcomePolicy { get; set; } = OutcomePolicies.ByCommand;

    /// <summary>How often the automatic worker looks at the clock.</summary>
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// A model of the real server's CPU cost (e.g. <see cref="Cost.ServerCost.Saltant"/>): every request
    /// waits for one of its slots and holds it for its per-request and per-record cost, in real time.
    /// Null (the default) answers at once, as tests want. <see cref="SaltantEmulator.CostMeter"/> counts what it charged.
    /// </summary>
    public ServerCost? ServerCost { get; set; }

    /// <summary>JWT access lifetime (saltant's example settings: 3 days).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>JWT refresh lifetime (saltant's example settings: 245 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(245);
}
