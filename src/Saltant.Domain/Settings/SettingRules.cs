using System.Globalization;
using System.Text.RegularExpressions;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// The check for each setting, shared by settings made in code and settings read from the
/// environment. Each takes the name to report problems under and answers the checked value or
/// every problem with it.
/// </summary>
internal static partial class SettingRules
{
    /// <summary>What a token or username must look like, for <see cref="ConfigProblem.Malformed"/>.</summary>
    public const string SingleWord = "a single word without spaces or control characters";

    /// <summary>What a user agent must look like, for <see cref="ConfigProblem.Malformed"/>.</summary>
    public static readonly string PrintableAscii =
        $"printable ASCII text of at most {SettingsLimits.MaxUserAgentLength} characters";

    // "scheme://" — on Unix, Uri also takes "/api/" as an absolute file: URI and "host:8000/api"
    // as scheme "host"; both are relative URLs to a person, so demand the "//" explicitly.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex SchemeAndAuthority();

    /// <summary>
    /// An absolute http or https URL with a host and nothing after the path, normalised so its
    /// path ends in <c>/</c> (saltant-py joins routes by appending, so the slash matters).
    /// </summary>
    public static Validation<ConfigProblem, Uri> ApiRoot(string name, string? text)
    {
        if (text is null) return Fail<ConfigProblem, Uri>(new ConfigProblem.Missing(name));
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return Fail<ConfigProblem, Uri>(new ConfigProblem.Empty(name));
        if (!SchemeAndAuthority().IsMatch(trimmed) || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
            return Fail<ConfigProblem, Uri>(new ConfigProblem.NotAbsoluteUrl(name, trimmed));
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return Fail<ConfigProblem, Uri>(new ConfigProblem.WrongScheme(name, uri.Scheme));
        if (uri.Host.Length == 0)
            return Fail<ConfigProblem, Uri>(new ConfigProblem.NotAbsoluteUrl(name, trimmed));
        if (uri.UserInfo.Length > 0)
            return Fail<ConfigProblem, Uri>(new ConfigProblem.UrlHasExtras(name, "user information"));
        if (uri.Query.Length > 0 || trimmed.Contains('?'))
            return Fail<ConfigProblem, Uri>(new ConfigProblem.UrlHasExtras(name, "a query"));
        if (uri.Fragment.Length > 0 || trimmed.Contains('#'))
            return Fail<ConfigProblem, Uri>(new ConfigProblem.UrlHasExtras(name, "a fragment"));
        var root = uri.GetLeftPart(UriPartial.Path);
        return Success<ConfigProblem, Uri>(new Uri(root.EndsWith('/') ? root : root + "/"));
    }

    /// <summary>A duration given in seconds: more than zero and at most <paramref name="maxSeconds"/>.</summary>
    /// <param name="name">The setting.</param>
    /// <param name="seconds">The value in seconds.</param>
    /// <param name="shown">The value as the user wrote it, for the message.</param>
    /// <param name="maxSeconds">The largest allowed value.</param>
    public static Validation<ConfigProblem, TimeSpan> Seconds(string name, decimal seconds, string shown, int maxSeconds) =>
        seconds > 0 && seconds <= maxSeconds
            ? Success<ConfigProblem, TimeSpan>(TimeSpan.FromTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond)))
            : Fail<ConfigProblem, TimeSpan>(new ConfigProblem.OutOfRange(name, shown, $"more than 0 and at most {maxSeconds} seconds"));

    /// <summary>A duration given as a <see cref="TimeSpan"/>: more than zero and at most <paramref name="maxSeconds"/>.</summary>
    public static Validation<ConfigProblem, TimeSpan> Duration(string name, TimeSpan value, int maxSeconds) =>
        Seconds(name, InSeconds(value), ShowSeconds(value), maxSeconds);

    /// <summary>The retry cap: at least the base delay (when that is valid) and at most the limit.</summary>
    public static Validation<ConfigProblem, TimeSpan> RetryMaxDelay(string name, TimeSpan value, Option<TimeSpan> baseDelay)
    {
        var floor = baseDelay.IfNone(TimeSpan.Zero);
        return value >= floor && value > TimeSpan.Zero && value <= TimeSpan.FromSeconds(SettingsLimits.MaxRetryMaxDelaySeconds)
            ? Success<ConfigProblem, TimeSpan>(value)
            : Fail<ConfigProblem, TimeSpan>(new ConfigProblem.OutOfRange(
                name,
                ShowSeconds(value),
                $"at least the retry base delay ({ShowSeconds(floor)} seconds) and at most {SettingsLimits.MaxRetryMaxDelaySeconds} seconds"));
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <param name="name">The setting.</param>
    /// <param name="value">The value (a decimal so that <c>2.5</c> from the environment is caught here).</param>
    /// <param name="shown">The value as the user wrote it, for the message.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    public static Validation<ConfigProblem, int> WholeNumber(string name, decimal value, string shown, int min, int max) =>
        value == decimal.Truncate(value) && value >= min && value <= max
            ? Success<ConfigProblem, int>((int)value)
            : Fail<ConfigProblem, int>(new ConfigProblem.OutOfRange(name, shown, $"a whole number from {min} to {max}"));

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, given as an <see cref="int"/>.</summary>
    public static Validation<ConfigProblem, int> WholeNumber(string name, int value, int min, int max) =>
        WholeNumber(name, value, value.ToString(CultureInfo.InvariantCulture), min, max);

    /// <summary>A user agent: printable ASCII, not blank, not too long; trimmed.</summary>
    public static Validation<ConfigProblem, string> UserAgent(string name, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return Fail<ConfigProblem, string>(new ConfigProblem.Empty(name));
        return trimmed.Length <= SettingsLimits.MaxUserAgentLength && trimmed.All(c => c is >= ' ' and <= '~')
            ? Success<ConfigProblem, string>(trimmed)
            : Fail<ConfigProblem, string>(new ConfigProblem.Malformed(name, PrintableAscii));
    }

    /// <summary>A token (DRF key, JWT) or username: not blank, one word; trimmed. The text is never put in a problem.</summary>
    public static Validation<ConfigProblem, string> Word(string name, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return Fail<ConfigProblem, string>(new ConfigProblem.Empty(name));
        return trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? Fail<ConfigProblem, string>(new ConfigProblem.Malformed(name, SingleWord))
            : Success<ConfigProblem, string>(trimmed);
    }

    /// <summary>A password: anything but blank, kept exactly as given.</summary>
    public static Validation<ConfigProblem, string> Password(string name, string text) =>
        string.IsNullOrWhiteSpace(text)
            ? Fail<ConfigProblem, string>(new ConfigProblem.Empty(name))
            : Success<ConfigProblem, string>(text);

    /// <summary>An <see cref="Saltant.Domain.Authentication"/> made in code: present, with usable parts.</summary>
    public static Validation<ConfigProblem, Authentication> Authentication(SettingNames names, Authentication? authentication) =>
        authentication switch
        {
            null => Fail<ConfigProblem, Authentication>(new ConfigProblem.Missing(names.Authentication)),
            Saltant.Domain.Authentication.DrfToken t =>
                Word(names.AuthToken, t.Key.Reveal()).Map(_ => authentication),
            Saltant.Domain.Authentication.JwtLogin l =>
                (Word(names.Username, l.Username.Value ?? ""), Password(names.Password, l.Password.Reveal()))
                    .Apply((_, _) => authentication),
            Saltant.Domain.Authentication.JwtTokens j =>
                (Word(names.JwtAccessToken, j.Access.Reveal()), Word(names.JwtRefreshToken, j.Refresh.Reveal()))
                    .Apply((_, _) => authentication),
            _ => throw new InvalidOperationException("Authentication is a closed set."),
        };

    /// <summary>A duration in seconds, exactly (ticks are whole, so a decimal holds them without loss).</summary>
    public static decimal InSeconds(TimeSpan value) => (decimal)value.Ticks / TimeSpan.TicksPerSecond;

    /// <summary>A duration as seconds for messages and printing, e.g. <c>0.2</c>.</summary>
    public static string ShowSeconds(TimeSpan value) =>
        InSeconds(value).ToString("0.#######", CultureInfo.InvariantCulture);
}
