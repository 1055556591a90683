namespace Saltant.Emulator.Worker;

/// <summary>How the simulated worker is driven.</summary>
public enum WorkerMode
{
    /// <summary>A background loop polls the clock and moves tasks along on its own.</summary>
    Automatic,
    /// <summary>Nothing moves until the test calls <see cref="SimulatedWorker.StepAsync"/> or <see cref="SimulatedWorker.RunUntilIdleAsync"/>.</summary>
    Manual,
}
