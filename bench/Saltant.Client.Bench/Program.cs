using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;

namespace Saltant.Client.Bench;

/// <summary>
/// Client load harness: <c>dotnet Saltant.Client.Bench.dll</c> for a short run, <c>--full</c> for
/// the figures. Every scenario runs against its own in-process emulator and prints the client's
/// figure next to a baseline measured in the same run.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == StreamChild.Flag)
        {
            return await StreamChild.MainAsync(args).ConfigureAwait(false);
        }

        var plan = args.Contains("--full") ? BenchPlan.Long : BenchPlan.Short;
        Console.WriteLine($"Saltant.Client.Bench: {(plan.Full ? "full" : "short")} run, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                          $"medians of {plan.Repetitions} (throughput windows of {plan.RateWindow.TotalSeconds:0.#} s)");
        var table = new ResultTable();
        // --only NAME runs one group: overhead, streaming, batch, list, wait, sweep, startup.
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        bool Runs(string name) => only is null || only == name;
        if (Runs("overhead")) await Scenarios.OverheadAsync(plan, table).ConfigureAwait(false);
        if (Runs("streaming")) await Scenarios.StreamingAsync(plan, table).ConfigureAwait(false);
        if (Runs("batch")) await Scenarios.BatchAsync(plan, table).ConfigureAwait(false);
        if (Runs("list")) await CostModelScenarios.ListAllAsync(plan, table).ConfigureAwait(false);
        if (Runs("wait")) await CostModelScenarios.WaitRoundAsync(plan, table).ConfigureAwait(false);
        if (Runs("sweep")) await SweepScenario.SweepAsync(plan, table).ConfigureAwait(false);
        if (Runs("startup")) await StartupScenario.FirstCallAsync(plan, table).ConfigureAwait(false);
        table.Print();
        return 0;
    }

    /// <summary>Token settings for the emulator; everything else at the client's defaults unless given.</summary>
    internal static Settings SettingsFor(Uri apiRoot, string token, int readAheadPages = SettingsDefaults.ReadAheadPages) =>
        Settings.Create(apiRoot.AbsoluteUri, Authentication.Token(token), readAheadPages: readAheadPages)
            .Match(Right: s => s, Left: e => throw new InvalidOperationException(e.Message));

    /// <summary>The value of a successful result; a failure stops the bench with its message.</summary>
    internal static T Ok<T>(Fin<T> result, string what) =>
        result.IsSucc ? (T)result : throw new InvalidOperationException($"{what} failed: {((Error)result).Message}");
}
