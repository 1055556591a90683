using LanguageExt;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>
/// One attempt of the connection's, carried in its request message's options: how
/// <see cref="SendOnceHandler"/> tells a resend by another handler from the attempt itself, and
/// where it keeps what the one send came to.
/// </summary>
internal sealed class Attempt(RequestInfo info, long limit, TimeProvider clock)
{
    /// <summary>The options key the connection and the guard share.</summary>
    internal static readonly HttpRequestOptionsKey<Attempt> Key = new("Saltant.Http.Attempt");

    private int started;

    /// <summary>The answer the one send got, when the guard kept it (a failure status).</summary>
    internal Fin<HttpAnswer>? FirstAnswer { get; private set; }

    /// <summary>What the one send threw, when it threw.</summary>
    internal Exception? FirstFailure { get; private set; }

    /// <summary>True the first time, false for any resend.</summary>
    internal bool TryStart() => Interlocked.Exchange(ref started, 1) == 0;

    /// <summary>Records that the one send threw.</summary>
    internal void Failed(Exception failure) => FirstFailure = failure;

    /// <summary>Reads and keeps the answer (its body bounded by the client's limit).</summary>
    internal async Task KeepAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            FirstAnswer = await AnswerReader.ReadAsync(response, info, limit, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            FirstFailure = failure;
        }
    }
}

/// <summary>
/// Thrown by <see cref="SendOnceHandler"/> to hand an outcome back to the client past the handlers
/// above it (the attempt holds what it was): no retry policy handles it, so none retries or waits.
/// </summary>
internal sealed class HandedBackException()
    : InvalidOperationException("The saltant client handles this outcome itself: the handlers between it and the network must not retry or resend it.");
