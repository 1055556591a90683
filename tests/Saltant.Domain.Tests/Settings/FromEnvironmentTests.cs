using System.Globalization;
using CsCheck;
using LanguageExt;
using Saltant.Domain;
using Saltant.Testing;
using Xunit;
using static Saltant.Domain.Tests.Settings.SettingsAssert;

namespace Saltant.Domain.Tests.Settings;

public class FromEnvironmentTests
{
    private const string Token = "p0gch4mp101fy451do9uod1s1x9i4a";

    private static Either<ConfigError, Domain.Settings> Read(params (string Name, string? Value)[] variables) =>
        Domain.Settings.FromEnvironment(variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void The_two_saltant_py_variables_are_enough()
    {
        var settings = Valid(Read((SettingsVariables.ApiUrl, "https://shahlabjobs.ca/api/"), (SettingsVariables.AuthToken, Token)));
        Assert.Equal("https://shahlabjobs.ca/api/", settings.ApiRoot.AbsoluteUri);
        Assert.Equal(Authentication.Token(Token), settings.Authentication);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.Timeout);
        Assert.True(settings.CheckAuthentication);
    }

    [Fact]
    public void An_empty_environment_reports_both_missing_variables_not_just_the_first()
    {
        // saltant-py stops at SALTANT_API_URL; both are reported here so one fix suffices.
        var error = Invalid(Read());
        Assert.Equal(["SALTANT_API_URL:1001", "SALTANT_AUTH_TOKEN:1001"], Shape(error));
    }

    [Fact]
    public void A_variable_mapped_to_null_is_not_set() =>
        Assert.Equal(["SALTANT_API_URL:1001", "SALTANT_AUTH_TOKEN:1001"],
            Shape(Invalid(Read((SettingsVariables.ApiUrl, null), (SettingsVariables.AuthToken, null)))));

    [Fact]
    public void A_username_without_a_password_names_the_missing_password()
    {
        var error = Invalid(Read((SettingsVariables.ApiUrl, "https://h.example.org/api"), (SettingsVariables.Username, "alice")));
        Single(error, SettingsVariables.Password, ErrorCodes.ConfigIncomplete);
        Assert.Contains(SettingsVariables.Username, error.Message);
    }

    [Fact]
    public void A_token_and_a_login_together_conflict()
    {
        var error = Invalid(Read(
            (SettingsVariables.ApiUrl, "https://h.example.org/api"), (SettingsVariables.AuthToken, Token),
            (SettingsVariables.Username, "alice"), (SettingsVariables.Password, "correct horse")));
        var conflict = Assert.IsType<ConfigProblem.Conflict>(Assert.Single(error.Problems));
        Assert.Equal((SettingsVariables.Username, SettingsVariables.AuthToken), (conflict.Name, conflict.Other));
    }

    [Fact]
    public void A_jwt_login_and_a_jwt_pair_are_read()
    {
        var login = Valid(Read((SettingsVariables.ApiUrl, "https://h.example.org/api"), (SettingsVariables.Username, " alice "), (SettingsVariables.Password, " pw with spaces ")));
        Assert.Equal(Authentication.Login("alice", " pw with spaces "), login.Authentication);

        var pair = Valid(Read((SettingsVariables.ApiUrl, "https://h.example.org/api"), (SettingsVariables.JwtAccessToken, "aaa.bbb.ccc\n"), (SettingsVariables.JwtRefreshToken, "ddd.eee.fff")));
        Assert.Equal(Authentication.Jwt("aaa.bbb.ccc", "ddd.eee.fff"), pair.Authentication);
    }

    [Fact]
    public void Numbers_are_read_in_the_invariant_culture_whatever_the_machine_locale()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var url = (SettingsVariables.ApiUrl, (string?)"https://h.example.org/api");
            var token = (SettingsVariables.AuthToken, (string?)Token);
            Assert.Equal(TimeSpan.FromSeconds(12.5), Valid(Read(url, token, (SettingsVariables.Timeout, "12.5"))).Timeout);
            Single(Invalid(Read(url, token, (SettingsVariables.Timeout, "12,5"))), SettingsVariables.Timeout, ErrorCodes.ConfigBadNumber);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Valid_environments_give_settings_equal_to_their_inputs() =>
        SettingsGen.ValidEnvironment.Sample(env =>
        {
            var s = Valid(Domain.Settings.FromEnvironment(env.Variables));
            Assert.Equal(env.ApiRoot, s.ApiRoot.AbsoluteUri);
            Assert.Equal(env.Authentication, s.Authentication);
            Assert.Equal(env.Timeout, s.Timeout);
            Assert.Equal(env.CheckAuthentication, s.CheckAuthentication);
            Assert.Equal(env.MaxRetries, s.MaxRetries);
            Assert.Equal(env.PageSize, s.PageSize);
            Assert.Equal(env.ReadAheadPages, s.ReadAheadPages);
            Assert.Equal(env.BatchConcurrency, s.BatchConcurrency);
            Assert.Equal(env.WaitRefreshPeriod, s.WaitRefreshPeriod);
            Assert.Equal(env.AllowInsecureHttp, s.AllowInsecureHttp);
            Assert.Equal(env.UserAgent, s.UserAgent);
            Assert.Equal(env.MaxRetryAfter, s.MaxRetryAfter);
            Assert.Equal(SettingsDefaults.RetryBaseDelay, s.RetryBaseDelay);
            Assert.Equal(SettingsDefaults.RetryMaxDelay, s.RetryMaxDelay);
        }, iter: 1000);

    [Fact]
    public void Invalid_environments_report_exactly_their_problems() =>
        SettingsGen.InvalidEnvironment.Sample(env =>
        {
            var error = Invalid(Domain.Settings.FromEnvironment(env.Variables));
            Assert.Equal(Shape(env.Problems), Shape(error));
            Assert.All(error.Problems, p => Assert.Contains(p.Setting, SettingsVariables.All));
        }, iter: 2000);

    // What a configuration binder does: the same values, each shown as the key the user set.
    private static string Key(string variable) => "Section:" + variable["SALTANT_".Length..].ToLowerInvariant();

    [Fact]
    public void Values_read_under_other_names_report_the_same_problems_each_naming_only_the_other_name() =>
        SettingsGen.InvalidEnvironment.Sample(env =>
        {
            var plain = Invalid(Domain.Settings.FromEnvironment(env.Variables));
            var renamed = Invalid(Domain.Settings.FromVariables(env.Variables, Key));
            Assert.Equal(plain.Problems.Map(p => (Key(p.Setting), p.Code)).ToArray(), renamed.Problems.Map(p => (p.Setting, p.Code)).ToArray());
            Assert.All(renamed.Problems, p => Assert.DoesNotContain("SALTANT_", p.Message, StringComparison.Ordinal));
            Assert.All(renamed.Problems, p => Assert.Contains(p.Setting, p.Message, StringComparison.Ordinal));
        }, iter: 1000);

    [Fact]
    public void Settings_say_how_to_allow_plain_http_in_the_terms_they_were_made_in()
    {
        (string, string?)[] variables = [(SettingsVariables.ApiUrl, "http://saltant.example.org/api/"), (SettingsVariables.AuthToken, Token)];
        var fromEnvironment = Valid(Read(variables));
        var renamed = Valid(Domain.Settings.FromVariables(variables.ToDictionary(v => v.Item1, v => v.Item2), Key));
        var inCode = Valid(Domain.Settings.Create("http://saltant.example.org/api/", Authentication.Token(Token)));

        Assert.Equal("SALTANT_ALLOW_INSECURE_HTTP=true", fromEnvironment.InsecureHttpAllowance);
        Assert.Equal("Section:allow_insecure_http=true", renamed.InsecureHttpAllowance);
        Assert.Contains("WithAllowInsecureHttp(true)", inCode.InsecureHttpAllowance, StringComparison.Ordinal);
        Assert.Equal(fromEnvironment.InsecureHttpAllowance, Valid(fromEnvironment.WithPageSize(7)).InsecureHttpAllowance);
        Assert.Equal(fromEnvironment.InsecureHttpAllowance, fromEnvironment.WithCheckAuthentication(false).InsecureHttpAllowance);

        // Where settings came from is not what they are: equal values are equal settings.
        Assert.Equal(inCode, fromEnvironment);
        Assert.Equal(inCode.GetHashCode(), renamed.GetHashCode());
    }
}
