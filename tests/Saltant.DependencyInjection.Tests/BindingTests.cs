using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saltant.Client;
using Saltant.Domain;
using Saltant.Emulator;
using Xunit;

namespace Saltant.DependencyInjection.Tests;

/// <summary>Where the registered client's settings and HTTP client come from.</summary>
public sealed class BindingTests
{
    [Fact]
    public void The_environment_fills_what_configuration_leaves_out_and_configuration_wins_where_both_speak()
    {
        // SALTANT_USER_AGENT only: no other test depends on it, so setting it here cannot disturb them.
        Environment.SetEnvironmentVariable(SettingsVariables.UserAgent, "from-environment/1.0");
        try
        {
            var fromEnvironment = Resolve(("Saltant:ApiUrl", "https://saltant.example.org/api/"), ("Saltant:AuthToken", "abc"));
            var fromConfiguration = Resolve(("Saltant:ApiUrl", "https://saltant.example.org/api/"), ("Saltant:AuthToken", "abc"), ("Saltant:UserAgent", "from-configuration/2.0"));

            Assert.Equal("from-environment/1.0", fromEnvironment.UserAgent);
            Assert.Equal("from-configuration/2.0", fromConfiguration.UserAgent);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SettingsVariables.UserAgent, null);
        }
    }

    [Fact]
    public async Task Requests_go_through_the_factorys_named_client_and_its_handlers()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddSaltantClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Saltant:ApiUrl"] = emulator.ApiUrl.ToString(),
            ["Saltant:AuthToken"] = emulator.User("bob").Token,
        }).Build()).AddHttpMessageHandler(() => counter);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SaltantClient>();
        await client.TestAuthenticationAsync();
        await client.TaskQueues.ListAsync();

        Assert.Equal(2, counter.Count);
        Assert.Equal(emulator.Requests.Total, counter.Count);
    }

    private static Settings Resolve(params (string Key, string Value)[] values)
    {
        var services = new ServiceCollection();
        services.AddSaltantClient(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<Settings>();
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
