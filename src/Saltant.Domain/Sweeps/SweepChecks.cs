using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// Everything wrong with a sweep before anything is created: its name, each key, repeated keys, and
/// each set's missing required arguments, all at once, so a bad sweep creates nothing.
/// </summary>
public static class SweepChecks
{
    /// <summary>Every problem of the sweep, in the sets' order (empty when it can run).</summary>
    /// <param name="sweep">The sweep's name.</param>
    /// <param name="items">The argument sets.</param>
    /// <param name="type">The task type the sets run.</param>
    public static Seq<SweepProblem> Problems(string sweep, Seq<SweepItem> items, TaskType type)
    {
        if (SweepNames.SweepNameProblem(sweep).Case is string bad)
        {
            return Seq1(new SweepProblem("(sweep)", bad));
        }

        var defaulted = type.RequiredArgumentsDefaultValues.Members.Map(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var needed = type.RequiredArguments.Filter(a => !defaulted.Contains(a));
        var repeated = items.Map(i => i.Key).GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return items.Zip(toSeq(Enumerable.Range(0, items.Count))).Bind(x =>
        {
            var key = x.Item1.Key ?? "";
            var label = string.IsNullOrEmpty(key) ? $"#{x.Item2 + 1}" : key;
            var keyProblem = SweepNames.KeyProblem(sweep, key).Map(p => new SweepProblem(label, p)).ToSeq();
            var repeat = repeated.Contains(key) && key.Length > 0 ? Seq1(new SweepProblem(label, "the key is used by more than one set")) : Seq<SweepProblem>();
            var arguments = x.Item1.Arguments ?? Json.EmptyObject;
            var given = arguments.Members.Map(m => m.Key).ToHashSet(StringComparer.Ordinal);
            var missing = needed.Filter(a => !given.Contains(a)).ToSeq();
            var argumentProblem = missing.IsEmpty
                ? Seq<SweepProblem>()
                : Seq1(new SweepProblem(label, $"required argument{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} missing (task type {type.Name})"));
            return keyProblem + repeat + argumentProblem;
        }).Distinct().ToSeq();
    }
}
