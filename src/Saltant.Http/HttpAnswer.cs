using LanguageExt;

namespace Saltant.Http;

/// <summary>One HTTP answer as the interpreter read it: status, the headers that matter, and the whole body.</summary>
/// <param name="Status">The status code.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="RetryAfter">The Retry-After header as a delay, if any.</param>
/// <param name="Location">The Location header, if any.</param>
internal sealed record HttpAnswer(
    int Status,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    Option<TimeSpan> RetryAfter,
    Option<string> Location);
