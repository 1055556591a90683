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

    /// <summary>Reads and keeps the answer, and gives the message its body back so it reads as before.</summary>
    internal async Task KeepAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = response.Content.Headers.ToList();
        var answer = await AnswerReader.ReadAsync(response, info, limit, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        FirstAnswer = answer;
        var kept = new ByteArrayContent(answer.Match(a => a.Body.ToArray(), _ => []));
        foreach (var (name, values) in headers)
        {
            if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                kept.Headers.TryAddWithoutValidation(name, values);
            }
        }

        response.Content = kept;
    }
}

/// <summary>Thrown by <see cref="SendOnceHandler"/> at a resend: no retry policy handles it, so it ends the other handler's loop at once.</summary>
internal sealed class ResendRefusedException()
    : InvalidOperationException("A handler tried to send a saltant request a second time; the second send was refused.");
