using System.Net;
using LanguageExt;
using Saltant.Domain;
using Saltant.Http;
using Xunit;
using static LanguageExt.Prelude;

namespace Saltant.Client.Tests;

/// <summary>The HTTP message a request becomes: its method, URL and JSON body, byte for byte.</summary>
public sealed class RequestMessageTests
{
    [Fact]
    public async Task A_patch_is_sent_with_its_method_url_and_exact_json_body()
    {
        var handler = new Capture();
        using var http = new HttpClient(handler);
        var options = new ConnectionOptions(new Uri("https://saltant.example.org/api/"), TimeSpan.FromSeconds(5), Schedule.Never);
        using var connection = new SaltantConnection(http, options, null);
        var patch = new TaskQueuePatch { Description = "dé\"scription", Active = false, Whitelists = Seq1(new TaskWhitelistId(3)) };

        var answer = await connection.SendAsync(TaskQueueRequests.Patch(new TaskQueueId(7), patch), CancellationToken.None);

        Assert.True(answer.IsSucc);
        Assert.Equal(HttpMethod.Patch, handler.Method);
        Assert.Equal("https://saltant.example.org/api/taskqueues/7/", handler.Url);
        Assert.Equal("application/json; charset=utf-8", handler.ContentType);
        Assert.Equal(Expected(patch.ToJson()), handler.Body);
        Assert.Equal(handler.Body!.Length, handler.ContentLength);
    }

    // An empty body, not none: SocketsHttpHandler silently resends a request without content when a
    // pooled connection closes before the answer, so every request carries (empty) content.
    [Fact]
    public async Task A_get_is_sent_with_an_empty_body()
    {
        var handler = new Capture();
        using var http = new HttpClient(handler);
        var options = new ConnectionOptions(new Uri("https://saltant.example.org/api/"), TimeSpan.FromSeconds(5), Schedule.Never);
        using var connection = new SaltantConnection(http, options, null);

        var answer = await connection.SendAsync(TaskQueueRequests.Get(new TaskQueueId(7)), CancellationToken.None);

        Assert.True(answer.IsSucc);
        Assert.Equal(HttpMethod.Get, handler.Method);
        Assert.Equal([], handler.Body);
        Assert.Equal(0, handler.ContentLength);
        Assert.Null(handler.ContentType);
    }

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

    private sealed class Capture : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public string? Url { get; private set; }

        public string? ContentType { get; private set; }

        public long? ContentLength { get; private set; }

        public byte[]? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method;
            Url = request.RequestUri?.AbsoluteUri;
            if (request.Content is { } content)
            {
                ContentType = content.Headers.ContentType?.ToString();
                ContentLength = content.Headers.ContentLength;
                Body = await content.ReadAsByteArrayAsync(cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        }
    }
}
