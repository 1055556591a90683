namespace Saltant.Http;

/// <summary>
/// Makes sure every request a saltant client sends reaches the next handler at most once, whatever
/// the handlers between the client and it do. Place it innermost in an <see cref="HttpClient"/>
/// given to the client (just above the primary handler): a retrying handler above it, such as the
/// standard resilience handler, would otherwise send a create twice and multiply the client's own
/// retries of reads. A second send of one attempt is refused, and the client reports the first
/// send's outcome exactly as it would have without that handler (and retries it itself only when
/// that is safe). Requests that did not come from a saltant client pass unchanged.
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
            throw new ResendRefusedException();
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            // A handler above resends only after an answer it did not like; keep such an answer (bounded),
            // so the client can report it as it would have had the handler not been there.
            if (!response.IsSuccessStatusCode)
            {
                await attempt.KeepAsync(response, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch (Exception failure)
        {
            attempt.Failed(failure);
            throw;
        }
    }
}
