using LanguageExt;
using Saltant.Domain;

namespace Saltant.Http;

/// <summary>What one attempt came to: the outcome, whether the request may have reached the server, and the status answered (null without an answer).</summary>
/// <remarks>A class, so the attempt's task shares the runtime's precompiled code for reference results (a struct result is a dozen more methods to JIT-compile in a fresh process).</remarks>
internal sealed record ExchangeOutcome(Fin<HttpAnswer> Outcome, bool Sent, int? Status);

/// <summary>One attempt: the request sent once over HTTP within the timeout, the answer read (bounded) and judged.</summary>
internal static class Exchange
{
    /// <summary>Sends the request once and reads the answer; never throws.</summary>
    internal static async Task<ExchangeOutcome> RunAsync(
        HttpClient http, ConnectionOptions options, ApiRequest request, Uri url, RequestInfo info, string? authorization,
        Func<bool> disposed, CancellationToken cancellationToken)
    {
        // A linked source per attempt, disposed with it (LanguageExt's timeout leaves its local
        // source to the garbage collector, which would pile registrations on a long wait's token).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var attempt = new Attempt(info, options.MaxResponseBytes, options.Clock);
        using var message = RequestMessage.Build(request, url, authorization, options.UserAgent, attempt);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var answer = await AnswerReader.ReadAsync(response, info, options.MaxResponseBytes, options.Clock.GetUtcNow(), timeout.Token).ConfigureAwait(false);
            return new ExchangeOutcome(answer.Bind(a => Judge(request, info, a)), true, (int)response.StatusCode);
        }
        catch (HandedBackException)
        {
            // The guard innermost in the HTTP client handed the outcome back past the handlers above it
            // (or refused a resend of a success by one of them): report the one send as if they were not there.
            return attempt switch
            {
                { FirstAnswer: { } first } => new ExchangeOutcome(first.Bind(a => Judge(request, info, a)), true, first.Match(a => (int?)a.Status, _ => null)),
                { FirstFailure: { } failure } => TransportErrors.Classify(failure, info, options.Timeout, disposed(), cancellationToken.IsCancellationRequested),
                _ => new ExchangeOutcome(new ResendRefused(info), true, null),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return TransportErrors.Classify(e, info, options.Timeout, disposed(), cancellationToken.IsCancellationRequested);
        }
    }

    /// <summary>The expected status is a success; every other answer becomes its typed error.</summary>
    private static Fin<HttpAnswer> Judge(ApiRequest request, RequestInfo info, HttpAnswer answer) =>
        answer.Status == request.ExpectedStatus
            ? answer
            : ResponseErrors.Map(info, request.ExpectedStatus, answer);
}
