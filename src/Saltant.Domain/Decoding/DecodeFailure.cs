using LanguageExt;

namespace Saltant.Domain;

/// <summary>Why a body could not be decoded, and where in it.</summary>
/// <param name="Path">The JSON path of the problem, e.g. <c>$.results[3].datetime_created</c>; <c>$</c> for the whole body.</param>
/// <param name="Reason">What was wrong there, in one sentence.</param>
public sealed record DecodeFailure(string Path, string Reason)
{
    /// <summary>The typed error the HTTP layer reports for this failure.</summary>
    /// <param name="request">The request whose answer it was, if any.</param>
    public UndecodableBody ToError(Option<RequestInfo> request) => new(request, Path, Reason);

    /// <summary>The same failure seen from an enclosing value: <c>$.x</c> under <c>$.results[2]</c> becomes <c>$.results[2].x</c>.</summary>
    /// <param name="prefix">The path of the enclosing value.</param>
    public DecodeFailure Under(string prefix) => this with { Path = prefix + (Path.StartsWith('$') ? Path[1..] : Path) };

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Reason}";
}
