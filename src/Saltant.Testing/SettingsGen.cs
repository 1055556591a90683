using System.Globalization;
using CsCheck;
using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Testing;

/// <summary>
/// CsCheck generators for settings: credentials, authentications, API roots, whole
/// <see cref="Settings"/> values, and environments for <see cref="Settings.FromEnvironment"/> —
/// valid ones with the settings they must give, and invalid ones with exactly the problems they
/// must be reported to have.
/// </summary>
public static partial class SettingsGen
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>
    /// Token text: 16 to 48 letters and digits (DRF keys are 40 hex digits; JWTs are longer), long
    /// and random enough that finding it inside other text means it leaked.
    /// </summary>
    public static readonly Gen<string> TokenText = Text(Alphanumeric, 16, 48);

    /// <summary>A password: 16 to 32 printable ASCII characters, sometimes with a space inside or in front.</summary>
    public static readonly Gen<string> PasswordText =
        Gen.Select(Text(Alphanumeric + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", 16, 32), Gen.OneOf("", " ", "pass word "), (core, prefix) => prefix + core);

    /// <summary>A saltant username: a lower-case letter then 2 to 15 letters, digits or underscores.</summary>
    public static readonly Gen<string> UsernameText =
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz"], Text("abcdefghijklmnopqrstuvwxyz0123456789_", 2, 15), (first, rest) => first + rest);

    /// <summary>A <see cref="Domain.Secret"/> holding token text.</summary>
    public static readonly Gen<Secret> Secret = TokenText.Select(t => new Secret(t));

    /// <summary>A usable authentication of any of the three kinds.</summary>
    public static readonly Gen<Authentication> Authentication = Gen.OneOf(
        TokenText.Select(Domain.Authentication.Token),
        Gen.Select(UsernameText, PasswordText, Domain.Authentication.Login),
        Gen.Select(TokenText, TokenText, Domain.Authentication.Jwt));

    /// <summary>An authentication that settings must refuse: a blank or spaced token, a blank username or password.</summary>
    public static readonly Gen<Authentication> UnusableAuthentication = Gen.OneOf(
        Blank.Select(Domain.Authentication.Token),
        Malformed.Select(Domain.Authentication.Token),
        Gen.Select(Blank, PasswordText, Domain.Authentication.Login),
        Gen.Select(UsernameText, Blank, Domain.Authentication.Login),
        Gen.Select(TokenText, Malformed, Domain.Authentication.Jwt));

    /// <summary>
    /// A usable API root as a person writes it: http or https, a host (loopback or not), maybe a
    /// port, maybe a path, with or without the trailing slash, already in the form
    /// <see cref="Uri"/> prints (lower-case host, no default port).
    /// </summary>
    public static readonly Gen<string> ApiRootText =
        from scheme in Gen.OneOf("http", "https")
        from host in Gen.OneOf(
            Gen.OneOf("localhost", "127.0.0.1", "saltant.example.org", "jobs.lab-7.example.com", "[::1]"),
            Text("abcdefghijklmnopqrstuvwxyz", 1, 10).Select(label => label + ".example.net"))
        from port in Gen.Frequency((2, Gen.Const("")), (1, Gen.Int[1024, 65535].Select(p => ":" + p.ToString(CultureInfo.InvariantCulture))))
        from path in Gen.OneOf(
            Gen.OneOf("", "/", "/api", "/api/"),
            Text("abcdefghijklmnopqrstuvwxyz0123456789-", 1, 8).Array[1, 3].Select(segments => "/" + string.Join("/", segments)),
            Text("abcdefghijklmnopqrstuvwxyz0123456789-", 1, 8).Array[1, 3].Select(segments => "/" + string.Join("/", segments) + "/"))
        select $"{scheme}://{host}{port}{path}";

    /// <summary>An API root that settings must refuse (relative, wrong scheme, or with user info, query or fragment).</summary>
    public static readonly Gen<string> UnusableApiRootText = Gen.OneOf(
        RelativeUrl, WrongSchemeUrl, UrlWithExtras);

    /// <summary>Valid settings with every knob drawn from its allowed range.</summary>
    public static readonly Gen<Settings> Settings =
        from apiRoot in ApiRootText
        from authentication in Authentication
        from timeout in Milliseconds(SettingsLimits.MaxTimeoutSeconds)
        from check in Gen.Bool
        from retries in Gen.Int[0, SettingsLimits.MaxRetries]
        from baseDelay in Milliseconds(SettingsLimits.MaxRetryBaseDelaySeconds)
        from maxDelayMs in Gen.Int[(int)baseDelay.TotalMilliseconds, SettingsLimits.MaxRetryMaxDelaySeconds * 1000]
        from pageSize in Gen.Int[SettingsLimits.MinPageSize, SettingsLimits.MaxPageSize]
        from readAhead in Gen.Int[0, SettingsLimits.MaxReadAheadPages]
        from batch in Gen.Int[1, SettingsLimits.MaxBatchConcurrency]
        from wait in Milliseconds(SettingsLimits.MaxWaitRefreshPeriodSeconds)
        from insecure in Gen.Bool
        from userAgent in UserAgentText
        from maxRetryAfter in Milliseconds(SettingsLimits.MaxRetryAfterSeconds)
        select Domain.Settings.Create(
                apiRoot, authentication, timeout, check, retries, baseDelay, TimeSpan.FromMilliseconds(maxDelayMs),
                pageSize, readAhead, batch, wait, insecure, userAgent, maxRetryAfter)
            .Match(Right: s => s, Left: e => throw new InvalidOperationException("SettingsGen made invalid settings: " + e.Message));

    /// <summary>An environment <see cref="Settings.FromEnvironment"/> must accept, with the settings it must give.</summary>
    public static readonly Gen<ValidEnvironment> ValidEnvironment =
        EnvironmentSlots(faults: false).Select(e =>
            new ValidEnvironment(
                e.Variables, e.Url.Value, e.Auth.Value!, e.Timeout.Value, e.Check.Value, e.Retries.Value, e.Page.Value,
                e.ReadAhead.Value, e.Batch.Value, e.Wait.Value, e.Insecure.Value, e.Agent.Value, e.RetryAfter.Value));

    /// <summary>
    /// An environment with at least one known problem — a missing, blank, relative or non-http URL,
    /// no credentials or two kinds at once, half a login or JWT pair, blank or spaced tokens,
    /// non-numbers, out-of-range numbers, bad booleans, a bad user agent — in any combination.
    /// </summary>
    public static readonly Gen<InvalidEnvironment> InvalidEnvironment =
        EnvironmentSlots(faults: true)
            .Select(e => new InvalidEnvironment(e.Variables, e.Problems))
            .Where(e => !e.Problems.IsEmpty);

    /// <summary>Any environment, valid or not, as the plain dictionary a caller passes in.</summary>
    public static readonly Gen<IReadOnlyDictionary<string, string?>> Environment = Gen.OneOf(
        ValidEnvironment.Select(e => e.Variables),
        InvalidEnvironment.Select(e => e.Variables));
}
