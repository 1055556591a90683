using LanguageExt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saltant.Client;
using Saltant.DependencyInjection;
using Saltant.Domain;
using Saltant.Emulator;
using Xunit;

namespace Saltant.DependencyInjection.Tests;

public sealed class AddSaltantClientTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public async Task A_client_bound_from_configuration_talks_to_the_server_through_the_factorys_http_client()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddSaltantClient(Configuration(
            ("Saltant:ApiUrl", emulator.ApiUrl.ToString()),
            ("Saltant:AuthToken", emulator.User("alice").Token),
            ("Saltant:Timeout", "7.5"),
            ("Saltant:BatchConcurrency", "3")));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SaltantClient>();
        var user = await client.Users.GetAsync(new Username("alice"));

        Assert.Equal("alice@example.com", ((User)user).Email);
        Assert.Equal(TimeSpan.FromSeconds(7.5), client.Settings.Timeout);
        Assert.Equal(3, client.Settings.BatchConcurrency);
        Assert.Same(client, provider.GetRequiredService<SaltantClient>());
        Assert.Equal(1, emulator.Requests.Count("GET", "users/alice/"));
    }

    [Fact]
    public void Configuration_keys_are_the_environment_variables_in_pascal_case()
    {
        Assert.Equal("SALTANT_API_URL", SaltantConfigurationKeys.ToVariables["ApiUrl"]);
        Assert.Equal("SALTANT_JWT_REFRESH_TOKEN", SaltantConfigurationKeys.ToVariables["JwtRefreshToken"]);
        Assert.Equal(SettingsVariables.All.Count, SaltantConfigurationKeys.ToVariables.Count);
    }

    [Fact]
    public void Invalid_configuration_reports_every_problem_without_resolving_the_client()
    {
        var services = new ServiceCollection();
        services.AddSaltantClient(Configuration(
            ("Saltant:ApiUrl", "ftp://example.org/api/"),
            ("Saltant:AuthToken", "not a token"),
            ("Saltant:Timeout", "soon")));
        using var provider = services.BuildServiceProvider();

        var validated = provider.GetRequiredService<ValidatedSaltantSettings>();

        Assert.True(validated.Outcome.IsLeft);
        var problems = validated.Outcome.Match(Right: _ => Seq<ConfigProblem>.Empty, Left: e => e.Problems);
        Assert.Contains(problems, p => p.Setting == "Saltant:ApiUrl");
        Assert.Contains(problems, p => p.Setting == "Saltant:Timeout");
        var thrown = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<SaltantClient>());
        Assert.Contains("Saltant:ApiUrl", thrown.Message);
        Assert.DoesNotContain("not a token", thrown.Message);
    }

    [Fact]
    public void A_section_other_than_the_default_can_be_named()
    {
        var services = new ServiceCollection();
        services.AddSaltantClient(
            Configuration(("Tasks:ApiUrl", "https://saltant.example.org/api"), ("Tasks:AuthToken", "abc123")),
            sectionName: "Tasks");
        using var provider = services.BuildServiceProvider();

        var settings = provider.GetRequiredService<Settings>();

        Assert.Equal(new Uri("https://saltant.example.org/api/"), settings.ApiRoot);
        Assert.DoesNotContain("abc123", settings.ToString());
    }
}
