using LanguageExt;
using Saltant.Domain;
using Saltant.Testing;
using Xunit;

namespace Saltant.Domain.Tests.Settings;

/// <summary>Unwrapping helpers for the settings tests.</summary>
internal static class SettingsAssert
{
    public static Domain.Settings Valid(Either<ConfigError, Domain.Settings> result) =>
        result.Match(Right: s => s, Left: e => throw new Xunit.Sdk.XunitException("Expected settings, got: " + e.Message));

    public static ConfigError Invalid(Either<ConfigError, Domain.Settings> result) =>
        result.Match(Right: s => throw new Xunit.Sdk.XunitException("Expected a ConfigError, got: " + s), Left: e => e);

    /// <summary>The problems as a sorted multiset of (setting, code), for comparing with expectations.</summary>
    public static List<string> Shape(IEnumerable<ExpectedProblem> problems) =>
        problems.Select(p => p.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();

    public static List<string> Shape(ConfigError error) => Shape(error.Problems.Map(ExpectedProblem.Of));

    /// <summary>Every credential text an authentication holds.</summary>
    public static IEnumerable<string> SecretsOf(Authentication authentication) => authentication.Match(
        token: t => [t.Key.Reveal()],
        login: l => [l.Password.Reveal()],
        jwt: j => new[] { j.Access.Reveal(), j.Refresh.Reveal() });

    public static void Single(ConfigError error, string setting, int code)
    {
        var problem = Assert.Single(error.Problems);
        Assert.Equal(setting, problem.Setting);
        Assert.Equal(code, problem.Code);
    }
}
