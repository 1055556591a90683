using System.Net.Http;
using System.Net.Sockets;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>
/// What an exception from sending or reading means, as a typed error: the caller's cancellation,
/// a disposed client, the timeout, or a transport failure; and whether the request may have
/// reached the server (only a connection never made proves it did not).
/// </summary>
internal static class TransportErrors
{
    /// <summary>The outcome an exception stands for.</summary>
    internal static ExchangeOutcome Classify(Exception e, RequestInfo info, TimeSpan timeout, bool disposed, bool cancelledByCaller) => e switch
    {
        OperationCanceledException when cancelledByCaller => new(new Cancelled(info.ToString()), true, null),

        // Disposing the HTTP client cancels what it has in flight; that is no timeout.
        OperationCanceledException or ObjectDisposedException when disposed => new(Disposed(info), true, null),
        OperationCanceledException => new(new TimedOut(info, timeout), true, null),
        ObjectDisposedException => new(Disposed(info), true, null),
        HttpRequestException h => new(new TransportFailed(info, Reason(h)) { MayHaveReachedServer = !NeverConnected(h) }, !NeverConnected(h), null),
        IOException => new(new TransportFailed(info, e.Message), true, null),

        // Anything else came from a handler someone added to the HTTP client (a resilience pipeline's
        // timeout or open circuit, say): the request may or may not have gone out.
        _ => new(new TransportFailed(info, $"{e.GetType().Name}: {e.Message}"), true, null),
    };

    /// <summary>The error for a request made through, or overtaken by, a disposed client.</summary>
    internal static TransportFailed Disposed(RequestInfo info) =>
        new(info, "the saltant client has been disposed, so nothing more can be sent with it.");

    private static bool NeverConnected(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.ConnectionError &&
        e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };

    private static string Reason(HttpRequestException e) =>
        e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
}
