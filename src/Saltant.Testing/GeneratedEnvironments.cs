using LanguageExt;
using Saltant.Domain;

namespace Saltant.Testing;

/// <summary>One problem a generated environment is known to have: the setting it names and its <see cref="ErrorCodes"/> code.</summary>
/// <param name="Setting">The variable the problem must name (<see cref="ConfigProblem.Setting"/>).</param>
/// <param name="Code">The problem's code (<see cref="ConfigProblem.Code"/>).</param>
public sealed record ExpectedProblem(string Setting, int Code)
{
    /// <summary>The expectation a problem meets.</summary>
    /// <param name="problem">The problem reported.</param>
    public static ExpectedProblem Of(ConfigProblem problem) => new(problem.Setting, problem.Code);

    /// <inheritdoc />
    public override string ToString() => $"{Setting}:{Code}";
}

/// <summary>
/// A generated environment that <see cref="Settings.FromEnvironment"/> must accept, with the value
/// each setting must end up with (defaults for the variables left unset).
/// </summary>
/// <param name="Variables">The environment (it may also hold unrelated variables and names mapped to <c>null</c>).</param>
/// <param name="ApiRoot">The normalised API root (ending in <c>/</c>).</param>
/// <param name="Authentication">The authentication chosen.</param>
/// <param name="Timeout">The request timeout.</param>
/// <param name="CheckAuthentication">Whether to check authentication when connecting.</param>
/// <param name="MaxRetries">The retries.</param>
/// <param name="PageSize">The page size.</param>
/// <param name="ReadAheadPages">The read-ahead pages.</param>
/// <param name="BatchConcurrency">The batch concurrency.</param>
/// <param name="WaitRefreshPeriod">The wait refresh period.</param>
/// <param name="AllowInsecureHttp">Whether plain http to other hosts is allowed.</param>
/// <param name="UserAgent">The user agent.</param>
/// <param name="MaxRetryAfter">The longest Retry-After a retry waits for.</param>
public sealed record ValidEnvironment(
    IReadOnlyDictionary<string, string?> Variables,
    string ApiRoot,
    Authentication Authentication,
    TimeSpan Timeout,
    bool CheckAuthentication,
    int MaxRetries,
    int PageSize,
    int ReadAheadPages,
    int BatchConcurrency,
    TimeSpan WaitRefreshPeriod,
    bool AllowInsecureHttp,
    string UserAgent,
    TimeSpan MaxRetryAfter)
{
    /// <summary>The variables, one <c>NAME=value</c> a line (test data only: the credentials are made up).</summary>
    public override string ToString() => EnvironmentText.Show(Variables);
}

/// <summary>
/// A generated environment with a known, non-empty set of problems: <see cref="Settings.FromEnvironment"/>
/// must report exactly these (by setting and code), no more and no fewer.
/// </summary>
/// <param name="Variables">The environment.</param>
/// <param name="Problems">The problems injected, as a multiset in no particular order.</param>
public sealed record InvalidEnvironment(IReadOnlyDictionary<string, string?> Variables, Seq<ExpectedProblem> Problems)
{
    /// <summary>The variables and the expected problems (test data only: the credentials are made up).</summary>
    public override string ToString() =>
        EnvironmentText.Show(Variables) + "\nexpected: " + string.Join(", ", Problems);
}

/// <summary>Prints a generated environment for failure messages.</summary>
internal static class EnvironmentText
{
    public static string Show(IReadOnlyDictionary<string, string?> variables) =>
        string.Join("\n", variables.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Value is null ? $"{kv.Key} (null)" : $"{kv.Key}=\"{kv.Value}\""));
}
