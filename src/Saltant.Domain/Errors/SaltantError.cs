using LanguageExt;
using LanguageExt.Common;

namespace Saltant.Domain;

/// <summary>
/// The closed family of everything that can go wrong when talking to saltant. Every case is a
/// LanguageExt <see cref="Expected"/> error with its own non-zero <see cref="Error.Code"/> (see
/// <see cref="ErrorCodes"/>) and a one-sentence <see cref="Error.Message"/> a person can act on.
/// No case ever holds a credential.
/// </summary>
/// <example>
/// Handle the cases a caller can act on, and print the rest: every message is one sentence.
/// <code>
/// var result = await client.ExecutableTaskInstances.CreateAsync(draft, cancellationToken);
/// var text = result.Match(
///     Succ: instance =&gt; $"launched {instance.Uuid}",
///     Fail: error =&gt; error switch
///     {
///         ValidationFailed v =&gt; "rejected: " + string.Join("; ", v.NonFieldErrors.Concat(v.FieldErrors.Map(f =&gt; $"{f.Field}: {string.Join(" ", f.Messages)}"))),
///         AuthenticationFailed =&gt; "check SALTANT_AUTH_TOKEN",
///         PermissionDenied =&gt; "only the owner may do that",
///         NotFound or NameNotFound =&gt; "no such task type or queue",
///         TimedOut or TransportFailed or ServerFault =&gt; "saltant is unreachable; try again later",
///         _ =&gt; error.Message,
///     });
/// </code>
/// </example>
public abstract record SaltantError : Expected
{
    // The message is not stored: each case computes it from its own fields, so a `with` copy that
    // changes a field tells the new value (a message fixed in the constructor would keep the old one).
    private protected SaltantError(int code)
        : base("", code, Option<Error>.None)
    {
    }

    /// <summary>One sentence a person can act on, made from this case's fields; never a credential.</summary>
    public abstract override string Message { get; }

    /// <inheritdoc />
    public sealed override string ToString() => Message;
}

/// <summary>Settings could not be made; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed record ConfigError : SaltantError
{
    /// <summary>Makes the error from its problems (at least one).</summary>
    /// <param name="problems">Every problem found.</param>
    public ConfigError(Seq<ConfigProblem> problems)
        : base(ErrorCodes.Config) => Problems = problems;

    /// <summary>Every problem found, in the order the settings were checked.</summary>
    public Seq<ConfigProblem> Problems { get; }

    /// <summary>Makes the error from one or more problems.</summary>
    /// <param name="problems">The problems.</param>
    public static ConfigError Of(params ConfigProblem[] problems) => new(problems.ToSeq());

    /// <inheritdoc />
    public override string Message => Problems.Count switch
    {
        0 => "The saltant settings are invalid.",
        1 => $"The saltant settings are invalid: {Problems.Head.Message}",
        _ => $"The saltant settings have {Problems.Count} problems: " + string.Join(" ", Problems.Map(p => p.Message)),
    };
}

/// <summary>The request could not be sent or its answer could not be read (DNS, refused or reset connection, TLS, broken body).</summary>
/// <param name="Request">The request.</param>
/// <param name="Reason">What the transport reported, without credentials.</param>
public sealed record TransportFailed(RequestInfo Request, string Reason)
    : SaltantError(ErrorCodes.TransportFailed)
{
    /// <summary>
    /// Whether the request may have reached the server: false only when no connection was ever made
    /// (refused, unknown host, unreachable network), which proves it did not; true otherwise.
    /// </summary>
    public bool MayHaveReachedServer { get; init; } = true;

    /// <inheritdoc />
    public override string Message => $"{Request} failed before an answer arrived: {MessageText.Clip(Reason)}";
}

/// <summary>No answer arrived within the timeout.</summary>
/// <param name="Request">The request.</param>
/// <param name="Timeout">The timeout that ran out.</param>
public sealed record TimedOut(RequestInfo Request, TimeSpan Timeout)
    : SaltantError(ErrorCodes.TimedOut)
{
    /// <inheritdoc />
    public override string Message => $"{Request} got no answer within {Timeout.TotalSeconds:0.###} s.";
}

/// <summary>The caller cancelled the operation.</summary>
/// <param name="What">What was cancelled (a request, or a wait).</param>
public sealed record Cancelled(string What)
    : SaltantError(ErrorCodes.Cancelled)
{
    /// <inheritdoc />
    public override string Message => $"{MessageText.Clip(What)} was cancelled.";
}

/// <summary>The settings would send credentials where they could be read in transit; nothing was sent.</summary>
/// <param name="Url">The URL refused.</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record InsecureRequestRefused(string Url, string Reason)
    : SaltantError(ErrorCodes.InsecureRequestRefused)
{
    /// <inheritdoc />
    public override string Message => $"Refused to send credentials to {MessageText.Clip(Url, MessageText.MaxUrl)}: {MessageText.Clip(Reason)}";
}

/// <summary>
/// A handler in the <see cref="System.Net.Http.HttpClient"/> given to the client threw away a
/// successful answer and tried to send the request again; the client's guard refused, so that
/// nothing is done twice: the request reached the server once, and its answer is lost. Take
/// retries out of the HTTP client's handlers: the client retries safe requests itself.
/// </summary>
/// <param name="Request">The request.</param>
public sealed record ResendRefused(RequestInfo Request)
    : SaltantError(ErrorCodes.ResendRefused)
{
    /// <inheritdoc />
    public override string Message =>
        $"{Request} reached the server once, but a handler in the HTTP client discarded its answer and tried to send it again, which was refused so that nothing is done twice; " +
        "take retries out of the HTTP client's handlers (the saltant client retries safe requests itself).";
}

/// <summary>
/// The server did not accept the credentials (a 403 whose <c>detail</c> is about credentials,
/// or a 401 from <c>token/</c>): missing, bad or expired token, wrong password.
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="Status">The status (403, or 401 from the JWT endpoints).</param>
/// <param name="Detail">The server's <c>detail</c> text.</param>
public sealed record AuthenticationFailed(RequestInfo Request, int Status, string Detail)
    : SaltantError(ErrorCodes.AuthenticationFailed)
{
    /// <inheritdoc />
    public override string Message => $"{Request} was refused because the credentials were not accepted ({Status}): {MessageText.Clip(Detail)}";
}

/// <summary>The credentials are good but the user may not do this (not the owner, not a superuser).</summary>
/// <param name="Request">The request.</param>
/// <param name="Detail">The server's <c>detail</c> text.</param>
public sealed record PermissionDenied(RequestInfo Request, string Detail)
    : SaltantError(ErrorCodes.PermissionDenied)
{
    /// <inheritdoc />
    public override string Message => $"{Request} is not permitted for this user (403): {MessageText.Clip(Detail)}";
}

/// <summary>No such record, route or page (404).</summary>
/// <param name="Request">The request.</param>
/// <param name="Detail">The server's <c>detail</c> text, or a summary of an HTML page.</param>
public sealed record NotFound(RequestInfo Request, string Detail)
    : SaltantError(ErrorCodes.NotFound)
{
    /// <inheritdoc />
    public override string Message => $"{Request} found nothing (404): {MessageText.Clip(Detail)}";
}

/// <summary>The server rejected the input (400), with its messages per field and for the whole object.</summary>
/// <param name="Request">The request.</param>
/// <param name="FieldErrors">Messages per field (or per query parameter), in the server's order.</param>
/// <param name="NonFieldErrors">Messages about the whole object, unwrapped from the server's Python list repr.</param>
public sealed record ValidationFailed(RequestInfo Request, Seq<FieldError> FieldErrors, Seq<string> NonFieldErrors)
    : SaltantError(ErrorCodes.ValidationFailed)
{
    /// <inheritdoc />
    public override string Message =>
        $"{Request} was rejected as invalid (400): {string.Join("; ", NonFieldErrors.Map(m => MessageText.Clip(m)).Concat(FieldErrors.Map(f => $"{MessageText.Clip(f.Field)}: {MessageText.Clip(string.Join(" ", f.Messages))}")))}";

    /// <summary>The messages for one field, if the server gave any.</summary>
    /// <param name="field">The field (or query parameter) name.</param>
    public Seq<string> MessagesFor(string field) =>
        FieldErrors.Find(f => f.Field == field).Map(f => f.Messages).IfNone(Seq<string>.Empty);
}

/// <summary>The server's messages for one field.</summary>
/// <param name="Field">The field or query parameter name.</param>
/// <param name="Messages">Its messages.</param>
public sealed record FieldError(string Field, Seq<string> Messages);

/// <summary>
/// The route does not take this method (405 with a <c>detail</c>), or the server failed inside a
/// POST/PATCH and answered 405 with an empty HTML body (clone or terminate of an unknown UUID).
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="Detail">The server's <c>detail</c>, or a note that the body was empty.</param>
public sealed record MethodNotAllowed(RequestInfo Request, string Detail)
    : SaltantError(ErrorCodes.MethodNotAllowed)
{
    /// <inheritdoc />
    public override string Message => $"{Request} was refused (405): {MessageText.Clip(Detail)}";
}

/// <summary>The server failed (500, 502, 503, 504): its fault, possibly temporary.</summary>
/// <param name="Request">The request.</param>
/// <param name="Status">The status.</param>
/// <param name="Summary">A short summary of the body (HTML pages are reduced to their title).</param>
public sealed record ServerFault(RequestInfo Request, int Status, string Summary)
    : SaltantError(ErrorCodes.ServerFault)
{
    /// <inheritdoc />
    public override string Message => $"{Request} failed on the server ({Status}): {MessageText.Clip(Summary)}";
}

/// <summary>The server asked the client to slow down (429) and retries did not get through.</summary>
/// <param name="Request">The request.</param>
/// <param name="RetryAfter">How long the server asked to wait, if it said.</param>
public sealed record RateLimited(RequestInfo Request, Option<TimeSpan> RetryAfter)
    : SaltantError(ErrorCodes.RateLimited)
{
    /// <inheritdoc />
    public override string Message => $"{Request} was rate limited (429)" + RetryAfter.Match(t => $"; the server asked to wait {t.TotalSeconds:0.###} s.", () => ".");
}

/// <summary>A status the operation does not expect (a redirect, or a success other than the one expected).</summary>
/// <param name="Request">The request.</param>
/// <param name="Status">The status received.</param>
/// <param name="Expected">The status the operation expects.</param>
/// <param name="Summary">A short summary of the body, or the redirect location.</param>
public sealed record UnexpectedStatus(RequestInfo Request, int Status, int Expected, string Summary)
    : SaltantError(ErrorCodes.UnexpectedStatus)
{
    /// <inheritdoc />
    public override string Message => $"{Request} answered {Status} where {Expected} was expected: {MessageText.Clip(Summary)}";
}

/// <summary>The answer's body is not what the endpoint serves; <see cref="Path"/> says where it went wrong.</summary>
/// <param name="Request">The request, when the body came from one.</param>
/// <param name="Path">The JSON path of the problem, e.g. <c>$.results[3].state</c>.</param>
/// <param name="Reason">What was wrong there.</param>
public sealed record UndecodableBody(Option<RequestInfo> Request, string Path, string Reason)
    : SaltantError(ErrorCodes.UndecodableBody)
{
    /// <inheritdoc />
    public override string Message => Request.Match(r => $"{r} answered a body that could not be read at {MessageText.Clip(Path)}: {MessageText.Clip(Reason)}", () => $"A body could not be read at {MessageText.Clip(Path)}: {MessageText.Clip(Reason)}");
}

/// <summary>
/// The answer's body was longer than the client reads (<see cref="Settings.MaxResponseSize"/>), so
/// reading stopped there instead of growing memory without end; a real saltant page is far smaller.
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="Limit">The most bytes read, in bytes.</param>
public sealed record ResponseTooLarge(RequestInfo Request, long Limit)
    : SaltantError(ErrorCodes.ResponseTooLarge)
{
    /// <inheritdoc />
    public override string Message =>
        $"{Request} answered a body longer than the {Limit / (1024.0 * 1024.0):0.##} MiB the client reads; reading stopped there (raise SALTANT_MAX_RESPONSE_MB if the server is right).";
}

/// <summary>
/// A list's pages broke a promise reading relies on (an empty page that says there is more, a next
/// link that does not point at the next page, a count smaller than a page): the read stopped
/// there instead of running on without end.
/// </summary>
/// <param name="Request">The page's request.</param>
/// <param name="Reason">The promise broken.</param>
public sealed record BrokenPagination(RequestInfo Request, string Reason)
    : SaltantError(ErrorCodes.BrokenPagination)
{
    /// <inheritdoc />
    public override string Message => $"{Request} answered a page that breaks pagination, so the list was not read on: {MessageText.Clip(Reason)}.";
}

/// <summary>Waiting for instances to finish ran past its overall timeout.</summary>
/// <param name="Timeout">The overall timeout.</param>
/// <param name="Pending">The instances that had not finished.</param>
public sealed record WaitTimedOut(TimeSpan Timeout, Seq<InstanceUuid> Pending)
    : SaltantError(ErrorCodes.WaitTimedOut)
{
    /// <inheritdoc />
    public override string Message => $"{Pending.Count} instance(s) had not finished after {Timeout.TotalSeconds:0.###} s: {string.Join(", ", Pending.Take(5))}{(Pending.Count > 5 ? ", …" : "")}";
}

/// <summary>A name lookup (get by name) found no record with that name.</summary>
/// <param name="Resource">The resource looked in, e.g. <c>taskqueues</c>.</param>
/// <param name="Name">The name looked for.</param>
public sealed record NameNotFound(string Resource, string Name)
    : SaltantError(ErrorCodes.NameNotFound)
{
    /// <inheritdoc />
    public override string Message => $"No {Resource} record is named \"{MessageText.Clip(Name)}\".";
}

/// <summary>A sweep was refused before anything was created: every problem of every set is listed.</summary>
/// <param name="Sweep">The sweep's name.</param>
/// <param name="Problems">Every problem found, by set.</param>
public sealed record SweepRejected(string Sweep, Seq<SweepProblem> Problems)
    : SaltantError(ErrorCodes.SweepRejected)
{
    /// <inheritdoc />
    public override string Message =>
        $"The sweep \"{MessageText.Clip(Sweep)}\" was not started, nothing was created: " +
        string.Join("; ", Problems.Take(10).Map(p => $"{MessageText.Clip(p.Key)}: {MessageText.Clip(p.Problem)}")) +
        (Problems.Count > 10 ? $"; and {Problems.Count - 10} more" : "") + ".";
}
