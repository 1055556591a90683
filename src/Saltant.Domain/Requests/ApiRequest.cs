using LanguageExt;

namespace Saltant.Domain;

/// <summary>The HTTP methods the saltant API uses.</summary>
public enum HttpVerb
{
    /// <summary>GET: read.</summary>
    Get,

    /// <summary>POST: create, clone, terminate, obtain or refresh a JWT.</summary>
    Post,

    /// <summary>PUT: replace every writable field.</summary>
    Put,

    /// <summary>PATCH: change only the fields given.</summary>
    Patch,
}

/// <summary>The body of a request.</summary>
public abstract record RequestBody
{
    private RequestBody() { }

    /// <summary>No body.</summary>
    public sealed record None : RequestBody;

    /// <summary>A JSON body (<c>application/json</c>).</summary>
    /// <param name="Value">The JSON document.</param>
    public sealed record JsonBody(Json Value) : RequestBody
    {
        /// <summary>The member names only: the JWT endpoints' bodies hold a password or a token.</summary>
        public override string ToString() =>
            Value is Json.JObject o ? $"JsonBody {{ {string.Join(", ", o.Members.Map(m => m.Key))} }}" : "JsonBody";
    }

    /// <summary>A form body (<c>application/x-www-form-urlencoded</c>); a name may repeat (lists).</summary>
    /// <param name="Fields">The fields in order.</param>
    public sealed record FormBody(Seq<(string Name, string Value)> Fields) : RequestBody
    {
        /// <summary>The field names only, for the same reason as <see cref="JsonBody"/>.</summary>
        public override string ToString() => $"FormBody {{ {string.Join(", ", Fields.Map(f => f.Name))} }}";
    }

    /// <summary>The shared empty body.</summary>
    public static readonly RequestBody Empty = new None();
}

/// <summary>
/// One saltant API call, fully described and not yet sent: the pure output of the request
/// builders and the only input of the HTTP interpreter.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">Path segments under the API root, not encoded; the URI always ends in <c>/</c>.</param>
/// <param name="Query">Query parameters in order, not encoded.</param>
/// <param name="Body">The body.</param>
/// <param name="ExpectedStatus">The success status this operation answers (200, 201 or 202).</param>
/// <param name="SafeToRetry">Whether sending it twice is harmless (false for creates and clones).</param>
/// <param name="RouteTemplate">The route with placeholders, e.g. <c>taskqueues/{id}/</c>, for logs and traces.</param>
/// <param name="Anonymous">Whether it is sent without credentials (the JWT endpoints).</param>
public sealed record ApiRequest(
    HttpVerb Method,
    Seq<string> Path,
    Seq<(string Name, string Value)> Query,
    RequestBody Body,
    int ExpectedStatus,
    bool SafeToRetry,
    string RouteTemplate,
    bool Anonymous = false)
{
    /// <summary>The method's wire name, e.g. <c>PATCH</c>.</summary>
    public string MethodName => Method switch
    {
        HttpVerb.Get => "GET",
        HttpVerb.Post => "POST",
        HttpVerb.Put => "PUT",
        _ => "PATCH",
    };

    /// <summary>
    /// The percent-encoded URI relative to the API root, e.g. <c>taskqueues/1/?name=a%26b</c>,
    /// always with the trailing slash the server requires.
    /// </summary>
    public string RelativeUri => UriEncoding.RelativeUri(Path, Query);

    /// <summary>
    /// The method and relative URI only, e.g. <c>POST token/</c>. The body is left out on
    /// purpose: the JWT requests carry a password or refresh token there, and requests get logged.
    /// </summary>
    public override string ToString() => $"{MethodName} {RelativeUri}";
}
