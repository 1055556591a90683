using LanguageExt;
using Saltant.Domain;
using Saltant.Http;
using Xunit;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>Making clients: settings, the environment, Connect and TestAuthentication (saltant-py's <c>Client(...)</c> and <c>from_env</c>).</summary>
public sealed class ConnectionTests
{
    [Fact]
    public void Default_settings_time_out_after_90_seconds_and_check_authentication()
    {
        var settings = Ok(Settings.Create("https://saltant.example.org/api/", Authentication.Token("abc123")));
        Assert.Equal(TimeSpan.FromSeconds(90), settings.Timeout);
        Assert.True(settings.CheckAuthentication);
        using var client = SaltantClient.Create(settings);
        Assert.Equal(TimeSpan.FromSeconds(90), client.Settings.Timeout);
        Assert.DoesNotContain("abc123", client.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_makes_a_client_without_contacting_the_server_and_it_works()
    {
        await using var h = await Harness.StartAsync();
        using var client = SaltantClient.Create(Harness.SettingsFor(h.Emu));
        Assert.Equal(0, h.Emu.Requests.Total);
        var users = Ok(await client.Users.ListAsync());
        Assert.Equal(["admin", "alice", "bob"], users.Map(u => u.Username.Value).ToArray());
    }

    [Fact]
    public async Task Settings_from_an_environment_dictionary_make_a_working_client()
    {
        await using var h = await Harness.StartAsync();
        var env = new Dictionary<string, string?>
        {
            [SettingsVariables.ApiUrl] = h.Emu.ApiUrl.AbsoluteUri.TrimEnd('/'),
            [SettingsVariables.AuthToken] = h.Alice.Token + "\n",
            [SettingsVariables.Timeout] = "12.5",
        };
        var settings = Ok(Settings.FromEnvironment(env));
        Assert.Equal(TimeSpan.FromSeconds(12.5), settings.Timeout);
        using var client = h.NewClient(settings);
        Ok(await client.TestAuthenticationAsync());

        // Both required variables missing: both reported at once.
        var error = Settings.FromEnvironment(new Dictionary<string, string?>()).Match(_ => throw new InvalidOperationException(), e => e);
        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public async Task FromEnvironment_reads_the_process_environment()
    {
        await using var h = await Harness.StartAsync();

        // Only this test touches SALTANT_* variables of this process, and it restores them.
        var names = new[] { SettingsVariables.ApiUrl, SettingsVariables.AuthToken };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(SettingsVariables.ApiUrl, h.Emu.ApiUrl.AbsoluteUri);
            Environment.SetEnvironmentVariable(SettingsVariables.AuthToken, h.Alice.Token);
            var client = SaltantClient.FromEnvironment().Match(c => c, e => throw new InvalidOperationException(e.Message));
            using (client)
            {
                h.See(client.ToString());
                Ok(await client.TestAuthenticationAsync());
            }

            using var connected = Ok(await SaltantClient.ConnectFromEnvironment().RunAsync());
            Assert.Equal(h.Emu.ApiUrl, connected.Settings.ApiRoot);

            Environment.SetEnvironmentVariable(SettingsVariables.AuthToken, null);
            var missing = SaltantClient.FromEnvironment().Match(_ => throw new InvalidOperationException("expected a config error"), e => e);
            h.See(missing.Message);
            Assert.Contains(SettingsVariables.AuthToken, missing.Message, StringComparison.Ordinal);
            Fails<ConfigError, SaltantClient>(await SaltantClient.ConnectFromEnvironment().RunAsync());
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Fact]
    public async Task TestAuthentication_succeeds_with_a_good_token_and_fails_with_a_bad_one()
    {
        await using var h = await Harness.StartAsync();
        Ok(await h.Client.TestAuthenticationAsync());
        Ok(await h.Client.TestAuthentication().RunAsync());

        using var bad = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Token("0123456789abcdef0123456789abcdef01234567")));
        var error = Fails<AuthenticationFailed, Unit>(h.Observe(await bad.TestAuthenticationAsync()));
        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Connect_checks_the_credentials_when_the_settings_ask()
    {
        await using var h = await Harness.StartAsync();
        var badSettings = Harness.SettingsFor(h.Emu, Authentication.Token("not-a-real-token-0000000000"));
        Fails<AuthenticationFailed, SaltantClient>(h.Observe(await SaltantClient.ConnectAsync(badSettings)));
        Assert.Equal(1, h.Emu.Requests.Count("GET", "users/"));

        using var good = Ok(await SaltantClient.ConnectAsync(Harness.SettingsFor(h.Emu)));
        Assert.Equal(2, h.Emu.Requests.Count("GET", "users/"));
        Ok(await good.Users.GetAsync(new Username("bob")));
    }

    [Fact]
    public async Task Connect_does_not_contact_the_server_when_the_settings_say_not_to_check()
    {
        await using var h = await Harness.StartAsync();
        var settings = Harness.SettingsFor(h.Emu, Authentication.Token("not-a-real-token-0000000000"), checkAuthentication: false);
        using var client = Ok(await SaltantClient.Connect(settings).RunAsync());
        Assert.Equal(0, h.Emu.Requests.Total);
        Fails<AuthenticationFailed, Unit>(h.Observe(await client.TestAuthenticationAsync()));
    }

    [Fact]
    public async Task A_client_can_share_a_caller_supplied_HttpClient()
    {
        await using var h = await Harness.StartAsync();
        using var http = new HttpClient();
        using var client = SaltantClient.Create(Harness.SettingsFor(h.Emu), new SaltantClientOptions { HttpClient = http });
        Ok(await client.TestAuthenticationAsync());
        using var connected = Ok(await SaltantClient.ConnectAsync(Harness.SettingsFor(h.Emu), new SaltantClientOptions { HttpClient = http }));
        Ok(await connected.Users.GetAsync(new Username("alice")));
    }
}
