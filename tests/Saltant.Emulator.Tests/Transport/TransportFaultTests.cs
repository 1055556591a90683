using System.Net;
using Saltant.Emulator.Faults;
using Xunit;
using static Saltant.Emulator.Tests.TestSupport;

namespace Saltant.Emulator.Tests.Transport;

/// <summary>
/// Connections dropped without an answer, seen on a raw socket (which bytes came, FIN or RST) and
/// counted at the server (arrived, and processed).
/// </summary>
public sealed class TransportFaultTests
{
    public static TheoryData<string, bool, ConnectionEnding> Drops => new()
    {
        { "close", false, ConnectionEnding.Fin },
        { "close", true, ConnectionEnding.Fin },
        { "reset", false, ConnectionEnding.Reset },
        { "reset", true, ConnectionEnding.Reset },
    };

    private static Fault Drop(string kind, bool afterProcessing) =>
        kind == "close" ? Fault.ConnectionClose(afterProcessing) : Fault.ConnectionReset(afterProcessing);

    [Theory]
    [MemberData(nameof(Drops))]
    public async Task A_dropped_connection_sends_no_byte_ends_as_named_and_is_processed_only_after(string kind, bool afterProcessing, ConnectionEnding ending)
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Drop(kind, afterProcessing), "taskqueues/", "POST");

        var answer = await RawHttp.SendAsync(emulator.ApiUrl, "POST", "taskqueues/", emulator.User("alice").Token, """{"name":"dropped"}""");

        Assert.Empty(answer.Bytes);
        Assert.Equal(ending, answer.Ending);
        Assert.Equal(1, emulator.Requests.Count("POST", "taskqueues/"));
        Assert.Equal(afterProcessing ? 1 : 0, emulator.Requests.Processed("POST", "taskqueues/"));
        Assert.Equal(afterProcessing ? 1 : 0, (await SendAsync(alice, HttpMethod.Get, "taskqueues/")).Body!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_a_fault_the_raw_request_gets_a_whole_answer()
    {
        // The contrast for the test above: the same raw request, answered.
        await using var emulator = await SaltantEmulator.StartAsync();
        var answer = await RawHttp.SendAsync(emulator.ApiUrl, "POST", "taskqueues/", emulator.User("alice").Token, """{"name":"kept"}""");
        Assert.StartsWith("HTTP/1.1 201 Created\r\n", answer.Text);
        Assert.Contains("\"name\":\"kept\"", answer.Text);
        Assert.Equal(ConnectionEnding.Fin, answer.Ending);
        Assert.Equal(1, emulator.Requests.Processed("POST", "taskqueues/"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_clean_close_is_resent_by_dotnets_connection_pool_and_a_reset_is_not(bool afterProcessing)
    {
        // Issue 13's clone launched four times: a request with no body, answered by a clean close
        // before any byte, is sent again by SocketsHttpHandler itself, beneath any retry policy. The
        // fault reproduces that trigger, so a client's tests can prove they guard against it.
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Add(Fault.ConnectionClose(afterProcessing), "users/");
        emulator.Faults.Add(Fault.ConnectionReset(afterProcessing), "taskqueues/");

        var closed = await Assert.ThrowsAsync<HttpRequestException>(() => alice.GetAsync("users/"));
        var reset = await Assert.ThrowsAsync<HttpRequestException>(() => alice.GetAsync("taskqueues/"));

        Assert.Equal(HttpRequestError.ResponseEnded, closed.HttpRequestError);
        Assert.NotEqual(HttpRequestError.ResponseEnded, reset.HttpRequestError);
        Assert.True(emulator.Requests.Count("GET", "users/") > 1, $"a clean close was sent {emulator.Requests.Count("GET", "users/")} time(s)");
        Assert.Equal(afterProcessing ? emulator.Requests.Count("GET", "users/") : 0, emulator.Requests.Processed("GET", "users/"));
        Assert.Equal(1, emulator.Requests.Count("GET", "taskqueues/"));
        Assert.Equal(afterProcessing ? 1 : 0, emulator.Requests.Processed("GET", "taskqueues/"));
    }

    [Fact]
    public async Task A_clean_close_after_a_clone_was_applied_launches_it_again_through_a_bare_http_client()
    {
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = Worker.WorkerMode.Manual });
        using var alice = ClientFor(emulator, "alice");
        var (type, queue) = await SetUpExecutableAsync(alice, "true");
        var source = await CreateInstanceAsync(alice, type, queue);
        var clone = $"executabletaskinstances/{source}/clone/";
        emulator.Faults.Next(1, Fault.ConnectionClose(afterProcessing: true), clone, "POST");

        using var answer = await alice.PostAsync(clone, content: null);

        // One answer, two clones on the server: what "the server acted exactly once" tests must catch.
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(2, emulator.Requests.Processed("POST", clone));
        Assert.Equal(3, (await SendAsync(alice, HttpMethod.Get, "executabletaskinstances/")).Body!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_processed_requests_count_as_processed()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        Fault[] before = [Fault.GatewayError(), Fault.TooManyRequests(TimeSpan.FromSeconds(1)), Fault.ConnectionReset(), Fault.ConnectionClose()];
        Fault[] after = [Fault.ConnectionReset(afterProcessing: true), Fault.ConnectionClose(afterProcessing: true), Fault.TruncatedBody(), Fault.ResetMidBody()];
        foreach (var fault in before.Concat(after))
        {
            // A raw socket: an HttpClient would resend some of these and blur the counts.
            emulator.Faults.Next(1, fault, "users/");
            await RawHttp.SendAsync(emulator.ApiUrl, "GET", "users/", emulator.User("alice").Token);
        }
        Assert.Equal(before.Length + after.Length, emulator.Requests.Count("GET", "users/"));
        Assert.Equal(after.Length, emulator.Requests.Processed("GET", "users/"));
        Assert.Equal(after.Length, emulator.Requests.ProcessedTotal);
        Assert.Equal(after.Length, emulator.Requests.ProcessedSnapshot()["GET users/"]);
        emulator.Requests.Reset();
        Assert.Equal(0, emulator.Requests.ProcessedTotal);
    }
}
