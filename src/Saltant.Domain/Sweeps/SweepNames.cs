using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// How a sweep's instances are named, so the server itself records which exist: <c>{sweep}/{key}</c>.
/// A sweep name holds no <c>/</c>, so the name tells its sweep and key apart, and the names of one
/// sweep are exactly those starting with <c>{sweep}/</c>.
/// </summary>
public static class SweepNames
{
    /// <summary>The longest instance name the server stores.</summary>
    public const int MaxInstanceName = 200;

    /// <summary>The name of the instance of <paramref name="key"/> in <paramref name="sweep"/>.</summary>
    /// <param name="sweep">The sweep's name.</param>
    /// <param name="key">The set's key.</param>
    public static string InstanceName(string sweep, string key) => $"{sweep}/{key}";

    /// <summary>The prefix every instance name of <paramref name="sweep"/> starts with.</summary>
    /// <param name="sweep">The sweep's name.</param>
    public static string Prefix(string sweep) => sweep + "/";

    /// <summary>The key an instance name holds, if it is one of <paramref name="sweep"/>'s.</summary>
    /// <param name="sweep">The sweep's name.</param>
    /// <param name="instanceName">An instance's name.</param>
    public static Option<string> KeyOf(string sweep, string instanceName) =>
        instanceName.StartsWith(Prefix(sweep), StringComparison.Ordinal) && instanceName.Length > sweep.Length + 1
            ? Some(instanceName[(sweep.Length + 1)..])
            : None;

    /// <summary>Why the sweep name cannot be used, if it cannot.</summary>
    /// <param name="sweep">The sweep's name.</param>
    public static Option<string> SweepNameProblem(string? sweep) => sweep switch
    {
        null or "" => "a sweep needs a name",
        _ when sweep.Trim() != sweep => "a sweep name cannot start or end with whitespace (the server's name filter trims it)",
        _ when sweep.Contains('/', StringComparison.Ordinal) => "a sweep name cannot hold '/', which separates it from the keys in instance names",
        _ when sweep.Any(char.IsControl) => "a sweep name cannot hold control characters",
        _ => None,
    };

    /// <summary>Why a key cannot be used in <paramref name="sweep"/>, if it cannot.</summary>
    /// <param name="sweep">The sweep's name.</param>
    /// <param name="key">The key.</param>
    public static Option<string> KeyProblem(string sweep, string? key) => key switch
    {
        null or "" => "the key is empty",
        _ when key.Trim() != key => "the key starts or ends with whitespace (the server's name filter trims it)",
        _ when key.Any(char.IsControl) => "the key holds control characters",
        _ when InstanceName(sweep, key).Length > MaxInstanceName =>
            $"the instance name \"{sweep}/…\" would be {InstanceName(sweep, key).Length} characters; the server keeps at most {MaxInstanceName}",
        _ => None,
    };
}
