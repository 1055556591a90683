using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LanguageExt;

namespace Saltant.Domain;

/// <summary>
/// Reads one kind of answer body into a value. Decoding never throws: any input, however broken,
/// gives either the value or a <see cref="DecodeFailure"/> saying where and why.
/// </summary>
/// <typeparam name="T">The value read.</typeparam>
public sealed partial class Decoder<T>
{
    private readonly FromBytes fromBytes;
    private readonly Func<JsonElement, Either<DecodeFailure, T>> fromElement;

    internal Decoder(FromBytes fromBytes, Func<JsonElement, Either<DecodeFailure, T>> fromElement)
    {
        this.fromBytes = fromBytes;
        this.fromElement = fromElement;
    }

    /// <summary>Reads a value from UTF-8 bytes (a whole body).</summary>
    internal delegate Either<DecodeFailure, T> FromBytes(ReadOnlySpan<byte> utf8);

    /// <summary>Decodes a whole body given as UTF-8 bytes.</summary>
    /// <param name="utf8">The body.</param>
    public Either<DecodeFailure, T> Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return fromBytes(utf8);
        }
        catch (Exception e) when (IsDecodingProblem(e))
        {
            return Failure(e);
        }
    }

    /// <summary>Decodes a whole body given as text.</summary>
    /// <param name="json">The body.</param>
    public Either<DecodeFailure, T> Decode(string json) => Decode(Encoding.UTF8.GetBytes(json ?? ""));

    /// <summary>Decodes an already parsed JSON value; failure paths are relative to it.</summary>
    /// <param name="element">The value.</param>
    public Either<DecodeFailure, T> Decode(JsonElement element)
    {
        try
        {
            return fromElement(element);
        }
        catch (Exception e) when (IsDecodingProblem(e))
        {
            return Failure(e);
        }
    }

    /// <summary>A decoder that reads the same body and transforms the value.</summary>
    /// <typeparam name="TResult">The transformed value.</typeparam>
    /// <param name="map">The transformation (must not throw).</param>
    public Decoder<TResult> Map<TResult>(Func<T, TResult> map) =>
        new(utf8 => Decode(utf8).Map(map), element => Decode(element).Map(map));

    /// <summary>The failure for an exception the serializer or a converter threw.</summary>
    internal static DecodeFailure Failure(Exception e) =>
        new(e is JsonException { Path: { } path } ? path : "$", CleanReason(e.Message));

    // Every exception the reader, the serializer or the converters throw on bad input. Anything
    // else (out of memory, a bug) is not about the body and is left to surface.
    private static bool IsDecodingProblem(Exception e) =>
        e is JsonException or InvalidOperationException or NotSupportedException or ArgumentException
            or FormatException or OverflowException;

    // The serializer appends the path and position, which the failure carries separately, and
    // names internal wire types; keep the sentence a person needs.
    private static string CleanReason(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var reason = cut >= 0 ? message[..cut] : message;
        // The reader adds its position in the text, which means nothing to a person reading the path.
        var position = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        reason = position >= 0 ? reason[..position] : reason;
        reason = reason.Replace(" Consider updating its nullability annotation.", "", StringComparison.Ordinal);
        return WireTypeName().Replace(reason, "'$1'").Trim();
    }

    [GeneratedRegex(@"'Saltant\.Domain\.Decoding\.Wire\.(\w+?)Wire'")]
    private static partial Regex WireTypeName();
}
