namespace Saltant.Emulator.Cost;

/// <summary>
/// A model of a CPU-bound server's cost, for benchmarking a client against the emulator as if it were
/// the real saltant server. With a model set (<see cref="SaltantEmulatorOptions.ServerCost"/>), every
/// request the API handles first waits for one of <see cref="Concurrency"/> slots, then holds it for
/// <see cref="PerRequest"/> + <see cref="PerRecord"/> × the records serialised in the answer's
/// <c>results</c> (0 for anything but a list page) before its answer is sent. The time is spent in
/// delays on the real clock, never in burnt CPU, so a client measured on the same cores is not slowed
/// by the model; a request is charged in full even when its client has gone, as a server's worker
/// finishes what it began. Requests a fault stops before processing (gateway errors, 429, resets and
/// closes before processing) cost nothing. <see cref="ServerCostMeter"/> counts what was charged.
/// </summary>
/// <param name="PerRequest">Time every handled request holds a slot.</param>
/// <param name="PerRecord">Time added per record serialised in a list page's results.</param>
/// <param name="Concurrency">Requests served at once (at least 1; <see cref="int.MaxValue"/> for no limit); the rest wait their turn.</param>
public sealed record ServerCost(TimeSpan PerRequest, TimeSpan PerRecord, int Concurrency)
{
    // Backing fields checked on construction and on every `with`, so no model has a negative cost or no slot.
    private readonly TimeSpan _perRequest = NotNegative(PerRequest, nameof(PerRequest));
    private readonly TimeSpan _perRecord = NotNegative(PerRecord, nameof(PerRecord));
    private readonly int _concurrency = AtLeastOne(Concurrency);

    /// <summary>Time every handled request holds a slot.</summary>
    public TimeSpan PerRequest { get => _perRequest; init => _perRequest = NotNegative(value, nameof(PerRequest)); }

    /// <summary>Time added per record serialised in a list page's results.</summary>
    public TimeSpan PerRecord { get => _perRecord; init => _perRecord = NotNegative(value, nameof(PerRecord)); }

    /// <summary>Requests served at once (at least 1; <see cref="int.MaxValue"/> for no limit).</summary>
    public int Concurrency { get => _concurrency; init => _concurrency = AtLeastOne(value); }

    /// <summary>
    /// The real saltant server as measured on 2 CPUs (nginx, uWSGI 4 processes × 2 threads, PostgreSQL):
    /// one detail GET 18 ms alone and about 99/s over 8 connections, a page of 100 instances 74 ms
    /// alone and about 24/s, a page of 2,000 about 1.0–1.25 s. So 18 ms per request, 0.55 ms per
    /// record serialised, and about two requests' worth of CPU at a time.
    /// </summary>
    public static ServerCost Saltant { get; } = new(TimeSpan.FromMilliseconds(18), TimeSpan.FromMilliseconds(0.55), 2);

    /// <summary>The time a request that serialised <paramref name="records"/> records holds its slot.</summary>
    /// <param name="records">Records in the answer's results (0 for anything but a list page).</param>
    /// <returns>The charge, at most <see cref="TimeSpan.MaxValue"/> (a huge page of a costly model saturates rather than overflows).</returns>
    public TimeSpan Charge(int records)
    {
        var ticks = PerRequest.Ticks + (decimal)PerRecord.Ticks * Math.Max(records, 0);
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The names a command line gives the presets: <c>none</c> (no model) and <c>saltant</c> (<see cref="Saltant"/>).</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["none", "saltant"];

    /// <summary>The preset a command line names: false for an unknown name; <paramref name="cost"/> is null for <c>none</c>.</summary>
    /// <param name="name">One of <see cref="PresetNames"/>.</param>
    /// <param name="cost">The preset, or null for no model.</param>
    public static bool TryGetPreset(string name, out ServerCost? cost)
    {
        cost = name switch { "saltant" => Saltant, _ => null };
        return name is "none" or "saltant";
    }

    /// <summary>
    /// What a command line's fine options make of a preset: each given part replaces the preset's;
    /// with no preset, the parts not given cost nothing and leave concurrency unlimited. Null when
    /// neither a preset nor any part is given.
    /// </summary>
    /// <param name="preset">The preset named, or null.</param>
    /// <param name="perRequest">A per-request cost, or null to keep the preset's.</param>
    /// <param name="perRecord">A per-record cost, or null to keep the preset's.</param>
    /// <param name="concurrency">A concurrency, or null to keep the preset's.</param>
    public static ServerCost? Override(ServerCost? preset, TimeSpan? perRequest, TimeSpan? perRecord, int? concurrency)
    {
        if (perRequest is null && perRecord is null && concurrency is null) return preset;
        var basis = preset ?? new ServerCost(TimeSpan.Zero, TimeSpan.Zero, int.MaxValue);
        return basis with
        {
            PerRequest = perRequest ?? basis.PerRequest,
            PerRecord = perRecord ?? basis.PerRecord,
            Concurrency = concurrency ?? basis.Concurrency,
        };
    }

    /// <summary>One line for people, e.g. "18 ms per request + 0.55 ms per record, 2 requests at a time".</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{PerRequest.TotalMilliseconds} ms per request + {PerRecord.TotalMilliseconds} ms per record, {(Concurrency == int.MaxValue ? "no limit on" : Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture))} requests at a time");

    private static TimeSpan NotNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "A cost is not negative.");

    private static int AtLeastOne(int value) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Concurrency), value, "At least one request is served at a time.");
}
