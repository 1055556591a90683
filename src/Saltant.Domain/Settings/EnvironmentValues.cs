using System.Globalization;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// Reads optional variables from an environment given as a dictionary: an absent variable (or one
/// mapped to <c>null</c>) takes its default, a blank one is a problem, and the rest is parsed with
/// the invariant culture so that a machine's locale never changes what <c>1.5</c> means.
/// </summary>
internal static class EnvironmentValues
{
    /// <summary>The variable's text, if it is set (even to a blank).</summary>
    public static Option<string> Get(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && value is not null ? Some(value) : None;

    /// <summary>An optional variable: its default when not set, <see cref="ConfigProblem.Empty"/> when blank, else parsed (trimmed).</summary>
    public static Validation<ConfigProblem, T> Optional<T>(
        IReadOnlyDictionary<string, string?> environment, string name, T fallback, Func<string, Validation<ConfigProblem, T>> parse) =>
        Get(environment, name).Match(
            Some: text => string.IsNullOrWhiteSpace(text)
                ? Fail<ConfigProblem, T>(new ConfigProblem.Empty(name))
                : parse(text.Trim()),
            None: () => Success<ConfigProblem, T>(fallback));

    /// <summary>A duration in seconds, decimals allowed.</summary>
    public static Validation<ConfigProblem, TimeSpan> Seconds(
        IReadOnlyDictionary<string, string?> environment, string name, TimeSpan fallback, int maxSeconds) =>
        Optional(environment, name, fallback, text => Number(name, text).Bind(n => SettingRules.Seconds(name, n, text, maxSeconds)));

    /// <summary>A whole number in a range.</summary>
    public static Validation<ConfigProblem, int> WholeNumber(
        IReadOnlyDictionary<string, string?> environment, string name, int fallback, int min, int max) =>
        Optional(environment, name, fallback, text => Number(name, text).Bind(n => SettingRules.WholeNumber(name, n, text, min, max)));

    /// <summary>A boolean: <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c>, any case.</summary>
    public static Validation<ConfigProblem, bool> Boolean(
        IReadOnlyDictionary<string, string?> environment, string name, bool fallback) =>
        Optional(environment, name, fallback, text => text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => Success<ConfigProblem, bool>(true),
            "false" or "0" or "no" => Success<ConfigProblem, bool>(false),
            _ => Fail<ConfigProblem, bool>(new ConfigProblem.BadBoolean(name, text)),
        });

    // Decimal, not double: no NaN or infinity to guard against, and seconds convert to ticks exactly.
    private static Validation<ConfigProblem, decimal> Number(string name, string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Success<ConfigProblem, decimal>(value)
            : Fail<ConfigProblem, decimal>(new ConfigProblem.BadNumber(name, text));
}
