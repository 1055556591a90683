namespace Saltant.Emulator.Worker;

/// <summary>
/// A clock that only moves when told to. Give it to <see cref="SaltantEmulatorOptions.Clock"/> to control
/// timestamps, JWT expiry and task durations from a test without sleeping.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _sync = new();
    private DateTimeOffset _now;

    /// <summary>Starts at <paramref name="start"/> (default: the current real time).</summary>
    public ManualClock(DateTimeOffset? start = null) => _now = start ?? DateTimeOffset.UtcNow;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync) return _now;
    }

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "A clock only moves forward.");
        lock (_sync) _now += by;
    }

    /// <summary>Moves the clock to <paramref name="instant"/> if that is later than now.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        lock (_sync) if (instant > _now) _now = instant;
    }
}
