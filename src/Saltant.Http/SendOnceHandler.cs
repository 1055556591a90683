namespace Saltant.Http;

/// <summary>
/// Hands every outcome of a saltant client's request but a successful answer straight back to the
/// client, past the handlers above it, and lets no handler send one of its requests twice. Place it
/// innermost in an <see cref="HttpClient"/> given to the client (just above the primary handler): a
/// retrying handler above it, such as the standard resilience handler, would otherwise send a
/// create twice, multiply the client's own retries of reads and add its own waits. The client then
/// reports each outcome exactly as it would without those handlers, and retries only what is safe,
/// on its own schedule. Handlers above still see every successful answer, and time out or stop
/// requests as they do. Requests that did not come from a saltant client pass unchanged.
/// <c>AddSaltantClient</c> puts one innermost in the HTTP client it registers.
/// </summary>
public sealed class SendOnceHandler : DelegatingHandler
{
    /// <summary>Makes the guard; the HTTP client factory or the caller sets its inner handler.</summary>
    public SendOnceHandler()
    {
    }

    /// <summary>Makes the guard over a handler.</summary>
    /// <param name="innerHandler">The handler requests go to (the primary handler).</param>
    public SendOnceHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(Attempt.Key, out var attempt))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!attempt.TryStart())
        {
            throw new HandedBackException();
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            attempt.Failed(failure);
            if (cancellationToken.IsCancellationRequested)
            {
                throw; // cancelled from above (the caller, or a handler's timeout): theirs to see
            }

            // Retrying handlers retry exceptions like this one; they never see it.
            throw new HandedBackException();
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        // The answer is kept (its body bounded) for the client, which judges and retries it itself.
        using (response)
        {
            await attempt.KeepAsync(response, cancellationToken).ConfigureAwait(false);
        }

        throw new HandedBackException();
    }
}
