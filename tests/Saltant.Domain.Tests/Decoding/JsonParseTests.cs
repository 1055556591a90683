using Xunit;

namespace Saltant.Domain.Tests.Decoding;

/// <summary>Json.Parse reports bad text as a failure, as its signature promises, including text that is not valid UTF-16.</summary>
public sealed class JsonParseTests
{
    [Theory]
    [InlineData("{\"a\":")]
    [InlineData("")]
    public void Broken_json_is_a_failure(string text) => Assert.True(Json.Parse(text).IsLeft);

    [Fact]
    public void A_lone_surrogate_is_a_failure_not_an_exception()
    {
        // Built at run time: test discovery would replace a lone surrogate in attribute data.
        var text = new string(['"', '\uD800', '"']);
        Assert.True(Json.Parse(text).IsLeft);
    }
}
