using LanguageExt;

namespace Saltant.Http;

/// <summary>
/// Supplies the Authorization header value for each request and renews it when the server
/// rejects it. Implementations never log or print the value.
/// </summary>
internal interface ICredentialSource
{
    /// <summary>The header value to send now (e.g. <c>Token …</c> or <c>Bearer …</c>), or the error that prevents one.</summary>
    /// <param name="cancellationToken">Cancels the wait (a JWT login may be in flight).</param>
    ValueTask<Fin<string>> AuthorizationAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called when the server rejected <paramref name="rejected"/> as a credential. True when a
    /// different credential is now available and the request is worth one more try; false when
    /// there is none to be had (the rejection stands); an error (such as <see cref="Saltant.Domain.Cancelled"/>)
    /// when the renewal itself ended that way. Concurrent callers share one renewal.
    /// </summary>
    /// <param name="rejected">The header value that was rejected.</param>
    /// <param name="cancellationToken">Cancels the renewal wait.</param>
    ValueTask<Fin<bool>> RenewAsync(string rejected, CancellationToken cancellationToken);
}

/// <summary>A DRF token: <c>Authorization: Token &lt;key&gt;</c>. It never renews.</summary>
internal sealed class TokenCredentialSource : ICredentialSource
{
    private readonly Fin<string> header;

    /// <summary>Wraps a DRF token.</summary>
    /// <param name="token">The token.</param>
    public TokenCredentialSource(Saltant.Domain.Secret token) => header = "Token " + token.Reveal();

    /// <inheritdoc />
    public ValueTask<Fin<string>> AuthorizationAsync(CancellationToken cancellationToken) => new(header);

    /// <inheritdoc />
    public ValueTask<Fin<bool>> RenewAsync(string rejected, CancellationToken cancellationToken) => new(Fin<bool>.Succ(false));

    /// <inheritdoc />
    public override string ToString() => "Token ***";
}
