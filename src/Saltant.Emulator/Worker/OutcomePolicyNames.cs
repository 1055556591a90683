using System.Diagnostics.CodeAnalysis;

namespace Saltant.Emulator.Worker;

/// <summary>
/// The names a command line uses for the ready-made <see cref="OutcomePolicies"/> (the standalone
/// emulator's and <c>saltant emulator</c>'s <c>--worker-policy</c>), so both spell them alike.
/// </summary>
public static class OutcomePolicyNames
{
    /// <summary><see cref="OutcomePolicies.ByCommand"/>, the default.</summary>
    public const string ByCommand = "by-command";

    /// <summary><see cref="OutcomePolicies.NoContainerRuntime"/>: container tasks fail, as on the recording's host.</summary>
    public const string NoContainerRuntime = "no-container-runtime";

    /// <summary><see cref="OutcomePolicies.AlwaysSucceed"/>.</summary>
    public const string AlwaysSucceed = "always-succeed";

    /// <summary><see cref="OutcomePolicies.AlwaysFail"/>.</summary>
    public const string AlwaysFail = "always-fail";

    private static readonly (string Name, Func<TaskRun, TaskOutcome> Policy, string Summary)[] Table =
    [
        (ByCommand, OutcomePolicies.ByCommand, "false and exit N fail, sleep N takes N seconds, the rest succeeds; containers alike"),
        (NoContainerRuntime, OutcomePolicies.NoContainerRuntime, "as by-command, but every container task fails (a host without Docker or Singularity)"),
        (AlwaysSucceed, OutcomePolicies.AlwaysSucceed, "every task succeeds (sleep N still takes N seconds)"),
        (AlwaysFail, OutcomePolicies.AlwaysFail, "every task fails (sleep N still takes N seconds)"),
    ];

    /// <summary>Every name, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Table.Select(row => row.Name)];

    /// <summary>One line per name saying what it does, for a command's help.</summary>
    public static IReadOnlyList<string> Descriptions { get; } = [.. Table.Select(row => $"{row.Name}: {row.Summary}")];

    /// <summary>The policy a name stands for (names are matched exactly, lower case).</summary>
    /// <param name="name">One of <see cref="All"/>.</param>
    /// <param name="policy">The policy, when the name is known.</param>
    public static bool TryGet(string name, [NotNullWhen(true)] out Func<TaskRun, TaskOutcome>? policy)
    {
        foreach (var row in Table)
        {
            if (row.Name == name)
            {
                policy = row.Policy;
                return true;
            }
        }
        policy = null;
        return false;
    }
}
