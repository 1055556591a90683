using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LanguageExt;
using Saltant.Domain;
using Xunit;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>JWT login, refresh before expiry and after a rejection, shared by concurrent callers.</summary>
public sealed class JwtTests
{
    private static readonly TimeSpan AccessLifetime = TimeSpan.FromMinutes(5);

    private static Task<Harness> StartAsync(bool clientUsesManualClock, TimeSpan? refreshLifetime = null, int batchConcurrency = 8) =>
        Harness.StartAsync(
            o =>
            {
                o.AccessTokenLifetime = AccessLifetime;
                o.RefreshTokenLifetime = refreshLifetime ?? TimeSpan.FromDays(1);
            },
            emu => Harness.SettingsFor(emu, Authentication.Login("alice", emu.User("alice").Password), batchConcurrency: batchConcurrency),
            manualClock: true,
            clientUsesManualClock: clientUsesManualClock);

    [Fact]
    public async Task Login_obtains_a_pair_once_and_sends_bearer_tokens()
    {
        await using var h = await StartAsync(clientUsesManualClock: true);
        Ok(await h.Client.TestAuthenticationAsync());
        Assert.Equal(["admin", "alice", "bob"], Ok(await h.Client.Users.ListAsync()).Map(u => u.Username.Value).ToArray());
        Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft("jwt-queue")));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));
        Assert.Equal(0, h.Emu.Requests.Count("POST", "token/refresh/"));

        // The owner is alice: the server identified her from the Bearer token alone.
        Assert.Equal(new Username("alice"), Ok(await h.Client.TaskQueues.GetByNameAsync("jwt-queue")).User);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_AuthenticationFailed_and_is_never_shown()
    {
        await using var h = await StartAsync(clientUsesManualClock: true);
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        Harness.AddSecret(wrong);
        var client = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", wrong)));
        var error = Fails<AuthenticationFailed, Unit>(h.Observe(await client.TestAuthenticationAsync()));
        Assert.Equal(401, error.Status);
        Fails<AuthenticationFailed, SaltantClient>(h.Observe(await SaltantClient.ConnectAsync(Harness.SettingsFor(h.Emu, Authentication.Login("alice", wrong)))));
    }

    [Fact]
    public async Task The_access_token_is_refreshed_shortly_before_it_expires()
    {
        await using var h = await StartAsync(clientUsesManualClock: true);
        Ok(await h.Client.TestAuthenticationAsync());
        h.Clock!.Advance(AccessLifetime - TimeSpan.FromSeconds(15));
        Ok(await h.Client.TestAuthenticationAsync());
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/refresh/"));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));

        // Refreshed before sending: no request was rejected and resent.
        Assert.Equal(2, h.Emu.Requests.Count("GET", "users/"));
        Ok(await h.Client.TestAuthenticationAsync());
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/refresh/"));
    }

    [Fact]
    public async Task A_rejected_access_token_is_refreshed_and_the_request_resent_once()
    {
        // The client's clock is the real one; the server's runs ahead, so it rejects a token the client thinks fresh.
        await using var h = await StartAsync(clientUsesManualClock: false);
        Ok(await h.Client.TestAuthenticationAsync());
        h.Clock!.Advance(AccessLifetime + TimeSpan.FromMinutes(1));
        Ok(await h.Client.TestAuthenticationAsync());
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/refresh/"));
        Assert.Equal(3, h.Emu.Requests.Count("GET", "users/"));
    }

    [Fact]
    public async Task After_the_refresh_token_expires_the_client_logs_in_again()
    {
        await using var h = await StartAsync(clientUsesManualClock: true, refreshLifetime: TimeSpan.FromMinutes(10));
        Ok(await h.Client.TestAuthenticationAsync());
        h.Clock!.Advance(TimeSpan.FromMinutes(11));
        Ok(await h.Client.TestAuthenticationAsync());
        Assert.Equal(2, h.Emu.Requests.Count("POST", "token/"));
        Assert.Equal(0, h.Emu.Requests.Count("POST", "token/refresh/"));
    }

    [Fact]
    public async Task An_existing_pair_is_used_and_refreshed_but_cannot_recover_without_a_password()
    {
        await using var h = await StartAsync(clientUsesManualClock: true, refreshLifetime: TimeSpan.FromMinutes(10));
        using var http = new HttpClient { BaseAddress = h.Emu.ApiUrl };
        using var response = await http.PostAsJsonAsync("token/", new { username = "alice", password = h.Alice.Password });
        var pair = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var (access, refresh) = (pair["access"]!.GetValue<string>(), pair["refresh"]!.GetValue<string>());
        Harness.AddSecret(access);
        Harness.AddSecret(refresh);

        var client = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Jwt(access, refresh)), h.Clock);
        Ok(await client.TestAuthenticationAsync());
        h.Clock!.Advance(AccessLifetime);
        Ok(await client.TestAuthenticationAsync());
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/refresh/"));

        h.Clock.Advance(TimeSpan.FromMinutes(20));
        Fails<AuthenticationFailed, Unit>(h.Observe(await client.TestAuthenticationAsync()));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));
    }

    [Fact]
    public async Task Many_concurrent_callers_share_one_login()
    {
        await using var h = await StartAsync(clientUsesManualClock: true);
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => h.Client.TestAuthenticationAsync()));
        Assert.All(results, r => Ok(r));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));
    }

    [Fact]
    public async Task Many_concurrent_callers_share_one_refresh_before_expiry()
    {
        await using var h = await StartAsync(clientUsesManualClock: true);
        Ok(await h.Client.TestAuthenticationAsync());
        h.Clock!.Advance(AccessLifetime - TimeSpan.FromSeconds(10));
        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => h.Client.TestAuthenticationAsync()));
        Assert.All(results, r => Ok(r));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/refresh/"));
        Assert.Equal(301, h.Emu.Requests.Count("GET", "users/"));
    }

    [Fact]
    public async Task Many_concurrent_callers_rejected_together_share_one_refresh()
    {
        await using var h = await StartAsync(clientUsesManualClock: false, batchConcurrency: 64);
        var (type, queue) = await h.ExecutableSetupAsync();
        var instance = Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id)));
        h.Clock!.Advance(AccessLifetime + TimeSpan.FromMinutes(1));

        var reads = h.Client.ExecutableTaskInstances.GetManyAsync(Enumerable.Repeat(instance.Uuid, 200));
        var direct = Enumerable.Range(0, 100).Select(_ => h.Client.Users.GetAsync(new Username("bob"))).ToArray();
        Assert.All(Ok(await reads), r => Assert.Equal(instance.Uuid, Ok(r).Uuid));
        Assert.All(await Task.WhenAll(direct), r => Ok(r));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/refresh/"));
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));
    }
}
