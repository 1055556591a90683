using System.Net.Http.Headers;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>Turns a built request into the HTTP message one attempt sends.</summary>
internal static class RequestMessage
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    /// <summary>The message for one attempt, marked with it so a <see cref="SendOnceHandler"/> can refuse a resend.</summary>
    internal static HttpRequestMessage Build(ApiRequest request, Uri url, string? authorization, string userAgent, Attempt attempt)
    {
        // Parse hands back the shared instance of a known method instead of a new one per request.
        var message = new HttpRequestMessage(HttpMethod.Parse(request.MethodName), url);
        message.Options.Set(Attempt.Key, attempt);
        message.Headers.Accept.Add(AcceptJson);
        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        // Every request carries content, an empty one when it has no body. SocketsHttpHandler silently
        // resends a request *without* content when a pooled connection closes before the first answer
        // byte, on as many pooled connections as it has: that turned one clone into four launched
        // instances, and multiplied our own retries of reads. With content it never resends, so every
        // send is one the connection decided on. On the wire the only change is `Content-Length: 0` on GETs.
        message.Content = request.Body switch
        {
            RequestBody.JsonBody json => JsonContent(json.Value),
            RequestBody.FormBody form => new FormUrlEncodedContent(form.Fields.Map(f => new KeyValuePair<string, string>(f.Name, f.Value))),
            _ => new ByteArrayContent([]),
        };
        return message;
    }

    private static ByteArrayContent JsonContent(Json value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        // The stream's own buffer, not a copy of it: the content reads only the bytes written.
        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
