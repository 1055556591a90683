using System.Globalization;
using System.Text;
using LanguageExt;
using Saltant.Domain;

namespace Saltant.Quickstart;

/// <summary>The final table when no live table showed it: each instance's name, state and how long it took.</summary>
internal static class ResultTable
{
    internal static string Render(Seq<ExecutableTaskInstance> instances)
    {
        var rows = instances.Map(i => (
            Name: i.Name,
            State: i.State.ToString(),
            Duration: i.DatetimeFinished is { } end ? (end - i.DatetimeCreated).TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture) : "-",
            Uuid: i.Uuid.ToString()));
        var nameWidth = Math.Max(4, rows.Map(r => r.Name.Length).Max());
        var table = new StringBuilder();
        table.AppendLine($"{"name".PadRight(nameWidth)}  {"state",-12}  {"duration",9}  uuid");
        foreach (var row in rows)
        {
            table.AppendLine($"{row.Name.PadRight(nameWidth)}  {row.State,-12}  {row.Duration,9}  {row.Uuid}");
        }

        table.AppendLine(Summary(instances));
        return table.ToString();
    }

    /// <summary>The last line alone, after a live table that already showed every row.</summary>
    internal static string Summary(Seq<ExecutableTaskInstance> instances)
    {
        var failed = instances.Count(i => i.State is TaskState.Failed);
        return $"{instances.Count - failed} of {instances.Count} instances succeeded; {failed} failed, as the quickstart intends.";
    }
}
