using CsCheck;
using Saltant.Domain;
using Saltant.Testing;
using Xunit;
using static Saltant.Domain.Tests.Settings.SettingsAssert;

namespace Saltant.Domain.Tests.Settings;

public class SettingsWithTests
{
    private static readonly Domain.Settings Base =
        Valid(Domain.Settings.Create("https://saltant.example.org/api/", Authentication.Token("0123456789abcdef0123456789abcdef01234567")));

    [Fact]
    public void A_valid_change_changes_only_that_setting()
    {
        var changed = Valid(Base.WithPageSize(250));
        Assert.Equal(250, changed.PageSize);
        Assert.Equal(Base, Valid(changed.WithPageSize(Base.PageSize)));
    }

    [Fact]
    public void An_invalid_change_is_reported_under_the_property_name()
    {
        Single(Invalid(Base.WithPageSize(0)), "PageSize", ErrorCodes.ConfigOutOfRange);
        Single(Invalid(Base.WithTimeout(TimeSpan.FromSeconds(-1))), "Timeout", ErrorCodes.ConfigOutOfRange);
        Single(Invalid(Base.WithApiRoot("ftp://x.example.org/")), "ApiRoot", ErrorCodes.ConfigWrongScheme);
        Single(Invalid(Base.WithRetryDelays(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2))), "RetryMaxDelay", ErrorCodes.ConfigOutOfRange);
        Single(Invalid(Base.WithAuthentication(Authentication.Jwt("", "refresh-token-text"))), "Authentication.Access", ErrorCodes.ConfigEmpty);
    }

    [Fact]
    public void Changes_chain_through_either()
    {
        var result = Base.WithTimeout(TimeSpan.FromSeconds(12.5))
            .Bind(s => s.WithBatchConcurrency(2))
            .Map(s => s.WithCheckAuthentication(false));
        var settings = Valid(result);
        Assert.Equal(TimeSpan.FromSeconds(12.5), settings.Timeout);
        Assert.Equal(2, settings.BatchConcurrency);
        Assert.False(settings.CheckAuthentication);
    }

    [Fact]
    public void Every_with_method_keeps_the_other_settings() =>
        Gen.Select(SettingsGen.Settings, SettingsGen.Settings).Sample((a, b) =>
        {
            // Moving each setting of b onto a, one at a time, ends at b.
            var moved = Valid(
                a.WithApiRoot(b.ApiRoot.AbsoluteUri)
                    .Bind(s => s.WithAuthentication(b.Authentication))
                    .Bind(s => s.WithTimeout(b.Timeout))
                    .Map(s => s.WithCheckAuthentication(b.CheckAuthentication))
                    .Bind(s => s.WithMaxRetries(b.MaxRetries))
                    .Bind(s => s.WithRetryDelays(b.RetryBaseDelay, b.RetryMaxDelay))
                    .Bind(s => s.WithPageSize(b.PageSize))
                    .Bind(s => s.WithReadAheadPages(b.ReadAheadPages))
                    .Bind(s => s.WithBatchConcurrency(b.BatchConcurrency))
                    .Bind(s => s.WithWaitRefreshPeriod(b.WaitRefreshPeriod))
                    .Map(s => s.WithAllowInsecureHttp(b.AllowInsecureHttp))
                    .Bind(s => s.WithUserAgent(b.UserAgent))
                    .Bind(s => s.WithMaxRetryAfter(b.MaxRetryAfter)));
            Assert.Equal(b, moved);
        }, iter: 200);

    [Theory]
    [InlineData("https://saltant.example.org/api/", false, false, true)]
    [InlineData("http://saltant.example.org/api/", false, true, false)]
    [InlineData("http://saltant.example.org/api/", true, true, true)]
    [InlineData("http://localhost:8000/api/", false, false, true)]
    [InlineData("http://127.0.0.1:8000/api/", false, false, true)]
    [InlineData("http://[::1]:8000/api/", false, false, true)]
    public void Plain_http_to_another_host_needs_explicit_permission(string root, bool allow, bool plainRemote, bool maySend)
    {
        var settings = Valid(Base.WithApiRoot(root)).WithAllowInsecureHttp(allow);
        Assert.Equal(plainRemote, settings.PlainHttpToRemoteHost);
        Assert.Equal(maySend, settings.MaySendCredentials);
    }
}
