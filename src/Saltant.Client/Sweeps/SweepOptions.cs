using LanguageExt;
using Saltant.Domain;

namespace Saltant.Client;

/// <summary>How a sweep runs.</summary>
public sealed record SweepOptions
{
    /// <summary>Creates (and clones) in flight at once; default 8.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>How many times a set whose instance failed is run again (a clone of it); default 0.</summary>
    public int RetryFailed { get; init; }

    /// <summary>How to wait for the instances; the client's default wait when None.</summary>
    public Option<WaitOptions> Wait { get; init; }

    /// <summary>Why these options cannot be used, if they cannot.</summary>
    public Option<string> Problem() =>
        Concurrency is < 1 or > SettingsLimits.MaxBatchConcurrency ? $"Concurrency must be from 1 to {SettingsLimits.MaxBatchConcurrency}, not {Concurrency}."
        : RetryFailed is < 0 or > MaxRetryFailed ? $"RetryFailed must be from 0 to {MaxRetryFailed}, not {RetryFailed}."
        : Option<string>.None;

    /// <summary>The most re-runs a failed set may have.</summary>
    public const int MaxRetryFailed = 10;

    /// <summary>The defaults: 8 at once, no re-runs, the client's default wait.</summary>
    public static SweepOptions Default { get; } = new();
}
