using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Saltant.Emulator.Faults;

/// <summary>
/// The two ways the emulator drops a connection without answering, on the socket Kestrel serves the
/// request on (<see cref="IConnectionSocketFeature"/>), so each is exactly the TCP ending it is named
/// after rather than whatever an abort happens to send.
/// </summary>
internal static class ConnectionEnds
{
    /// <summary>
    /// A RST: SO_LINGER set to zero, then the socket closed, which discards anything unsent and resets
    /// the connection. Kestrel's own abort then finds the socket gone and only cleans up.
    /// </summary>
    public static void Reset(HttpContext http)
    {
        if (http.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already gone: the client went first.
            }
        }
        http.Abort();
    }

    /// <summary>
    /// A FIN and nothing else: the socket is shut down both ways before a byte of the answer is
    /// written, which sends the FIN and ends Kestrel's pending read as if the client had gone.
    /// Kestrel then closes a socket that has nothing left to send or to discard, which is a clean
    /// close, not a reset.
    /// </summary>
    public static void Close(HttpContext http)
    {
        if (http.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already gone: the client went first.
            }
        }
        http.Abort();
    }
}
