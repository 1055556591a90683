using CsCheck;
using Saltant.Domain;
using Xunit;

namespace Saltant.Domain.Tests.Settings;

public class RetryBackoffTests
{
    [Fact]
    public void Delays_grow_exponentially_with_bounded_jitter_up_to_the_cap() =>
        Gen.Select(Gen.Int[0, 10], Gen.Int[1, 2000], Gen.Int[0, 20000], Gen.Int).Sample((retries, baseMs, extraMs, seed) =>
        {
            var baseDelay = TimeSpan.FromMilliseconds(baseMs);
            var maxDelay = TimeSpan.FromMilliseconds(baseMs + extraMs);
            var delays = RetryBackoff.Create(retries, baseDelay, maxDelay, seed).Run().Select(d => (double)d).ToList();

            Assert.Equal(retries, delays.Count);
            for (var n = 0; n < delays.Count; n++)
            {
                var unjittered = baseMs * Math.Pow(RetryBackoff.GrowthFactor, n);
                var low = Math.Min(unjittered, maxDelay.TotalMilliseconds);
                var high = Math.Min(unjittered * (1 + RetryBackoff.JitterFactor), maxDelay.TotalMilliseconds);
                Assert.InRange(delays[n], low - 1e-6, high + 1e-6);
            }
        }, iter: 300);

    [Fact]
    public void The_default_schedule_retries_three_times_starting_near_200_ms()
    {
        var settings = SettingsAssert.Valid(Domain.Settings.Create("https://saltant.example.org/api/", Authentication.Token("abcdef0123456789abcdef")));
        var delays = settings.RetrySchedule.Run().Select(d => (double)d).ToList();
        Assert.Equal(3, delays.Count);
        Assert.InRange(delays[0], 200, 250);
        Assert.InRange(delays[2], 800, 1000);
    }

    [Fact]
    public void Zero_retries_means_no_delays() =>
        Assert.Empty(RetryBackoff.Create(0, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)).Run());
}
