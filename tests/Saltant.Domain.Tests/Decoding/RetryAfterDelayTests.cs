using LanguageExt;
using Saltant.Domain;
using Xunit;
using static LanguageExt.Prelude;

namespace Saltant.Domain.Tests.Decoding;

/// <summary>Both forms of <c>Retry-After</c>: seconds, and an HTTP date read against the answer's own Date.</summary>
public sealed class RetryAfterDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seconds_are_taken_as_they_are() =>
        Assert.Equal(Some(TimeSpan.FromSeconds(7)), RetryAfterDelay.Of(TimeSpan.FromSeconds(7), null, null, Now));

    [Fact]
    public void A_date_is_read_against_the_answers_own_date_so_clock_skew_does_not_matter()
    {
        var serverNow = Now.AddMinutes(-10); // the server's clock is ten minutes behind ours
        Assert.Equal(Some(TimeSpan.FromSeconds(2.5)), RetryAfterDelay.Of(null, serverNow.AddSeconds(2.5), serverNow, Now));
    }

    [Fact]
    public void Without_a_date_header_a_date_is_read_against_the_clients_clock() =>
        Assert.Equal(Some(TimeSpan.FromSeconds(3)), RetryAfterDelay.Of(null, Now.AddSeconds(3), null, Now));

    [Fact]
    public void A_date_in_the_past_asks_for_no_wait() =>
        Assert.Equal(Some(TimeSpan.Zero), RetryAfterDelay.Of(null, Now.AddSeconds(-3), Now, Now));

    [Fact]
    public void No_header_asks_for_nothing() =>
        Assert.Equal(Option<TimeSpan>.None, RetryAfterDelay.Of(null, null, Now, Now));
}
