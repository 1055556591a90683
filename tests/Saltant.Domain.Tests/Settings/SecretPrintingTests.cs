using CsCheck;
using Saltant.Domain;
using Saltant.Testing;
using Xunit;

namespace Saltant.Domain.Tests.Settings;

public class SecretPrintingTests
{
    private static readonly string[] AuthVariables =
    [
        SettingsVariables.AuthToken, SettingsVariables.Password, SettingsVariables.JwtAccessToken, SettingsVariables.JwtRefreshToken,
    ];

    [Fact]
    public void Authentication_never_prints_its_secrets() =>
        SettingsGen.Authentication.Sample(auth =>
        {
            var printed = auth.ToString();
            Assert.All(SettingsAssert.SecretsOf(auth), secret => Assert.DoesNotContain(secret, printed));
            Assert.Contains("***", printed);
        }, iter: 300);

    [Fact]
    public void Settings_never_print_their_secrets() =>
        SettingsGen.Settings.Sample(settings =>
        {
            var printed = settings.ToString();
            Assert.All(SettingsAssert.SecretsOf(settings.Authentication), secret => Assert.DoesNotContain(secret, printed));
            Assert.Contains(settings.ApiRoot.AbsoluteUri, printed);
        }, iter: 300);

    [Fact]
    public void Config_errors_never_contain_a_credential_from_the_environment() =>
        SettingsGen.InvalidEnvironment.Sample(env =>
        {
            var error = SettingsAssert.Invalid(Domain.Settings.FromEnvironment(env.Variables));
            var texts = error.Problems.Map(p => p.Message).Add(error.Message).Add(error.ToString()).Add(string.Join(" ", error.Problems));
            foreach (var name in AuthVariables)
            {
                if (env.Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    // Any 12-character piece of the credential would be a leak (a spaced token leaks in halves).
                    foreach (var piece in Pieces(value.Trim(), 12))
                        Assert.All(texts, text => Assert.DoesNotContain(piece, text));
                }
            }
        }, iter: 1000);

    [Fact]
    public void Config_errors_from_unusable_authentications_never_contain_the_secret() =>
        SettingsGen.UnusableAuthentication.Sample(auth =>
        {
            var error = SettingsAssert.Invalid(Domain.Settings.Create("https://saltant.example.org/api/", auth));
            foreach (var secret in SettingsAssert.SecretsOf(auth).Where(s => s.Trim().Length >= 12))
                foreach (var piece in Pieces(secret.Trim(), 12))
                    Assert.DoesNotContain(piece, error.Message);
        }, iter: 300);

    [Fact]
    public void A_secret_prints_as_stars_in_every_case()
    {
        var key = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b";
        Assert.Equal("Token(***)", Authentication.Token(key).ToString());
        Assert.Equal("JwtLogin(alice, ***)", Authentication.Login("alice", key).ToString());
        Assert.Equal("JwtTokens(***, ***)", Authentication.Jwt(key, key).ToString());
        Assert.DoesNotContain(key, $"{new Authentication.DrfToken(new Secret(key))}");
    }

    private static IEnumerable<string> Pieces(string text, int length) =>
        text.Length <= length
            ? [text]
            : Enumerable.Range(0, text.Length - length + 1).Select(i => text.Substring(i, length)).Where(p => !p.Any(char.IsWhiteSpace));
}
