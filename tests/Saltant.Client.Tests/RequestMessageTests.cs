using System.Net;
using System.Net.Sockets;
using System.Text;
using LanguageExt;
using Saltant.Domain;
using Saltant.Http;
using Xunit;
using static LanguageExt.Prelude;

namespace Saltant.Client.Tests;

/// <summary>The HTTP message a request becomes on the wire: its request line, headers and JSON body, byte for byte.</summary>
public sealed class RequestMessageTests
{
    [Fact]
    public async Task A_patch_is_sent_with_its_method_url_and_exact_json_body()
    {
        await using var server = RawCapture.Start();
        using var connection = Connection(server.Root);
        var patch = new TaskQueuePatch { Description = "dé\"scription", Active = false, Whitelists = Seq1(new TaskWhitelistId(3)) };

        var answer = await connection.Send<SaltantRuntime>(TaskQueueRequests.Patch(new TaskQueueId(7), patch)).RunAsync();

        Assert.True(answer.IsSucc);
        var request = await server.Request;
        Assert.Equal("PATCH /api/taskqueues/7/ HTTP/1.1", request.Line);
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(Expected(patch.ToJson()), request.Body);
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
    }

    // An empty body, not none: SocketsHttpHandler silently resends a request without content when a
    // pooled connection closes before the answer, so every request carries (empty) content.
    [Fact]
    public async Task A_get_is_sent_with_an_empty_body()
    {
        await using var server = RawCapture.Start();
        using var connection = Connection(server.Root);

        var answer = await connection.Send<SaltantRuntime>(TaskQueueRequests.Get(new TaskQueueId(7))).RunAsync();

        Assert.True(answer.IsSucc);
        var request = await server.Request;
        Assert.Equal("GET /api/taskqueues/7/ HTTP/1.1", request.Line);
        Assert.Equal("0", request.Header("Content-Length"));
        Assert.Null(request.Header("Content-Type"));
        Assert.Empty(request.Body);
    }

    private static SaltantConnection Connection(Uri root) =>
        new(new HttpClient(), true, new ConnectionOptions(root, TimeSpan.FromSeconds(30), Schedule.Never), null, null);

    // The body as the connection has always written it: compact, with the writer's default escaping.
    private static byte[] Expected(Json value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>A one-request HTTP server on loopback that keeps the request exactly as it arrived and answers 200 <c>{}</c>.</summary>
    private sealed class RawCapture : IAsyncDisposable
    {
        private readonly TcpListener listener;

        private RawCapture(TcpListener listener)
        {
            this.listener = listener;
            Request = AcceptAsync();
        }

        public Uri Root => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/api/");

        public Task<Captured> Request { get; }

        public static RawCapture Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new RawCapture(listener);
        }

        private async Task<Captured> AcceptAsync()
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var bytes = new List<byte>();
            var buffer = new byte[4096];
            int headerEnd;
            while ((headerEnd = IndexOf(bytes, "\r\n\r\n"u8.ToArray())) < 0)
            {
                var n = await stream.ReadAsync(buffer);
                bytes.AddRange(buffer.AsSpan(0, n).ToArray());
            }

            var lines = Encoding.ASCII.GetString(bytes.ToArray(), 0, headerEnd).Split("\r\n");
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
            while (bytes.Count < headerEnd + 4 + length)
            {
                var n = await stream.ReadAsync(buffer);
                bytes.AddRange(buffer.AsSpan(0, n).ToArray());
            }

            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"u8.ToArray());
            return new Captured(lines[0], headers, bytes.Skip(headerEnd + 4).Take(length).ToArray());
        }

        private static int IndexOf(List<byte> haystack, byte[] needle)
        {
            for (var i = 0; i + needle.Length <= haystack.Count; i++)
            {
                if (needle.Select((b, j) => haystack[i + j] == b).All(x => x))
                {
                    return i;
                }
            }

            return -1;
        }

        public ValueTask DisposeAsync()
        {
            listener.Stop();
            return ValueTask.CompletedTask;
        }
    }

    private sealed record Captured(string Line, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
