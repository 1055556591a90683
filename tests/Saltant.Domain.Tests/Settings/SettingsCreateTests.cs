using CsCheck;
using Saltant.Domain;
using Saltant.Testing;
using Xunit;
using static Saltant.Domain.Tests.Settings.SettingsAssert;

namespace Saltant.Domain.Tests.Settings;

public class SettingsCreateTests
{
    private const string Root = "https://saltant.example.org/api/";
    private static readonly Authentication Key = Authentication.Token("0123456789abcdef0123456789abcdef01234567");

    [Fact]
    public void A_url_and_a_token_give_settings_with_the_saltant_py_defaults()
    {
        var settings = Valid(Domain.Settings.Create(Root, Key));

        Assert.Equal(Root, settings.ApiRoot.AbsoluteUri);
        Assert.Equal(Key, settings.Authentication);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.Timeout);
        Assert.True(settings.CheckAuthentication);
        Assert.Equal(3, settings.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(200), settings.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.RetryMaxDelay);
        Assert.Equal(100, settings.PageSize);
        Assert.Equal(4, settings.ReadAheadPages);
        Assert.Equal(8, settings.BatchConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.WaitRefreshPeriod);
        Assert.False(settings.AllowInsecureHttp);
        Assert.Equal(SettingsDefaults.UserAgent, settings.UserAgent);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.MaxRetryAfter);
    }

    [Theory]
    [InlineData("https://saltant.example.org/api", "https://saltant.example.org/api/")]
    [InlineData("https://saltant.example.org/api/", "https://saltant.example.org/api/")]
    [InlineData("https://saltant.example.org", "https://saltant.example.org/")]
    [InlineData("  http://localhost:8000/api\n", "http://localhost:8000/api/")]
    [InlineData("HTTPS://Saltant.Example.ORG:443/api", "https://saltant.example.org/api/")]
    public void The_api_root_is_normalised_to_end_in_a_slash(string given, string expected) =>
        Assert.Equal(expected, Valid(Domain.Settings.Create(given, Key)).ApiRoot.AbsoluteUri);

    [Theory]
    [InlineData("/api/")] // Uri alone would take this for file:///api/ on Unix
    [InlineData("saltant.example.org/api/")]
    [InlineData("localhost:8000/api/")] // Uri alone would take "localhost" for a scheme
    [InlineData("https:/saltant.example.org/api/")]
    public void A_url_without_scheme_and_host_is_not_absolute(string given) =>
        Single(Invalid(Domain.Settings.Create(given, Key)), "ApiRoot", ErrorCodes.ConfigNotAbsoluteUrl);

    [Theory]
    [InlineData("ftp://saltant.example.org/api/", "ftp")]
    [InlineData("ws://localhost/api/", "ws")]
    public void A_url_with_another_scheme_is_refused_naming_the_scheme(string given, string scheme)
    {
        var error = Invalid(Domain.Settings.Create(given, Key));
        Single(error, "ApiRoot", ErrorCodes.ConfigWrongScheme);
        Assert.Equal(scheme, Assert.IsType<ConfigProblem.WrongScheme>(error.Problems.Head).Scheme);
    }

    [Theory]
    [InlineData("https://saltant.example.org/api/?format=json")]
    [InlineData("https://saltant.example.org/api/#top")]
    [InlineData("https://admin:s3cr3t-pa55@saltant.example.org/api/")]
    public void A_url_with_user_info_query_or_fragment_is_refused_without_repeating_it(string given)
    {
        var error = Invalid(Domain.Settings.Create(given, Key));
        Single(error, "ApiRoot", ErrorCodes.ConfigUrlHasExtras);
        Assert.DoesNotContain("s3cr3t-pa55", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_naming_its_property()
    {
        var error = Invalid(Domain.Settings.Create(
            "saltant.example.org", Authentication.Token("  "), timeout: TimeSpan.Zero, maxRetries: 11,
            pageSize: 0, readAheadPages: -1, batchConcurrency: 65, waitRefreshPeriod: TimeSpan.FromHours(2),
            userAgent: "tab\there", maxRetryAfter: TimeSpan.FromHours(2)));

        Assert.Equal(
            ["ApiRoot", "Authentication.Key", "Timeout", "MaxRetries", "PageSize", "ReadAheadPages", "BatchConcurrency", "WaitRefreshPeriod", "UserAgent", "MaxRetryAfter"],
            error.Problems.Map(p => p.Setting).ToList());
        Assert.Equal(ErrorCodes.Config, error.Code);
        Assert.Contains("10 problems", error.Message);
    }

    [Fact]
    public void A_login_with_blank_parts_reports_both()
    {
        var error = Invalid(Domain.Settings.Create(Root, Authentication.Login(" ", "")));
        Assert.Equal(["Authentication.Password:1002", "Authentication.Username:1002"], Shape(error));
    }

    [Fact]
    public void A_token_with_a_space_inside_is_malformed()
    {
        // A common slip: pasting the whole header value.
        var error = Invalid(Domain.Settings.Create(Root, Authentication.Token("Token 0123456789abcdef")));
        Single(error, "Authentication.Key", ErrorCodes.ConfigMalformed);
        Assert.DoesNotContain("0123456789abcdef", error.Message);
    }

    [Fact]
    public void No_authentication_is_a_missing_setting() =>
        Single(Invalid(Domain.Settings.Create(Root, null!)), "Authentication", ErrorCodes.ConfigMissing);

    [Fact]
    public void The_retry_cap_must_be_at_least_the_base_delay()
    {
        var error = Invalid(Domain.Settings.Create(Root, Key, retryBaseDelay: TimeSpan.FromSeconds(2), retryMaxDelay: TimeSpan.FromSeconds(1)));
        Single(error, "RetryMaxDelay", ErrorCodes.ConfigOutOfRange);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Page_size_bounds_are_inclusive(int pageSize, bool accepted) =>
        Assert.Equal(accepted, Domain.Settings.Create(Root, Key, pageSize: pageSize).IsRight);

    [Fact]
    public void Generated_settings_rebuild_to_equal_settings() =>
        SettingsGen.Settings.Sample(s =>
        {
            var rebuilt = Valid(Domain.Settings.Create(
                s.ApiRoot.AbsoluteUri, s.Authentication, s.Timeout, s.CheckAuthentication, s.MaxRetries, s.RetryBaseDelay,
                s.RetryMaxDelay, s.PageSize, s.ReadAheadPages, s.BatchConcurrency, s.WaitRefreshPeriod, s.AllowInsecureHttp, s.UserAgent, s.MaxRetryAfter));
            Assert.Equal(s, rebuilt);
        }, iter: 300);

    [Fact]
    public void Api_roots_keep_their_text_and_gain_only_a_trailing_slash() =>
        SettingsGen.ApiRootText.Sample(text =>
        {
            var root = Valid(Domain.Settings.Create(text, Key)).ApiRoot.AbsoluteUri;
            Assert.Equal(text.EndsWith('/') ? text : text + "/", root);
            Assert.Equal(root, Valid(Domain.Settings.Create(root, Key)).ApiRoot.AbsoluteUri);
        }, iter: 500);

    [Fact]
    public void Unusable_api_roots_and_authentications_are_always_refused()
    {
        SettingsGen.UnusableApiRootText.Sample(text =>
            Assert.Equal("ApiRoot", Assert.Single(Invalid(Domain.Settings.Create(text, Key)).Problems).Setting), iter: 100);
        SettingsGen.UnusableAuthentication.Sample(auth =>
            Assert.All(Invalid(Domain.Settings.Create(Root, auth)).Problems, p => Assert.StartsWith("Authentication.", p.Setting)), iter: 100);
    }
}
