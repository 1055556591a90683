using LanguageExt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Saltant.Client;
using Saltant.DependencyInjection;
using Saltant.Domain;
using Xunit;

namespace Saltant.DependencyInjection.Tests;

/// <summary>
/// Settings bound from configuration are reported the way the user wrote them: problems name the
/// configuration key (<c>Saltant:AuthToken</c>), not the environment variable it stands for, the
/// exception a container throws for them is options validation's with plain sentences, and a
/// refusal of plain http names the key that allows it.
/// </summary>
public sealed class ConfigurationErrorTests
{
    // These read the process environment under the configuration, as the registration does; the
    // test process sets no SALTANT_ variable.
    private static ServiceProvider Provider(string section, params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSaltantClient(configuration, section);
        return services.BuildServiceProvider();
    }

    private static Seq<ConfigProblem> Problems(ServiceProvider provider) =>
        provider.GetRequiredService<ValidatedSaltantSettings>().Outcome.Match(Right: _ => Seq<ConfigProblem>.Empty, Left: e => e.Problems);

    [Fact]
    public void Each_problem_names_the_configuration_key_that_was_set()
    {
        using var provider = Provider("Saltant",
            ("Saltant:ApiUrl", "saltant.example.org/api/"),
            ("Saltant:AuthToken", "not a token"),
            ("Saltant:PageSize", "0"),
            ("Saltant:AllowInsecureHttp", "perhaps"));

        var problems = Problems(provider);

        Assert.Equal(["Saltant:ApiUrl", "Saltant:AuthToken", "Saltant:PageSize", "Saltant:AllowInsecureHttp"], problems.Map(p => p.Setting).ToArray());
        Assert.All(problems, p => Assert.StartsWith(p.Setting + " ", p.Message, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("SALTANT_", p.Message, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("not a token", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_set_nowhere_are_named_by_the_key_of_the_section_given()
    {
        using var provider = Provider("Tasks", ("Tasks:Username", "alice"));

        var problems = Problems(provider);

        Assert.Contains(problems, p => p is ConfigProblem.Missing && p.Message == "Tasks:ApiUrl is not set.");
        Assert.Contains(problems, p => p is ConfigProblem.Incomplete && p.Message == "Tasks:Username is set but Tasks:Password is not; both are needed.");
    }

    [Fact]
    public void Resolving_the_client_with_bad_settings_throws_options_validation_with_one_plain_sentence_per_problem()
    {
        using var provider = Provider("Saltant",
            ("Saltant:ApiUrl", "ftp://saltant.example.org/api/"),
            ("Saltant:AuthToken", "abc123"),
            ("Saltant:Timeout", "soon"));

        var thrown = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<SaltantClient>());

        Assert.Equal(typeof(Settings), thrown.OptionsType);
        Assert.Equal(Problems(provider).Map(p => p.Message).ToArray(), thrown.Failures.ToArray());
        Assert.Equal(string.Join("; ", thrown.Failures), thrown.Message);
        Assert.Contains("Saltant:ApiUrl must use http or https", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Saltant:Timeout must be a number", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', thrown.Message);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Settings>());
    }

    [Fact]
    public async Task Plain_http_to_another_host_is_refused_naming_the_configuration_key_that_allows_it()
    {
        using var provider = Provider("Saltant",
            ("Saltant:ApiUrl", "http://saltant.example.org/api/"),
            ("Saltant:AuthToken", "abc123"));
        var client = provider.GetRequiredService<SaltantClient>();

        var result = await client.TestAuthenticationAsync(CancellationToken.None);

        var refused = Assert.IsType<InsecureRequestRefused>(result.Match(Succ: _ => null!, Fail: e => (object)e));
        Assert.Contains("Saltant:AllowInsecureHttp=true", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Saltant:AllowInsecureHttp=true", client.Settings.InsecureHttpAllowance);
    }

    [Fact]
    public async Task The_refusal_names_the_environment_variable_for_settings_from_the_environment_and_the_argument_for_settings_in_code()
    {
        var fromEnvironment = Settings.FromEnvironment(new Dictionary<string, string?>
        {
            [SettingsVariables.ApiUrl] = "http://saltant.example.org/api/",
            [SettingsVariables.AuthToken] = "abc123",
        });
        var inCode = Settings.Create("http://saltant.example.org/api/", Authentication.Token("abc123"));

        foreach (var (settings, allowance) in new[] { (fromEnvironment, "SALTANT_ALLOW_INSECURE_HTTP=true"), (inCode, "Settings.WithAllowInsecureHttp(true)") })
        {
            var valid = settings.Match(Right: s => s, Left: e => throw new Xunit.Sdk.XunitException(e.Message));
            using var client = SaltantClient.Create(valid.WithCheckAuthentication(false));
            var result = await client.TestAuthenticationAsync(CancellationToken.None);
            var refused = Assert.IsType<InsecureRequestRefused>(result.Match(Succ: _ => null!, Fail: e => (object)e));
            Assert.Contains(allowance, refused.Message, StringComparison.Ordinal);
        }
    }
}
