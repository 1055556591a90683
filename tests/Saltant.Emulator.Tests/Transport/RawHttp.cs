using System.Net.Sockets;
using System.Text;

namespace Saltant.Emulator.Tests.Transport;

/// <summary>How the server ended a connection, as a raw socket sees it.</summary>
public enum ConnectionEnding
{
    /// <summary>A FIN: the read returned 0 bytes (a clean close).</summary>
    Fin,

    /// <summary>A RST: the read failed with ECONNRESET.</summary>
    Reset,

    /// <summary>Still open when the reader stopped (it had a whole answer and was not waiting for the end).</summary>
    Open,
}

/// <summary>What came back on one raw connection: the bytes, and how the server ended it.</summary>
public sealed record RawAnswer(byte[] Bytes, ConnectionEnding Ending)
{
    public string Text => Encoding.ASCII.GetString(Bytes);
}

/// <summary>
/// One HTTP/1.1 request over a bare <see cref="TcpClient"/>, so a test sees exactly which bytes the
/// server sent and whether it closed with a FIN or a RST, which no HttpClient shows.
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>Sends the request (with <c>Connection: close</c>) and reads until the server ends the connection.</summary>
    /// <param name="apiUrl">The emulator's API root.</param>
    /// <param name="method">The method.</param>
    /// <param name="path">The path below the API root, query included.</param>
    /// <param name="token">A DRF token, or null.</param>
    /// <param name="json">A JSON body, or null.</param>
    /// <param name="maxBytes">Stop reading (the connection left open) once this many bytes arrived.</param>
    public static async Task<RawAnswer> SendAsync(Uri apiUrl, string method, string path, string? token = null, string? json = null, int maxBytes = 1 << 20)
    {
        using var tcp = new TcpClient();
        using var guard = new CancellationTokenSource(HangGuard);
        await tcp.ConnectAsync(apiUrl.Host, apiUrl.Port, guard.Token);
        var stream = tcp.GetStream();
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var head = new StringBuilder()
            // Connection: close, so a whole answer also ends the connection and the reader sees its end.
            .Append($"{method} {apiUrl.AbsolutePath}{path} HTTP/1.1\r\nHost: {apiUrl.Authority}\r\nConnection: close\r\n")
            .Append(token is null ? "" : $"Authorization: Token {token}\r\n")
            .Append(json is null ? "" : "Content-Type: application/json\r\n")
            .Append($"Content-Length: {body.Length}\r\n\r\n");
        // One write, so the server cannot answer (or drop the connection) before the request is all out.
        await stream.WriteAsync((byte[])[.. Encoding.ASCII.GetBytes(head.ToString()), .. body], guard.Token);

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (received.Length < maxBytes)
        {
            int n;
            try
            {
                n = await stream.ReadAsync(buffer, guard.Token);
            }
            catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
            {
                return new RawAnswer(received.ToArray(), ConnectionEnding.Reset);
            }
            if (n == 0) return new RawAnswer(received.ToArray(), ConnectionEnding.Fin);
            received.Write(buffer, 0, n);
        }
        return new RawAnswer(received.ToArray(), ConnectionEnding.Open);
    }
}
