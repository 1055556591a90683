using System.Text;
using System.Collections.Generic;
using LanguageExt;
using Saltant.Client;
using Saltant.Domain;

namespace Saltant.SweepSample;

/// <summary>What the two runs did, as text.</summary>
internal static class Report
{
    internal static string Render(Fin<Seq<SweepResult<ExecutableTaskInstance>>> first, Seq<SweepResult<ExecutableTaskInstance>> second, IReadOnlyDictionary<SweepStep, int> steps)
    {
        var text = new StringBuilder();
        text.AppendLine(first.Match(
            Succ: all => $"Run 1 finished all {all.Count} sets.",
            Fail: error => $"Run 1 was cut short, as a crash or Ctrl+C would be ({error.Message})."));
        int Count(SweepStep step) => steps.TryGetValue(step, out var n) ? n : 0;
        text.AppendLine($"Run 2 found {Count(SweepStep.Found)} sets on the server, launched the {Count(SweepStep.Created)} missing, re-ran {Count(SweepStep.Cloned)} failed.");
        var reruns = second.Filter(r => r.Attempts.Count > 1);
        var succeeded = second.Count(r => r.Succeeded);
        text.AppendLine($"Run 2: {second.Count} sets, {succeeded} succeeded, {second.Count - succeeded} did not; {reruns.Count} re-run after a failure ({string.Join(", ", reruns.Map(r => r.Key))}).");
        text.AppendLine($"Instances on the server: {second.Sum(r => r.Attempts.Count)} for {second.Count} sets, each set launched once (plus its re-runs).");
        foreach (var result in second.Take(3))
        {
            text.AppendLine(result.Outcome.Match(
                Succ: i => $"  {result.Key,-10} {i.State.WireName,-10} {i.Name} {i.Arguments}",
                Fail: e => $"  {result.Key,-10} not run: {e.Message}"));
        }

        text.AppendLine("  …");
        return text.ToString();
    }
}
