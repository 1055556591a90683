using Saltant.Emulator.Worker;

namespace Saltant.Emulator.Tests.Conformance;

/// <summary>
/// In-process pacing: 50 ms of a manual clock and one step of a manual worker before every step, so
/// quick tasks have ended and terminations taken effect, as on the recording's host.
/// </summary>
public sealed class ManualWorkerPacer(ManualClock clock, SimulatedWorker worker) : IWorkerPacer
{
    public async Task BeforeStepAsync(ICollection<string> terminating)
    {
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await worker.StepAsync();
        terminating.Clear();
    }
}
