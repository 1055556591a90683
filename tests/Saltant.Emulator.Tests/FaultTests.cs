using System.Diagnostics;
using System.Net;
using Saltant.Emulator.Faults;
using Xunit;
using static Saltant.Emulator.Tests.TestSupport;

namespace Saltant.Emulator.Tests;

public sealed class FaultTests
{
    private static async Task<int> QueueCountAsync(HttpClient client) =>
        (await SendAsync(client, HttpMethod.Get, "taskqueues/")).Body!["count"]!.GetValue<int>();

    [Fact]
    public async Task A_gateway_error_for_the_next_request_never_reaches_the_api_and_is_counted()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.GatewayError(503), "taskqueues/", "POST");

        using var first = await alice.PostAsync("taskqueues/", JsonBody("""{"name":"q"}"""));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await QueueCountAsync(alice));

        using var second = await alice.PostAsync("taskqueues/", JsonBody("""{"name":"q"}"""));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, emulator.Requests.Count("POST", "taskqueues/"));
        Assert.Equal(1, await QueueCountAsync(alice));
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(7)));
        using var res = await alice.GetAsync("users/");
        Assert.Equal(HttpStatusCode.TooManyRequests, res.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), res.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("users/")).StatusCode);
    }

    [Fact]
    public async Task A_reset_before_processing_drops_the_request_and_one_after_applies_it()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.ConnectionReset(), "taskqueues/", "POST");
        await Assert.ThrowsAsync<HttpRequestException>(() => alice.PostAsync("taskqueues/", JsonBody("""{"name":"a"}""")));
        Assert.Equal(0, await QueueCountAsync(alice));

        emulator.Faults.Next(1, Fault.ConnectionReset(afterProcessing: true), "taskqueues/", "POST");
        await Assert.ThrowsAsync<HttpRequestException>(() => alice.PostAsync("taskqueues/", JsonBody("""{"name":"b"}""")));
        Assert.Equal(1, await QueueCountAsync(alice));
        Assert.Equal(2, emulator.Requests.Count("POST", "taskqueues/"));
    }

    [Fact]
    public async Task A_reset_in_the_middle_of_the_body_fails_the_read_after_the_headers()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.ResetMidBody(), "users/");
        using var res = await alice.GetAsync("users/", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Truncated_and_malformed_bodies_are_not_json()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.TruncatedBody());
        emulator.Faults.Next(1, Fault.MalformedJson());
        foreach (var _ in new[] { 1, 2 })
        {
            using var res = await alice.GetAsync("users/");
            Assert.Equal("application/json", res.Content.Headers.ContentType?.MediaType);
            var text = await res.Content.ReadAsStringAsync();
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(text));
        }
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("users/")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_content_type_keeps_the_body()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Add(Fault.WrongContentType("text/plain"), "users/", times: 1);
        using var res = await alice.GetAsync("users/alice/");
        Assert.Equal("text/plain", res.Content.Headers.ContentType?.MediaType);
        Assert.Contains("alice@example.com", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Latency_delays_only_matching_routes_until_removed()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        var rule = emulator.Faults.Add(Fault.Latency(TimeSpan.FromMilliseconds(300)), "users/");
        var sw = Stopwatch.StartNew();
        await alice.GetAsync("users/");
        Assert.True(sw.ElapsedMilliseconds >= 290, $"took {sw.ElapsedMilliseconds} ms");
        emulator.Faults.Remove(rule);

        // Against an hour of latency, a request that ends before the hang guard was not delayed.
        rule = emulator.Faults.Add(Fault.Latency(TimeSpan.FromHours(1)), "users/");
        await HangGuard.Within(alice.GetAsync("taskqueues/"), "a read of a route the latency does not match");
        emulator.Faults.Remove(rule);
        await HangGuard.Within(alice.GetAsync("users/"), "a read after its latency was removed");
    }

    [Fact]
    public async Task Per_record_latency_grows_with_the_page_size_asked_for_and_spares_detail_reads()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        var rule = emulator.Faults.Add(Fault.LatencyPerRecord(TimeSpan.FromMilliseconds(2)), "users/");
        var sw = Stopwatch.StartNew();
        await alice.GetAsync("users/?page_size=150");
        Assert.True(sw.ElapsedMilliseconds >= 290, $"a 150-record page took {sw.ElapsedMilliseconds} ms");
        emulator.Faults.Remove(rule);

        // An hour per record: a detail read that ends before the hang guard was charged for none.
        emulator.Faults.Add(Fault.LatencyPerRecord(TimeSpan.FromHours(1)), "users/");
        await HangGuard.Within(alice.GetAsync("users/alice/"), "a detail read under per-record latency");
    }

    [Fact]
    public async Task Counters_track_each_method_and_path()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        await alice.GetAsync("users/");
        await alice.GetAsync("users/");
        await alice.GetAsync("users/alice");
        Assert.Equal(2, emulator.Requests.Count("GET", "users/"));
        Assert.Equal(1, emulator.Requests.Count("GET", "users/alice"));
        Assert.Equal(3, emulator.Requests.Total);
    }
}
