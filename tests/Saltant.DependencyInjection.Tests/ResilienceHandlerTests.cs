using LanguageExt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saltant.Client;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Faults;
using Xunit;
using static LanguageExt.Prelude;

namespace Saltant.DependencyInjection.Tests;

/// <summary>
/// A user adds the standard resilience handler to the builder AddSaltantClient returns. Its retries
/// cover every method, so without a guard a create would be sent twice and reads retried by both
/// it and the client. The guard innermost refuses its resends; the client's outcome is what it
/// would have been without the handler.
/// </summary>
public sealed class ResilienceHandlerTests
{
    private static (ServiceProvider Provider, SaltantClient Client) Start(SaltantEmulator emulator)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Saltant:ApiUrl"] = emulator.ApiUrl.ToString(),
                ["Saltant:AuthToken"] = emulator.User("alice").Token,
                ["Saltant:MaxRetries"] = "3",
            })
            .Build();
        services.AddSaltantClient(configuration).AddStandardResilienceHandler();
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<SaltantClient>());
    }

    [Fact]
    public async Task A_create_whose_connection_drops_after_the_server_acted_is_sent_once()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        var (provider, client) = Start(emulator);
        await using var _ = provider;
        var type = Ok(await client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft("echo", "echo")));
        var whitelist = Ok(await client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft("wl") { WhitelistedExecutableTaskTypes = Seq1(type.Id) }));
        var queue = Ok(await client.TaskQueues.CreateAsync(new TaskQueueDraft("q") { Whitelists = Seq1(whitelist.Id) }));
        emulator.Faults.Next(1, Fault.ConnectionReset(afterProcessing: true), "executabletaskinstances/", "POST");

        var result = await client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id));

        Assert.IsType<TransportFailed>(Failure(result));
        Assert.Equal(1, emulator.Requests.Count("POST", "executabletaskinstances/"));
        Assert.Single(Ok(await client.ExecutableTaskInstances.ListAsync()));
    }

    [Fact]
    public async Task A_failing_read_is_retried_by_the_client_alone_and_fails_as_it_would_without_the_handler()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        var (provider, client) = Start(emulator);
        await using var _ = provider;
        using var plain = SaltantClient.Create(client.Settings);

        emulator.Faults.Next(8, Fault.GatewayError(503), "users/alice/", "GET");
        var guarded = await client.Users.GetAsync(new Username("alice"));
        var guardedArrivals = emulator.Requests.Count("GET", "users/alice/");
        var unguarded = await plain.Users.GetAsync(new Username("alice"));

        // One attempt and the client's three retries each reached the server once.
        Assert.Equal(4, guardedArrivals);
        Assert.Equal(8, emulator.Requests.Count("GET", "users/alice/"));
        var error = Assert.IsType<ServerFault>(Failure(guarded));
        Assert.Equal(503, error.Status);
        Assert.Equal(unguarded.Match(_ => "", e => e.Message), error.Message);
    }

    [Fact]
    public async Task Requests_that_succeed_pass_through_the_handler_unchanged()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        var (provider, client) = Start(emulator);
        await using var _ = provider;

        emulator.Faults.Next(1, Fault.GatewayError(502), "users/", "GET");
        var users = Ok(await client.Users.ListAsync());

        Assert.Equal(["admin", "alice", "bob"], users.Map(u => u.Username.Value).ToArray());
        Assert.Equal(2, emulator.Requests.Count("GET", "users/"));
    }

    private static LanguageExt.Common.Error Failure<T>(Fin<T> fin) => fin.Match(v => throw new Xunit.Sdk.XunitException($"Expected a failure, got {v}"), e => e);

    private static T Ok<T>(Fin<T> fin) => fin.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));
}
