using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>Inputs at the edges: odd names, empty batches, a disposed client. Typed results, never exceptions.</summary>
public sealed class EdgeCaseTests
{
    // Polls every 5 ms; the overall timeout is only a hang guard (these waits end in milliseconds).
    private static readonly WaitOptions Quick = new(Schedule.spaced(TimeSpan.FromMilliseconds(5)), HangGuard.Limit);

    [Theory]
    [InlineData("a&b=c")]
    [InlineData("with space")]
    [InlineData("slash/and?query#frag")]
    [InlineData("ünïcödé-名前-😀")]
    [InlineData("percent%20")]
    public async Task Names_with_reserved_or_unicode_characters_round_trip(string name)
    {
        await using var h = await Harness.StartAsync();
        var type = Ok(await h.Client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft(name, "true") { Description = name }));
        Assert.Equal(name, type.Name);
        Assert.Equal(type, Ok(await h.Client.ExecutableTaskTypes.GetByNameAsync(name)));
        Assert.Equal([type], Ok(await h.Client.ExecutableTaskTypes.ListAsync(Seq1(TaskTypeFilters<Executable>.Description.Is(name)))).ToArray());
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task Keys_that_cannot_be_routed_are_refused_without_a_request(string username)
    {
        await using var h = await Harness.StartAsync();
        Fails<InvalidRequestInput, User>(h.Observe(await h.Client.Users.GetAsync(new Username(username))));
        Assert.Equal(0, h.Emu.Requests.Total);
    }

    [Fact]
    public async Task Empty_batches_and_waits_finish_at_once()
    {
        await using var h = await Harness.StartAsync();
        Assert.True(Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync([])).IsEmpty);
        Assert.True(Ok(await h.Client.ExecutableTaskInstances.GetManyAsync([])).IsEmpty);
        Assert.True(Ok(await h.Client.ExecutableTaskInstances.WaitManyAsync(Seq<InstanceUuid>(), Quick)).IsEmpty);
        await foreach (var _ in h.Client.ExecutableTaskInstances.Watch(Seq<InstanceUuid>(), Quick))
        {
            Assert.Fail("nothing to watch");
        }

        Assert.Equal(0, h.Emu.Requests.Total);
    }

    [Fact]
    public async Task Waiting_for_the_same_instance_twice_returns_it_twice()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var i = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        await h.Emu.Worker.RunUntilIdleAsync();
        var both = Ok(await h.Client.ExecutableTaskInstances.WaitManyAsync([i.Uuid, i.Uuid], Quick));
        Assert.Equal([i.Uuid, i.Uuid], both.Map(x => x.Uuid).ToArray());
    }

    [Fact]
    public async Task A_disposed_client_answers_with_errors_not_exceptions()
    {
        await using var h = await Harness.StartAsync();
        var client = h.NewClient(Harness.SettingsFor(h.Emu));
        Ok(await client.TestAuthenticationAsync());
        client.Dispose();
        var error = Error(h.Observe(await client.Users.ListAsync()));
        Assert.IsAssignableFrom<SaltantError>(error);
        var streamed = new List<Fin<User>>();
        await foreach (var item in client.Users.Stream())
        {
            streamed.Add(item);
        }

        Assert.IsAssignableFrom<SaltantError>(Error(Assert.Single(streamed)));

        var jwt = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", h.Alice.Password)));
        jwt.Dispose();
        Assert.IsAssignableFrom<SaltantError>(Error(h.Observe(await jwt.TestAuthenticationAsync())));
    }

    [Fact]
    public async Task Disposing_a_client_with_requests_in_flight_fails_them_typed()
    {
        await using var h = await Harness.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5), manualClock: true);
        h.Emu.Faults.Add(Saltant.Emulator.Faults.Fault.Latency(TimeSpan.FromMilliseconds(100)));
        foreach (var auth in new[] { Authentication.Token(h.Alice.Token), Authentication.Login("alice", h.Alice.Password) })
        {
            var client = h.NewClient(Harness.SettingsFor(h.Emu, auth), h.Clock);
            var inFlight = Enumerable.Range(0, 100).Select(_ => client.Users.GetAsync(new Username("bob"))).ToArray();
            await Task.Delay(30);
            client.Dispose();
            // Before the fix, callers waiting for the JWT login hung forever on a disposed semaphore.
            foreach (var result in await HangGuard.Within(Task.WhenAll(inFlight), "requests in flight when their client was disposed"))
            {
                if (h.Observe(result).IsFail)
                {
                    Assert.IsAssignableFrom<SaltantError>(Error(result));
                }
            }
        }
    }

    [Fact]
    public async Task A_server_that_is_not_there_gives_TransportFailed()
    {
        await using var h = await Harness.StartAsync();
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = h.NewClient(Ok(Settings.Create($"http://127.0.0.1:{port}/api/", Authentication.Token(h.Alice.Token), maxRetries: 1, retryBaseDelay: TimeSpan.FromMilliseconds(5))));
        Fails<TransportFailed, Unit>(h.Observe(await client.TestAuthenticationAsync()));

        // Nothing reached a server, so even a create may be retried and still fails typed.
        Fails<TransportFailed, TaskQueue>(h.Observe(await client.TaskQueues.CreateAsync(new TaskQueueDraft("nowhere"))));
    }

    [Fact]
    public async Task Aff_forms_compose_and_fail_typed()
    {
        await using var h = await Harness.StartAsync();
        var c = h.Client;
        var flow =
            from q in c.TaskQueues.Create(new TaskQueueDraft("composed"))
            from p in c.TaskQueues.Patch(q.Id, new TaskQueuePatch { Description = "patched" })
            from again in c.TaskQueues.GetByName("composed")
            select again.Description;
        Assert.Equal("patched", Ok(await flow.RunAsync()));

        var failing =
            from q in c.TaskQueues.GetByName("absent")
            from _ in c.TaskQueues.Patch(q.Id, new TaskQueuePatch { Description = "never" })
            select unit;
        Error error = Fails<NameNotFound, Unit>(h.Observe(await failing.RunAsync()));
        Assert.Equal(ErrorCodes.NameNotFound, error.Code);
    }
}
