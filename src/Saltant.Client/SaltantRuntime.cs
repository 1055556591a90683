using LanguageExt.Effects.Traits;

namespace Saltant.Client;

/// <summary>
/// The runtime every saltant effect runs in: it carries the caller's cancellation so that every
/// await inside an <c>Aff&lt;SaltantRuntime, T&gt;</c> observes it.
/// </summary>
public readonly struct SaltantRuntime : HasCancel<SaltantRuntime>
{
    private SaltantRuntime(CancellationTokenSource source)
    {
        CancellationTokenSource = source;
        CancellationToken = source.Token;
    }

    /// <summary>A runtime cancelled when <paramref name="token"/> is.</summary>
    /// <param name="token">The caller's token.</param>
    public static SaltantRuntime New(CancellationToken token = default) =>
        new(CancellationTokenSource.CreateLinkedTokenSource(token));

    /// <inheritdoc />
    public SaltantRuntime LocalCancel => new(CancellationTokenSource.CreateLinkedTokenSource(CancellationToken));

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; }

    /// <inheritdoc />
    public CancellationTokenSource CancellationTokenSource { get; }
}
