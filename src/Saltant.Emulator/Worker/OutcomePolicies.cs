using System.Globalization;
using System.Text.RegularExpressions;

namespace Saltant.Emulator.Worker;

/// <summary>Ready-made outcome policies; any <c>Func&lt;TaskRun, TaskOutcome&gt;</c> can replace them.</summary>
public static partial class OutcomePolicies
{
    [GeneratedRegex(@"(?:^|[\s;&|('""])exit\s+(?<code>\d+)")]
    private static partial Regex ExitRe();

    [GeneratedRegex(@"(?:^|[\s;&|('""])sleep\s+(?<secs>\d+(?:\.\d+)?)")]
    private static partial Regex SleepRe();

    /// <summary>
    /// Reads the command text only: <c>false</c> (or <c>/bin/false</c>) and <c>exit N</c> with N ≠ 0 fail,
    /// <c>sleep N</c> takes N seconds, anything else succeeds at once. Containers follow the same rules.
    /// </summary>
    public static TaskOutcome ByCommand(TaskRun run)
    {
        var cmd = run.CommandToRun.Trim();
        var first = cmd.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        bool fails = first == "false" || first.EndsWith("/false", StringComparison.Ordinal);
        foreach (Match m in ExitRe().Matches(cmd))
            if (m.Groups["code"].Value.TrimStart('0').Length > 0) fails = true;
        double seconds = 0;
        foreach (Match m in SleepRe().Matches(cmd))
            seconds += double.Parse(m.Groups["secs"].Value, CultureInfo.InvariantCulture);
        return new TaskOutcome(!fails, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>
    /// Like the recording's host, which had neither Docker nor Singularity: container tasks fail at once,
    /// executable tasks follow <see cref="ByCommand"/>.
    /// </summary>
    public static TaskOutcome NoContainerRuntime(TaskRun run) =>
        run.Kind == TaskRunKind.Container ? TaskOutcome.Failure : ByCommand(run);

    /// <summary>Every task succeeds, after the time its command's <c>sleep N</c> asks for (as in <see cref="ByCommand"/>).</summary>
    public static TaskOutcome AlwaysSucceed(TaskRun run) => ByCommand(run) with { Succeeds = true };

    /// <summary>Every task fails, after the time its command's <c>sleep N</c> asks for (as in <see cref="ByCommand"/>).</summary>
    public static TaskOutcome AlwaysFail(TaskRun run) => ByCommand(run) with { Succeeds = false };
}
