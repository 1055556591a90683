using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// The pure mapping from an answer the operation did not expect to the <see cref="SaltantError"/>
/// case it means. It never throws, whatever the status, content type or body, and keeps the
/// server's messages intact (cut to <see cref="BodySummary.MaxLength"/> characters; HTML pages
/// reduced to their title).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>400: <see cref="ValidationFailed"/> with the messages per field (or query parameter) and
/// the object-level ones, unwrapped from the Python list repr saltant puts in
/// <c>non_field_errors</c>; a <c>detail</c> (a JSON parse error) is an object-level message.
/// A bare JSON string of the form <c>No … found</c> is <see cref="NotFound"/>: that is how
/// <c>updatetaskinstancestatus/</c> says the UUID names no instance (the view has no other way).</item>
/// <item>401 (only <c>token/</c> and <c>token/refresh/</c>): <see cref="AuthenticationFailed"/>.</item>
/// <item>403: <see cref="AuthenticationFailed"/> when the detail is about credentials
/// (see <see cref="CredentialMessages"/>), else <see cref="PermissionDenied"/>.</item>
/// <item>404: <see cref="NotFound"/>. 405: <see cref="MethodNotAllowed"/>; an empty body means the
/// server failed inside the POST or PATCH, and the detail says so. 429: <see cref="RateLimited"/>.
/// 500, 502, 503, 504: <see cref="ServerFault"/>. Anything else, redirects included:
/// <see cref="UnexpectedStatus"/>.</item>
/// </list>
/// </remarks>
public static partial class ErrorMapping
{
    /// <summary>What a 405 with an empty body means on saltant.</summary>
    public const string EmptyMethodNotAllowed =
        "the server answered 405 with an empty body, which saltant does when it fails inside a POST or PATCH " +
        "(e.g. clone or terminate of an unknown instance, or an update it could not apply); the request had no effect or an unknown one.";

    /// <summary>Checks an answer's status against the one the operation expects; any other status becomes its error.</summary>
    /// <param name="request">The operation.</param>
    /// <param name="info">The request as sent (method and URL).</param>
    /// <param name="status">The status received.</param>
    /// <param name="contentType">The response content type, if any.</param>
    /// <param name="body">The response body.</param>
    /// <param name="retryAfter">The Retry-After delay, if the server sent one.</param>
    /// <param name="location">The Location header, if any.</param>
    public static Either<SaltantError, Unit> CheckStatus(
        ApiRequest request, RequestInfo info, int status, string? contentType, ReadOnlySpan<byte> body,
        Option<TimeSpan> retryAfter = default, Option<string> location = default) =>
        status == request.ExpectedStatus
            ? Right<SaltantError, Unit>(unit)
            : Left<SaltantError, Unit>(FromStatus(info, request.ExpectedStatus, status, contentType, body, retryAfter, location));

    /// <summary>The error an unexpected answer means (body as UTF-8 bytes; invalid bytes are replaced, never fatal).</summary>
    /// <param name="request">The request as sent.</param>
    /// <param name="expectedStatus">The status the operation expects (reported by <see cref="UnexpectedStatus"/>).</param>
    /// <param name="status">The status received.</param>
    /// <param name="contentType">The response content type, if any.</param>
    /// <param name="body">The response body.</param>
    /// <param name="retryAfter">The Retry-After delay, if the server sent one.</param>
    /// <param name="location">The Location header, if any.</param>
    public static SaltantError FromStatus(
        RequestInfo request, int expectedStatus, int status, string? contentType, ReadOnlySpan<byte> body,
        Option<TimeSpan> retryAfter = default, Option<string> location = default) =>
        FromStatus(request, expectedStatus, status, contentType, Encoding.UTF8.GetString(body), retryAfter, location);

    /// <summary>The error an unexpected answer means (body as text).</summary>
    /// <param name="request">The request as sent.</param>
    /// <param name="expectedStatus">The status the operation expects (reported by <see cref="UnexpectedStatus"/>).</param>
    /// <param name="status">The status received.</param>
    /// <param name="contentType">The response content type, if any.</param>
    /// <param name="body">The response body.</param>
    /// <param name="retryAfter">The Retry-After delay, if the server sent one.</param>
    /// <param name="location">The Location header, if any.</param>
    public static SaltantError FromStatus(
        RequestInfo request, int expectedStatus, int status, string? contentType, string? body,
        Option<TimeSpan> retryAfter = default, Option<string> location = default)
    {
        var text = body ?? "";
        var json = ParseJson(contentType, text);
        return status switch
        {
            400 => BadRequest(request, contentType, text, json),
            401 => new AuthenticationFailed(request, 401, DetailOrSummary(contentType, text, json)),
            403 => Forbidden(request, contentType, text, json),
            404 => new NotFound(request, DetailOrSummary(contentType, text, json)),
            405 => new MethodNotAllowed(request, string.IsNullOrWhiteSpace(text) ? EmptyMethodNotAllowed : DetailOrSummary(contentType, text, json)),
            429 => new RateLimited(request, retryAfter),
            500 or 502 or 503 or 504 => new ServerFault(request, status, DetailOrSummary(contentType, text, json)),
            >= 300 and < 400 => new UnexpectedStatus(request, status, expectedStatus, location.Match(
                l => $"redirected to {BodySummary.Limit(l)}",
                () => "a redirect without a Location")),
            _ => new UnexpectedStatus(request, status, expectedStatus, DetailOrSummary(contentType, text, json)),
        };
    }

    private static SaltantError Forbidden(RequestInfo request, string? contentType, string text, Option<Json> json)
    {
        var detail = DetailOrSummary(contentType, text, json);
        var code = json.Bind(j => Member(j, "code")).Bind(AsString).IfNoneUnsafe((string?)null);
        return CredentialMessages.AreAboutCredentials(detail, code)
            ? new AuthenticationFailed(request, 403, detail)
            : new PermissionDenied(request, detail);
    }

    private static SaltantError BadRequest(RequestInfo request, string? contentType, string text, Option<Json> json) =>
        json.Match(
            value => value switch
            {
                Json.JString { Value: var message } when NoSuchRecord().IsMatch(message) =>
                    new NotFound(request, BodySummary.Limit(message)),
                Json.JObject obj => Validation(request, obj),
                _ => new ValidationFailed(request, Seq<FieldError>(), Messages(value)),
            },
            () => new ValidationFailed(request, Seq<FieldError>(), Seq1(BodySummary.Of(contentType, text))));

    private static SaltantError Validation(RequestInfo request, Json.JObject obj)
    {
        var general = new List<string>();
        var fields = new List<FieldError>();
        foreach (var (key, value) in obj.Members)
        {
            if (key is "non_field_errors" or "detail")
            {
                general.AddRange(Messages(value));
            }
            else
            {
                fields.AddRange(FieldErrors(key, value));
            }
        }

        // An empty object says nothing; keep the error readable all the same.
        if (general.Count == 0 && fields.Count == 0) general.Add("(no messages)");
        return new ValidationFailed(request, toSeq(fields.ToArray()), toSeq(general.ToArray()));
    }

    // Field messages arrive as a list of strings; nested serializers nest objects (and lists of
    // them), which are flattened into dotted field names.
    private static IEnumerable<FieldError> FieldErrors(string field, Json value)
    {
        switch (value)
        {
            case Json.JObject nested:
                foreach (var (key, inner) in nested.Members)
                {
                    foreach (var error in FieldErrors($"{field}.{key}", inner)) yield return error;
                }

                break;
            case Json.JArray { Items: var items } when items.Exists(i => i is Json.JObject):
                var own = new List<string>();
                var index = 0;
                foreach (var item in items)
                {
                    if (item is Json.JObject)
                    {
                        foreach (var error in FieldErrors($"{field}[{index}]", item)) yield return error;
                    }
                    else
                    {
                        own.AddRange(Messages(item));
                    }

                    index++;
                }

                if (own.Count > 0) yield return new FieldError(field, toSeq(own.ToArray()));
                break;
            default:
                yield return new FieldError(field, Messages(value));
                break;
        }
    }

    // Strings are unwrapped from a Python list repr when they hold one; other values keep their JSON text.
    private static Seq<string> Messages(Json value) => value switch
    {
        Json.JString s => PythonRepr.UnwrapMessage(s.Value).Map(BodySummary.Limit),
        Json.JArray a => a.Items.Bind(Messages),
        _ => Seq1(BodySummary.Limit(value.ToString())),
    };

    private static string DetailOrSummary(string? contentType, string text, Option<Json> json) =>
        json.Bind(j => Member(j, "detail")).Bind(AsString).Match(BodySummary.Limit, () => json.Match(
            value => value is Json.JString s ? BodySummary.Limit(s.Value) : BodySummary.Of(contentType, text),
            () => BodySummary.Of(contentType, text)));

    private static Option<Json> Member(Json json, string key) => json is Json.JObject o ? o.Find(key) : None;

    private static Option<string> AsString(Json json) => json is Json.JString s ? Some(s.Value) : None;

    private static Option<Json> ParseJson(string? contentType, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || BodySummary.IsHtml(contentType, text)) return None;
        try
        {
            using var document = JsonDocument.Parse(text);
            return Json.FromElement(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return None;
        }
    }

    [GeneratedRegex(@"^No .+ found$", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex NoSuchRecord();
}
