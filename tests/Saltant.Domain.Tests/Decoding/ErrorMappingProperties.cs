using System.Text;
using CsCheck;
using LanguageExt;
using Saltant.Testing;
using Xunit;

namespace Saltant.Domain.Tests.Decoding;

/// <summary>The status→error mapping is total: any status, content type and body gives an error with a code and a short message.</summary>
public sealed class ErrorMappingProperties
{
    private static readonly RequestInfo Request = new("GET", "http://h/api/users/");

    private static readonly Gen<string?> ContentType = Gen.OneOf<string?>(
        Gen.Const((string?)null), Gen.Const<string?>("application/json"), Gen.Const<string?>("text/html; charset=utf-8"),
        Gen.Const<string?>("text/plain"), RecordGen.Text.Select(t => (string?)t));

    private static readonly Gen<string> Body = Gen.Frequency(
        (2, RecordGen.Json.Select(j => j.ToString())),
        (1, RecordGen.Text),
        (1, RecordGen.Text.Select(t => $"<html><title>{t}</title>{t}</html>")),
        (1, RecordGen.Text.Array[0, 4].Select(ts => "{\"detail\":" + Json.Of(string.Concat(ts)) + ",\"non_field_errors\":[" + Json.Of(PythonRepr.FormatStringList(ts.ToSeq())) + "]}")),
        (1, Gen.Byte.Array[0, 64].Select(Encoding.UTF8.GetString)));

    private static readonly Gen<int> Status = Gen.Frequency((3, Gen.Int[100, 599]), (1, Gen.Int[int.MinValue, int.MaxValue]));

    [Fact]
    public void Mapping_never_throws_and_always_gives_a_coded_short_error() =>
        Gen.Select(Status, ContentType, Body, Gen.Bool).Sample((status, contentType, body, asBytes) =>
        {
            var error = asBytes
                ? ErrorMapping.FromStatus(Request, 200, status, contentType, Encoding.UTF8.GetBytes(body), TimeSpan.FromSeconds(1), "/x/")
                : ErrorMapping.FromStatus(Request, 200, status, contentType, body);
            Assert.NotEqual(0, error.Code);
            if (error is ValidationFailed invalid)
            {
                // Its message lists every server message, each cut to the limit.
                Assert.All(invalid.NonFieldErrors.Concat(invalid.FieldErrors.Bind(f => f.Messages)), m => Assert.True(m.Length <= BodySummary.MaxLength, m));
            }
            else
            {
                Assert.True(error.Message.Length < 1_000, error.Message);
            }
        }, iter: 20_000);

    [Fact]
    public void Non_field_messages_survive_the_python_repr_wrapping() =>
        RecordGen.Text.Where(t => t.Trim().Length > 0 && t.Length < 200).Array[1, 3].Sample(messages =>
        {
            var body = "{\"non_field_errors\":[" + Json.Of(PythonRepr.FormatStringList(messages.ToSeq())) + "]}";
            var error = Assert.IsType<ValidationFailed>(ErrorMapping.FromStatus(Request, 200, 400, "application/json", body));
            Assert.Equal(messages.ToSeq(), error.NonFieldErrors);
        }, iter: 2_000);
}
