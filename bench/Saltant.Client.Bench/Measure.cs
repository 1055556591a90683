using System.Diagnostics;
using System.Globalization;

namespace Saltant.Client.Bench;

/// <summary>How long and how often to measure: <c>--full</c> for the figures, the default for a quick check.</summary>
/// <param name="Full">Whether this is the full run.</param>
/// <param name="RateWindow">How long one throughput measurement runs.</param>
/// <param name="WarmUp">How long each side warms up before its first measurement.</param>
/// <param name="Repetitions">Measurements per figure; the median is reported.</param>
/// <param name="StreamedInstances">How many instances the streaming scenario lists.</param>
internal sealed record BenchPlan(bool Full, TimeSpan RateWindow, TimeSpan WarmUp, int Repetitions, int StreamedInstances)
{
    internal static BenchPlan Short { get; } = new(false, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.3), 3, 20_000);

    internal static BenchPlan Long { get; } = new(true, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 5, 100_000);
}

/// <summary>Timing helpers: throughput over a window, elapsed time, medians.</summary>
internal static class Measure
{
    /// <summary>Operations per second with <paramref name="concurrency"/> loops running for <paramref name="window"/>.</summary>
    internal static async Task<double> RateAsync(Func<Task> operation, int concurrency, TimeSpan window)
    {
        long count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < window)
            {
                await operation().ConfigureAwait(false);
                Interlocked.Increment(ref count);
            }
        })).ConfigureAwait(false);
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>How long the operation takes, once.</summary>
    internal static async Task<TimeSpan> TimeAsync(Func<Task> operation)
    {
        var clock = Stopwatch.StartNew();
        await operation().ConfigureAwait(false);
        return clock.Elapsed;
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException("no measurements");
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// Runs two measurements <paramref name="repetitions"/> times, alternating which goes first so
    /// drift (JIT tiering, a growing store, a busy neighbour) hits both alike; returns both medians.
    /// </summary>
    internal static async Task<(double A, double B)> PairedMediansAsync(Func<Task<double>> a, Func<Task<double>> b, int repetitions)
    {
        var aValues = new List<double>();
        var bValues = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            if (i % 2 == 0)
            {
                aValues.Add(await a().ConfigureAwait(false));
                bValues.Add(await b().ConfigureAwait(false));
            }
            else
            {
                bValues.Add(await b().ConfigureAwait(false));
                aValues.Add(await a().ConfigureAwait(false));
            }
        }

        return (Median(aValues), Median(bValues));
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One line of the results table: a figure, its baseline, and their ratio against the target.</summary>
/// <param name="Scenario">What was measured.</param>
/// <param name="Client">The client's figure, with its unit.</param>
/// <param name="Baseline">The baseline's figure, with its unit and what it is.</param>
/// <param name="Ratio">The ratio, said which way round.</param>
/// <param name="Target">The target for the ratio (or the figure), or empty.</param>
/// <param name="Met">Whether the target was met; null when there is none.</param>
internal sealed record ResultRow(string Scenario, string Client, string Baseline, string Ratio, string Target, bool? Met);

/// <summary>Collects rows and prints them as one table.</summary>
internal sealed class ResultTable
{
    private readonly List<ResultRow> rows = [];

    internal void Add(ResultRow row)
    {
        rows.Add(row);
        Console.WriteLine($"  {row.Scenario}: client {row.Client} | baseline {row.Baseline} | {row.Ratio}{(row.Target.Length > 0 ? $" (target {row.Target})" : "")}");
    }

    internal void Print()
    {
        string[] header = ["scenario", "client", "baseline", "ratio", "target", "met"];
        var cells = rows.Select(r => new[] { r.Scenario, r.Client, r.Baseline, r.Ratio, r.Target, r.Met switch { true => "yes", false => "NO", null => "-" } }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        string Line(string[] c) => "| " + string.Join(" | ", c.Select((s, i) => s.PadRight(widths[i]))) + " |";
        Console.WriteLine();
        Console.WriteLine(Line(header));
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var c in cells)
        {
            Console.WriteLine(Line(c));
        }
    }
}
