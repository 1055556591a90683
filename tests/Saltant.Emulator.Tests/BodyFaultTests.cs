using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Saltant.Emulator.Faults;
using Saltant.Emulator.Worker;
using Xunit;
using static Saltant.Emulator.Tests.TestSupport;

namespace Saltant.Emulator.Tests;

/// <summary>Answers that never end: a <c>next</c> that loops, a body without end, and a dated <c>Retry-After</c>.</summary>
public sealed class BodyFaultTests
{
    private static async Task<HttpClient> AliceWithQueuesAsync(SaltantEmulator emulator, int queues)
    {
        var alice = ClientFor(emulator, "alice");
        for (int i = 0; i < queues; i++) Assert.Equal(201, (await SendAsync(alice, HttpMethod.Post, "taskqueues/", $$"""{"name":"q{{i}}"}""")).Status);
        return alice;
    }

    private static async Task<JsonNode> PageAsync(HttpClient client, string url) => JsonNode.Parse(await client.GetStringAsync(url))!;

    [Fact]
    public async Task A_looping_next_points_at_the_same_page_even_on_the_last_page_until_removed()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = await AliceWithQueuesAsync(emulator, 3);
        var rule = emulator.Faults.Add(Fault.LoopingNext(), "taskqueues/");
        var first = new Uri(emulator.ApiUrl, "taskqueues/?page_size=2").ToString();

        string url = first;
        for (int i = 0; i < 20; i++)
        {
            var page = await PageAsync(alice, url);
            Assert.Equal(3, page["count"]!.GetValue<int>());
            Assert.Equal("q0", page["results"]![0]!["name"]!.GetValue<string>());
            url = page["next"]!.GetValue<string>();
            Assert.Equal(first, url);
        }
        var last = await PageAsync(alice, "taskqueues/?page_size=2&page=2");
        Assert.Equal(new Uri(emulator.ApiUrl, "taskqueues/?page_size=2&page=2").ToString(), last["next"]!.GetValue<string>());

        emulator.Faults.Remove(rule);
        Assert.Null((await PageAsync(alice, "taskqueues/?page_size=2&page=2"))["next"]);
    }

    [Fact]
    public async Task A_looping_next_to_the_first_page_drops_the_page_and_is_used_up_by_list_pages_only()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = await AliceWithQueuesAsync(emulator, 5);
        emulator.Faults.Next(1, Fault.LoopingNext(toFirstPage: true), "taskqueues/");

        Assert.Equal(200, (await SendAsync(alice, HttpMethod.Get, "taskqueues/1/")).Status);
        var looped = await PageAsync(alice, "taskqueues/?page_size=2&page=3");
        Assert.Equal(new Uri(emulator.ApiUrl, "taskqueues/?page_size=2").ToString(), looped["next"]!.GetValue<string>());
        Assert.Null((await PageAsync(alice, "taskqueues/?page_size=2&page=3"))["next"]);
    }

    [Fact]
    public async Task An_endless_body_keeps_coming_after_200_json_headers_until_the_client_goes()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.EndlessBody(), "users/");

        using (var response = await alice.GetAsync("users/", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Content.Headers.ContentLength);
            await using var body = await response.Content.ReadAsStreamAsync();
            var start = Encoding.ASCII.GetBytes("""{"count":1,"next":null,"previous":null,"results":[{"name":"x""");
            var head = new byte[start.Length];
            await body.ReadExactlyAsync(head);
            Assert.Equal(start, head);
            // Far more than any real page, read through a small buffer: it has not ended.
            var buffer = new byte[64 * 1024];
            long read = 0;
            while (read < 32L * 1024 * 1024)
            {
                int n = await body.ReadAsync(buffer);
                Assert.True(n > 0, $"the body ended after {read} bytes");
                Assert.Equal(-1, buffer.AsSpan(0, n).IndexOfAnyExcept((byte)'x'));
                read += n;
            }
        }

        Assert.Equal(1, emulator.Requests.Processed("GET", "users/"));
        Assert.Equal(200, (await SendAsync(alice, HttpMethod.Get, "users/")).Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_long_body_with_a_length_ends_there_declared_or_chunked(bool declareLength)
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.EndlessBody(length: 300_000, declareLength: declareLength), "users/");
        using var response = await alice.GetAsync("users/", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(declareLength ? 300_000 : null, response.Content.Headers.ContentLength);
        Assert.Equal(!declareLength, response.Headers.TransferEncodingChunked ?? false);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(300_000, bytes.Length);
        Assert.StartsWith("{\"count\":1,", Encoding.ASCII.GetString(bytes, 0, 20));
    }

    [Fact]
    public async Task Disposing_the_emulator_ends_an_endless_body_nobody_reads()
    {
        var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.EndlessBody(), "users/");
        using var response = await alice.GetAsync("users/", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Only a hang guard: disposal must not wait on a writer that never finishes.
        await emulator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_dated_retry_after_is_the_emulator_clock_plus_the_wait_rounded_up_with_a_matching_date()
    {
        var clock = new ManualClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, 300, TimeSpan.Zero));
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { Clock = clock });
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(2.5), asHttpDate: true));

        using var response = await alice.GetAsync("users/");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter?.Delta);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 3, TimeSpan.Zero), response.Headers.RetryAfter?.Date);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), response.Headers.Date);
        Assert.Equal("Request was throttled. Expected available in 3 seconds.", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Equal(0, emulator.Requests.Processed("GET", "users/"));
    }

    [Fact]
    public async Task A_dated_retry_after_already_on_a_whole_second_is_not_pushed_further()
    {
        var clock = new ManualClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { Clock = clock });
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(2), asHttpDate: true));
        using var response = await alice.GetAsync("users/");
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 2, TimeSpan.Zero), response.Headers.RetryAfter?.Date);
    }

    [Fact]
    public void Fault_arguments_that_cannot_be_meant_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.TooManyRequests(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.EndlessBody(length: -1));
        Assert.Throws<ArgumentException>(() => Fault.EndlessBody(declareLength: true));
    }
}
