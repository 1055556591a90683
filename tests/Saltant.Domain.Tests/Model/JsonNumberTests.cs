using Saltant.Domain;
using Xunit;

namespace Saltant.Domain.Tests.Model;

public sealed class JsonNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-12.5e-3")]
    [InlineData("1e400")]
    [InlineData("123456789012345678901234567890")]
    public void Json_number_text_is_kept_exactly(string text) =>
        Assert.Equal(text, Json.Number(text).Map(n => n.ToString()).IfNone("none"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("01")]
    [InlineData("1 2")]
    [InlineData("\"1\"")]
    [InlineData("1.")]
    public void Text_that_is_not_a_json_number_is_refused_instead_of_failing_later(string? text) =>
        Assert.True(Json.Number(text).IsNone);

    [Fact]
    public void Numbers_compare_by_value() =>
        Assert.Equal(Json.Number("1.0").IfNone(() => throw new InvalidOperationException()), Json.Of(1));
}
