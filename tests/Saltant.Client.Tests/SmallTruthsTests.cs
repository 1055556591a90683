using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Saltant.Http;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>
/// Small truths a review found false: errors' messages after a <c>with</c>, messages about huge
/// URLs, <c>Retry-After</c> limits set from the settings, JWT claims read once, one order for JWT pairs.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class SmallTruthsTests
{
    [Fact]
    public async Task A_with_copy_of_an_error_tells_its_own_values()
    {
        await using var h = await Harness.StartAsync();
        var notFound = Fails<NotFound, TaskQueue>(h.Observe(await h.Client.TaskQueues.GetAsync(new TaskQueueId(424242))));
        Assert.Contains("424242", notFound.Message, StringComparison.Ordinal);

        var moved = notFound with { Request = new RequestInfo("GET", "https://elsewhere.example/api/taskqueues/7/"), Detail = "Gone fishing." };

        Assert.Equal("GET https://elsewhere.example/api/taskqueues/7/ found nothing (404): Gone fishing.", moved.Message);
        Assert.Equal(moved.Message, moved.ToString());
        Assert.Equal(notFound.Code, moved.Code);
        var config = ConfigError.Of(new ConfigProblem.Missing("SALTANT_API_URL"));
        var other = config.Problems.Head switch
        {
            ConfigProblem.Missing missing => missing with { Name = "SALTANT_AUTH_TOKEN" },
            var p => p,
        };
        Assert.Equal("SALTANT_AUTH_TOKEN is not set.", other.Message);
        Assert.Equal("SALTANT_AUTH_TOKEN", other.Setting);
    }

    [Fact]
    public async Task An_error_about_a_70000_character_url_says_so_in_one_short_sentence_and_keeps_the_whole_url()
    {
        await using var h = await Harness.StartAsync();
        var name = new string('q', 70_000);

        var error = Error(h.Observe(await h.Client.TaskQueues.FindByNameAsync(name)));

        var saltant = Assert.IsAssignableFrom<SaltantError>(error);
        Assert.True(saltant.Message.Length < 800, $"A {saltant.Message.Length}-character message: {saltant.Message[..200]}…");
        Assert.Contains(h.Emu.ApiUrl.Authority, saltant.Message, StringComparison.Ordinal);
        Assert.Contains("characters", saltant.Message, StringComparison.Ordinal);
        var request = saltant switch
        {
            UnexpectedStatus u => u.Request,
            NotFound n => n.Request,
            ValidationFailed v => v.Request,
            TransportFailed t => t.Request,
            _ => throw new Xunit.Sdk.XunitException($"Unexpected error for a huge URL: {saltant.GetType().Name}: {saltant.Message}"),
        };
        Assert.True(request.Url.Length > 70_000);
    }

    [Fact]
    public async Task The_longest_retry_after_comes_from_the_settings()
    {
        await using var h = await Harness.StartAsync();
        var patient = h.NewClient(Ok(Harness.SettingsFor(h.Emu).WithMaxRetryAfter(TimeSpan.FromSeconds(5))));
        var impatient = h.NewClient(Ok(Harness.SettingsFor(h.Emu).WithMaxRetryAfter(TimeSpan.FromMilliseconds(500))));

        h.Emu.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(1)), "users/", "GET");
        var refused = Fails<RateLimited, Page<User>>(h.Observe(await impatient.Users.ListPageAsync()));
        Assert.Equal(Some(TimeSpan.FromSeconds(1)), refused.RetryAfter);
        Assert.Equal(1, h.Emu.Requests.Count("GET", "users/"));

        h.Emu.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(1)), "users/", "GET");
        Ok(h.Observe(await patient.Users.ListPageAsync()));
        Assert.Equal(3, h.Emu.Requests.Count("GET", "users/"));
    }

    [Fact]
    public async Task A_jwt_has_its_claims_read_once_when_it_arrives_not_on_every_request()
    {
        await using var h = await Harness.StartAsync(settings: emu => Harness.SettingsFor(emu, Authentication.Login("alice", emu.User("alice").Password)));
        Ok(await h.Client.TestAuthenticationAsync());
        var before = JwtToken.ClaimReads;

        for (var i = 0; i < 50; i++)
        {
            Ok(await h.Client.Users.GetAsync(new Username("bob")));
        }

        Assert.Equal(before, JwtToken.ClaimReads);
        Assert.Equal(1, h.Emu.Requests.Count("POST", "token/"));
    }

    [Fact]
    public void A_jwt_pair_takes_access_then_refresh_as_authentication_does()
    {
        var pair = Decoders.JwtPair.Decode("{\"refresh\": \"the-refresh\", \"access\": \"the-access\"}"u8).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        var (access, refresh) = pair;
        Assert.Equal("the-access", access.Reveal());
        Assert.Equal("the-refresh", refresh.Reveal());
        var jwt = Assert.IsType<Authentication.JwtTokens>(Authentication.Jwt("the-access", "the-refresh"));
        Assert.Equal(new JwtPair(jwt.Access, jwt.Refresh), pair);
    }
}

/// <summary>Tests that read process-wide counters run alone, so no other test moves them meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "serial";
}
