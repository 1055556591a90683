namespace Saltant.Emulator.Cost;

/// <summary>
/// What an emulator's <see cref="ServerCost"/> model charged: requests and records charged, the time
/// charged, and how many requests held a slot at once, so a test can check the model by counting
/// rather than by timing. All counts stay 0 when the emulator has no model.
/// </summary>
public sealed class ServerCostMeter
{
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 2);
    private readonly SemaphoreSlim? _slots;
    private int _inService, _peakInService, _waiting, _peakWaiting;
    private long _requests, _records, _chargedTicks;
    private bool _paused;

    internal ServerCostMeter(ServerCost? model)
    {
        Model = model;
        if (model is not null) _slots = new SemaphoreSlim(model.Concurrency, model.Concurrency);
    }

    /// <summary>The model, or null when requests cost nothing.</summary>
    public ServerCost? Model { get; }

    /// <summary>
    /// Whether the model is set aside for now: requests then cost nothing and are not counted (to seed
    /// data quickly before measuring under the model). False by default.
    /// </summary>
    public bool Paused
    {
        get => Volatile.Read(ref _paused);
        set => Volatile.Write(ref _paused, value);
    }

    /// <summary>Requests holding a slot now.</summary>
    public int InService => Volatile.Read(ref _inService);

    /// <summary>The most requests that held a slot at the same time; never more than the model's concurrency.</summary>
    public int PeakInService => Volatile.Read(ref _peakInService);

    /// <summary>Requests waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The most requests that waited for a slot at the same time.</summary>
    public int PeakWaiting => Volatile.Read(ref _peakWaiting);

    /// <summary>Requests charged (each handled request once, when it takes its slot).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Records charged, summed over every list page served.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>Time charged, summed: <see cref="ServerCost.PerRequest"/> × <see cref="Requests"/> + <see cref="ServerCost.PerRecord"/> × <see cref="Records"/>.</summary>
    public TimeSpan Charged => TimeSpan.FromTicks(Interlocked.Read(ref _chargedTicks));

    /// <summary>Forgets the counts (the peaks included); requests in service or waiting keep being counted as such.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _records, 0);
        Interlocked.Exchange(ref _chargedTicks, 0);
        Interlocked.Exchange(ref _peakInService, InService);
        Interlocked.Exchange(ref _peakWaiting, Waiting);
    }

    /// <summary>
    /// Serves one request under the model: waits for a slot, runs <paramref name="handle"/> (the API's
    /// work), holds the slot for the charge of the records it serialised, then releases it. Without a
    /// model it only runs <paramref name="handle"/>.
    /// </summary>
    internal async Task<T> ServeAsync<T>(Func<T> handle, Func<T, int> records, CancellationToken stopping)
    {
        if (_slots is null || Model is null || Paused) return handle();
        Raise(ref _peakWaiting, Interlocked.Increment(ref _waiting));
        try
        {
            await _slots.WaitAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        Raise(ref _peakInService, Interlocked.Increment(ref _inService));
        try
        {
            var result = handle();
            int count = records(result);
            var charge = Model.Charge(count);
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _records, count);
            Interlocked.Add(ref _chargedTicks, charge.Ticks);
            // Task.Delay takes at most about 49 days; a longer charge holds its slot until the emulator stops.
            if (charge > LongestDelay) await Task.Delay(Timeout.Infinite, stopping).ConfigureAwait(false);
            else if (charge > TimeSpan.Zero) await Task.Delay(charge, stopping).ConfigureAwait(false);
            return result;
        }
        finally
        {
            Interlocked.Decrement(ref _inService);
            _slots.Release();
        }
    }

    private static void Raise(ref int peak, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen) { }
    }
}
