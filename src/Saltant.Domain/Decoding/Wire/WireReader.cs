using System.Text.Json;

namespace Saltant.Domain.Decoding.Wire;

/// <summary>
/// Reads one member's value with the <see cref="Utf8JsonReader"/>, refusing what the wire shape
/// does not allow with a <see cref="JsonException"/> that carries the member's path (the decoder
/// turns it into a <see cref="DecodeFailure"/>). For the answers read straight from the reader
/// (see <see cref="TaskInstanceReader"/>): they accept and refuse what the source-generated
/// serializer does with the wire shapes' converters.
/// </summary>
internal static class WireReader
{
    /// <summary>A non-null string.</summary>
    internal static string String(ref Utf8JsonReader reader, in MemberPath path) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Expected("a string", reader.TokenType, path);

    /// <summary>A number that is a 32-bit integer.</summary>
    internal static int Int32(ref Utf8JsonReader reader, in MemberPath path) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw (reader.TokenType == JsonTokenType.Number
                ? Problem($"expected a 32-bit integer, found {Truncate(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), 40)}", path)
                : Expected("a 32-bit integer", reader.TokenType, path));

    /// <summary>A UUID string.</summary>
    internal static Guid Uuid(ref Utf8JsonReader reader, in MemberPath path) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value)
            ? value
            : throw (reader.TokenType == JsonTokenType.String ? Problem("the string is not a UUID", path) : Expected("a UUID string", reader.TokenType, path));

    /// <summary>A datetime as the server prints it (see <see cref="ServerDateTime"/>).</summary>
    internal static DateTimeOffset DateTime(ref Utf8JsonReader reader, in MemberPath path)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Expected("a datetime string", reader.TokenType, path);
        }

        return TryServerDateTime(ref reader, out var value) ? value : throw Problem(NotAServerDateTime(ref reader), path);
    }

    /// <summary>
    /// The datetime a string token holds, when it is one as the server prints it: what this reader and
    /// <see cref="ServerDateTimeConverter"/> (the serializer's) both read datetimes with.
    /// </summary>
    internal static bool TryServerDateTime(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        // A server datetime is about 27 characters: read it without making a string (two a record).
        Span<char> buffer = stackalloc char[64];
        var length = reader.HasValueSequence || reader.ValueSpan.Length > buffer.Length ? -1 : reader.CopyString(buffer);
        return length >= 0 ? ServerDateTime.TryParse(buffer[..length], out value) : ServerDateTime.TryParse(reader.GetString()!, out value);
    }

    /// <summary>Why a string token is not a server datetime, naming it.</summary>
    internal static string NotAServerDateTime(ref Utf8JsonReader reader) =>
        $"\"{Truncate(reader.GetString()!, 60)}\" is not an ISO 8601 datetime with an offset, e.g. 2026-11-27T15:15:15.386078Z";

    /// <summary>A datetime, or null.</summary>
    internal static DateTimeOffset? DateTimeOrNull(ref Utf8JsonReader reader, in MemberPath path) =>
        reader.TokenType == JsonTokenType.Null ? null : DateTime(ref reader, path);

    /// <summary>A JSON object, kept as an immutable <see cref="Json.JObject"/>.</summary>
    internal static Json.JObject Object(ref Utf8JsonReader reader, in MemberPath path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Expected("a JSON object", reader.TokenType, path);
        }

        return (Json.JObject)Value(ref reader);
    }

    /// <summary>
    /// Any JSON value, the reader on its first token; after, the reader is on its last. Straight from
    /// the reader (no document, no LINQ), which has checked the text is JSON: what this reader and
    /// <see cref="JsonObjectConverter"/> (the serializer's) both read arguments and default values with.
    /// </summary>
    internal static Json Value(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<(string Key, Json Value)>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    members.Add((key, Value(ref reader)));
                }

                return new Json.JObject(members);
            case JsonTokenType.StartArray:
                var items = new List<Json>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Value(ref reader));
                }

                return new Json.JArray(LanguageExt.Seq.create(items.ToArray()));
            case JsonTokenType.String:
                return new Json.JString(reader.GetString()!);
            case JsonTokenType.Number:
                return Json.JNumber.FromValidText(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new Json.JBool(true);
            case JsonTokenType.False:
                return new Json.JBool(false);
            default:
                return Json.Null;
        }
    }

    /// <summary>An absolute http(s) URL (a page's link), or null.</summary>
    internal static Uri? UrlOrNull(ref Utf8JsonReader reader, in MemberPath path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Expected("an absolute URL or null", reader.TokenType, path);
        }

        var text = reader.GetString()!;
        return HttpUrl(text) ?? throw Problem(NotAnHttpUrl(text), path);
    }

    /// <summary>
    /// The absolute http(s) URL <paramref name="text"/> is, or null: what this reader and
    /// <see cref="AbsoluteUriConverter"/> (the serializer's) both read page links with.
    /// </summary>
    internal static Uri? HttpUrl(string text) =>
        // On Unix a rooted path parses as an absolute file: URI; a page link must be http(s).
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    /// <summary>Why <paramref name="text"/> is not a page link, naming it.</summary>
    internal static string NotAnHttpUrl(string text) => $"\"{Truncate(text, 80)}\" is not an absolute http(s) URL";

    /// <summary>
    /// Whether this is a problem the reader itself found in the text (not JSON, invalid UTF-8, too
    /// deep, trailing data) or a string it cannot read (a lone surrogate), which has no path yet: the
    /// serializer named where such problems were, and the decoders here do too (<see cref="At"/>).
    /// </summary>
    internal static bool FromTheReader(Exception e) => e is JsonException { Path: null } or InvalidOperationException;

    /// <summary>The reader's problem (see <see cref="FromTheReader"/>) as a failure at <paramref name="path"/>.</summary>
    internal static JsonException At(Exception e, in MemberPath path) => new(e.Message, path.ToString(), null, null, e);

    /// <summary>Refuses anything but the start of an object at <paramref name="path"/>.</summary>
    internal static void StartObject(ref Utf8JsonReader reader, in MemberPath path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Expected("a JSON object", reader.TokenType, path);
        }
    }

    /// <summary>A member missing from an object: the failure names it, at the object's path.</summary>
    internal static JsonException Missing(string member, in MemberPath objectPath) =>
        new($"the required member '{member}' is missing", objectPath.ToString(), null, null);

    /// <summary>A value of the wrong kind.</summary>
    internal static JsonException Expected(string what, JsonTokenType found, in MemberPath path) =>
        Problem($"expected {what}, found {Describe(found)}", path);

    private static JsonException Problem(string reason, in MemberPath path) => new(reason, path.ToString(), null, null);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>
/// Where a value is in the body, made into a string only when a failure names it: a member of the
/// root (<c>$.name</c>), of a page's result (<c>$.results[3].name</c>), or the object itself.
/// </summary>
/// <param name="Result">The result's index in a page's <c>results</c>, or -1 for the root object.</param>
/// <param name="Member">The member's name, or null for the object itself.</param>
internal readonly record struct MemberPath(int Result, string? Member)
{
    /// <summary>A member of the same object.</summary>
    internal MemberPath With(string member) => this with { Member = member };

    /// <inheritdoc />
    public override string ToString()
    {
        var owner = Result < 0 ? "$" : JsonPath.Index("$.results", Result);
        return Member is null ? owner : JsonPath.Member(owner, Member);
    }
}
