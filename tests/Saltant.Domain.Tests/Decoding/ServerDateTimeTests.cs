using CsCheck;
using Saltant.Testing;
using Xunit;

namespace Saltant.Domain.Tests.Decoding;

public sealed class ServerDateTimeTests
{
    [Theory]
    [InlineData("2026-11-27T15:15:15.386078Z")]
    [InlineData("2026-11-27T15:15:15Z")]
    [InlineData("2026-11-27T20:15:15.000001+05:00")]
    public void Server_datetimes_print_back_exactly(string text) =>
        Assert.Equal(text, ServerDateTime.Format(ServerDateTime.Parse(text).IfNone(() => throw new Xunit.Sdk.XunitException(text))));

    [Theory]
    [InlineData("2026-11-27T15:15:15.386078")]
    [InlineData("2026-11-27 15:15:15Z")]
    [InlineData("27/11/2026")]
    [InlineData("2026-11-27T15:15:15.12345678Z")]
    [InlineData("")]
    public void Datetimes_without_an_offset_or_in_other_shapes_are_refused(string text) =>
        Assert.True(ServerDateTime.Parse(text).IsNone);

    [Fact]
    public void Sub_microsecond_ticks_are_dropped_when_printing()
    {
        var t = new DateTimeOffset(2026, 11, 27, 15, 15, 15, TimeSpan.Zero).AddTicks(3_860_789);
        Assert.Equal("2026-11-27T15:15:15.386078Z", ServerDateTime.Format(t));
    }

    [Fact]
    public void Generated_datetimes_round_trip() =>
        RecordGen.DateTime.Sample(t => ServerDateTime.Parse(ServerDateTime.Format(t)) == t, iter: 5_000);
}
