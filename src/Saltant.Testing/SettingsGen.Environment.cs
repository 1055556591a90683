using System.Globalization;
using CsCheck;
using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Testing;

/// <summary>The building blocks of <see cref="SettingsGen"/>'s environments: one slot per variable (or group), each with its problems.</summary>
public static partial class SettingsGen
{
    // ---- building blocks ----

    /// <summary>Every slot of an environment, drawn with or without faults, and the noise around them.</summary>
    private sealed record Slots(
        Slot<string> Url, Slot<Authentication?> Auth, Slot<TimeSpan> Timeout, Slot<bool> Check, Slot<int> Retries, Slot<int> Page,
        Slot<int> ReadAhead, Slot<int> Batch, Slot<TimeSpan> Wait, Slot<bool> Insecure, Slot<string> Agent, Slot<TimeSpan> RetryAfter,
        Seq<(string Name, string? Value)> Noise)
    {
        public IReadOnlyDictionary<string, string?> Variables =>
            SettingsGen.Variables(Noise, Url.Variables, Auth.Variables, Timeout.Variables, Check.Variables, Retries.Variables,
                Page.Variables, ReadAhead.Variables, Batch.Variables, Wait.Variables, Insecure.Variables, Agent.Variables, RetryAfter.Variables);

        public Seq<ExpectedProblem> Problems =>
            Url.Problems + Auth.Problems + Timeout.Problems + Check.Problems + Retries.Problems + Page.Problems +
            ReadAhead.Problems + Batch.Problems + Wait.Problems + Insecure.Problems + Agent.Problems + RetryAfter.Problems;
    }

    // The one list of the variables an environment holds, with their defaults and ranges: valid and invalid environments draw the same slots.
    private static Gen<Slots> EnvironmentSlots(bool faults) =>
        Gen.Select(
            ApiUrlSlot(faults),
            AuthenticationSlot(faults),
            SecondsSlot(SettingsVariables.Timeout, SettingsDefaults.Timeout, SettingsLimits.MaxTimeoutSeconds, faults),
            BooleanSlot(SettingsVariables.CheckAuthentication, SettingsDefaults.CheckAuthentication, faults),
            WholeNumberSlot(SettingsVariables.MaxRetries, SettingsDefaults.MaxRetries, 0, SettingsLimits.MaxRetries, faults),
            WholeNumberSlot(SettingsVariables.PageSize, SettingsDefaults.PageSize, SettingsLimits.MinPageSize, SettingsLimits.MaxPageSize, faults),
            WholeNumberSlot(SettingsVariables.ReadAheadPages, SettingsDefaults.ReadAheadPages, 0, SettingsLimits.MaxReadAheadPages, faults),
            WholeNumberSlot(SettingsVariables.BatchConcurrency, SettingsDefaults.BatchConcurrency, 1, SettingsLimits.MaxBatchConcurrency, faults),
            SecondsSlot(SettingsVariables.WaitRefreshPeriod, SettingsDefaults.WaitRefreshPeriod, SettingsLimits.MaxWaitRefreshPeriodSeconds, faults),
            BooleanSlot(SettingsVariables.AllowInsecureHttp, SettingsDefaults.AllowInsecureHttp, faults),
            UserAgentSlot(faults),
            Gen.Select(
                SecondsSlot(SettingsVariables.MaxRetryAfter, SettingsDefaults.MaxRetryAfter, SettingsLimits.MaxRetryAfterSeconds, faults),
                Noise,
                (retryAfter, noise) => (retryAfter, noise)),
            (url, auth, timeout, check, retries, page, readAhead, batch, wait, insecure, agent, rest) =>
                new Slots(url, auth, timeout, check, retries, page, readAhead, batch, wait, insecure, agent, rest.retryAfter, rest.noise));

    /// <summary>What one slot (a variable or a group of them) contributes: its variables, its problems, and its value when it has none.</summary>
    private sealed record Slot<T>(Seq<(string Name, string? Value)> Variables, Seq<ExpectedProblem> Problems, T Value);

    private static Gen<string> Text(string alphabet, int min, int max) =>
        Gen.Char[alphabet].Array[min, max].Select(chars => new string(chars));

    // Leading and trailing whitespace that reading must ignore (a trailing newline from a file, say).
    private static Gen<string> Padded(Gen<string> text) =>
        Gen.Select(Gen.OneOf("", "", " ", "\t"), text, Gen.OneOf("", "", " ", "\n"), (before, t, after) => before + t + after);

    private static Gen<string> Blank => Gen.OneOf("", " ", "  \t", "\n");

    // A token with whitespace inside: a pasted "Token abc…" or two keys run together.
    private static Gen<string> Malformed => Gen.Select(TokenText, Gen.OneOf(" ", "\t", "\u0007"), TokenText, (a, sep, b) => a + sep + b);

    private static Gen<TimeSpan> Milliseconds(int maxSeconds) =>
        Gen.Frequency((1, Gen.Int[1, maxSeconds * 1000]), (1, Gen.Int[1, Math.Min(maxSeconds * 1000, 10_000)]))
            .Select(ms => TimeSpan.FromMilliseconds(ms));

    private static Gen<string> UserAgentText =>
        Text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ./();-_+", 1, 40).Where(t => t.Trim().Length > 0).Select(t => t.Trim());

    private static Gen<string> RelativeUrl => Gen.OneOf("/api/", "api/", "saltant.example.org/api/", "localhost:8000/api/", "//saltant.example.org/api/", "https:/saltant.example.org/api/");

    private static Gen<(string Text, string Scheme)> WrongSchemeUrlAndScheme =>
        Gen.Select(Gen.OneOf("ftp", "ws", "wss", "sftp", "file"), Gen.OneOf("saltant.example.org", "localhost"), (scheme, host) => ($"{scheme}://{host}/api/", scheme));

    private static Gen<string> WrongSchemeUrl => WrongSchemeUrlAndScheme.Select(x => x.Text);

    private static Gen<string> UrlWithExtras => Gen.OneOf(
        "https://saltant.example.org/api/?format=json", "https://saltant.example.org/api/#users",
        "https://admin:hunter2@saltant.example.org/api/", "http://localhost:8000/api?x=1");

    private static Slot<T> Unset<T>(string name, T fallback, bool asNull) =>
        new(asNull ? Seq1((name, (string?)null)) : Seq<(string, string?)>(), Seq<ExpectedProblem>(), fallback);

    private static Slot<T> Faulty<T>(string name, string text, int code, T fallback) =>
        new(Seq1((name, (string?)text)), Seq1(new ExpectedProblem(name, code)), fallback);

    private static Gen<Slot<T>> UnsetSlot<T>(string name, T fallback) =>
        Gen.Bool.Select(asNull => Unset(name, fallback, asNull));

    /// <summary>An optional variable: unset, set to a valid value, or (with faults) blank or one of its own faults.</summary>
    private static Gen<Slot<T>> OptionalSlot<T>(
        string name, T fallback, Gen<(string Text, T Value)> valid, bool faults, params (Gen<string> Text, int Code)[] ownFaults)
    {
        var good = valid.SelectMany(v => Padded(Gen.Const(v.Text)).Select(text => new Slot<T>(Seq1((name, (string?)text)), Seq<ExpectedProblem>(), v.Value)));
        if (!faults) return Gen.OneOf(UnsetSlot(name, fallback), good);
        var bad = ownFaults.Select(f => f.Text.Select(text => Faulty(name, text, f.Code, fallback)))
            .Append(Blank.Select(text => Faulty(name, text, ErrorCodes.ConfigEmpty, fallback)))
            .ToArray();
        return Gen.Frequency((3, UnsetSlot(name, fallback)), (3, good), (1, Gen.OneOf(bad)));
    }

    private static Gen<string> NotANumber => Gen.OneOf("abc", "ten", "1,5", "1.2.3", "NaN", "Infinity", "5s", "--1", "0x10", "1e");

    private static Gen<Slot<TimeSpan>> SecondsSlot(string name, TimeSpan fallback, int maxSeconds, bool faults) =>
        OptionalSlot(
            name, fallback,
            Milliseconds(maxSeconds).Select(t => (((decimal)t.TotalMilliseconds / 1000m).ToString(CultureInfo.InvariantCulture), t)),
            faults,
            (NotANumber, ErrorCodes.ConfigBadNumber),
            (Gen.OneOf(
                Gen.OneOf("0", "0.0", "-1", "-0.5"),
                Gen.Int[maxSeconds + 1, maxSeconds * 100].Select(n => n.ToString(CultureInfo.InvariantCulture)),
                Gen.Const(maxSeconds.ToString(CultureInfo.InvariantCulture) + ".001")), ErrorCodes.ConfigOutOfRange));

    private static Gen<Slot<int>> WholeNumberSlot(string name, int fallback, int min, int max, bool faults) =>
        OptionalSlot(
            name, fallback,
            Gen.Int[min, max].Select(n => (n.ToString(CultureInfo.InvariantCulture), n)),
            faults,
            (NotANumber, ErrorCodes.ConfigBadNumber),
            (Gen.OneOf(
                Gen.Int[max + 1, max + 1000],
                Gen.Int[min - 1000, min - 1]).Select(n => n.ToString(CultureInfo.InvariantCulture)), ErrorCodes.ConfigOutOfRange),
            (Gen.Int[min, max - 1].Select(n => n.ToString(CultureInfo.InvariantCulture) + ".5"), ErrorCodes.ConfigOutOfRange));

    private static Gen<Slot<bool>> BooleanSlot(string name, bool fallback, bool faults) =>
        OptionalSlot(
            name, fallback,
            Gen.OneOf(("true", true), ("True", true), ("1", true), ("yes", true), ("YES", true),
                      ("false", false), ("FALSE", false), ("0", false), ("no", false), ("No", false)),
            faults,
            (Gen.OneOf("maybe", "on", "off", "2", "t", "y", "truee"), ErrorCodes.ConfigBadBoolean));

    private static Gen<Slot<string>> UserAgentSlot(bool faults) =>
        OptionalSlot(
            SettingsVariables.UserAgent, SettingsDefaults.UserAgent,
            UserAgentText.Select(t => (t, t)),
            faults,
            (Gen.OneOf("bad\u0001agent", "café/1.0", new string('x', SettingsLimits.MaxUserAgentLength + 1)), ErrorCodes.ConfigMalformed));

    private static Gen<Slot<string>> ApiUrlSlot(bool faults)
    {
        const string name = SettingsVariables.ApiUrl;
        var good = ApiRootText.SelectMany(url => Padded(Gen.Const(url)).Select(text =>
            new Slot<string>(Seq1((name, (string?)text)), Seq<ExpectedProblem>(), url.EndsWith('/') ? url : url + "/")));
        if (!faults) return good;
        return Gen.Frequency(
            (4, good),
            (1, Gen.Bool.Select(asNull => new Slot<string>(
                asNull ? Seq1((name, (string?)null)) : Seq<(string, string?)>(), Seq1(new ExpectedProblem(name, ErrorCodes.ConfigMissing)), ""))),
            (1, Blank.Select(text => Faulty(name, text, ErrorCodes.ConfigEmpty, ""))),
            (1, RelativeUrl.Select(text => Faulty(name, text, ErrorCodes.ConfigNotAbsoluteUrl, ""))),
            (1, WrongSchemeUrl.Select(text => Faulty(name, text, ErrorCodes.ConfigWrongScheme, ""))),
            (1, UrlWithExtras.Select(text => Faulty(name, text, ErrorCodes.ConfigUrlHasExtras, ""))));
    }

    // ---- authentication: each variable gets a state; the expected problems follow from the states ----

    private enum VarState { Unset, UnsetNull, Valid, Blank, Malformed }

    private sealed record AuthVar(string Name, VarState State, string Text)
    {
        public bool IsSet => State is VarState.Valid or VarState.Blank or VarState.Malformed;
    }

    private static Gen<AuthVar> AuthVarGen(string name, VarState state, Gen<string> valid) => state switch
    {
        VarState.Valid => valid.Select(t => new AuthVar(name, state, t)),
        VarState.Blank => Blank.Select(t => new AuthVar(name, state, t)),
        VarState.Malformed => Malformed.Select(t => new AuthVar(name, state, t)),
        _ => Gen.Const(new AuthVar(name, state, "")),
    };

    private static Gen<AuthVar> AnyAuthVar(string name, Gen<string> valid, bool canBeMalformed) =>
        (canBeMalformed
            ? Gen.Frequency((5, VarState.Unset), (2, VarState.UnsetNull), (4, VarState.Valid), (1, VarState.Blank), (1, VarState.Malformed))
            : Gen.Frequency((5, VarState.Unset), (2, VarState.UnsetNull), (4, VarState.Valid), (1, VarState.Blank)))
        .SelectMany(state => AuthVarGen(name, state, valid));

    private static Gen<AuthVar> Off(string name) => Gen.OneOf(VarState.Unset, VarState.UnsetNull).SelectMany(s => AuthVarGen(name, s, Gen.Const("")));

    private static Gen<AuthVar> On(string name, Gen<string> valid) => AuthVarGen(name, VarState.Valid, valid);

    private static Gen<Slot<Authentication?>> AuthenticationSlot(bool faults)
    {
        var paddedToken = Padded(TokenText);
        var paddedUser = Padded(UsernameText);
        var cleanToken = Gen.Select(On(SettingsVariables.AuthToken, paddedToken), Off(SettingsVariables.Username), Off(SettingsVariables.Password),
            Off(SettingsVariables.JwtAccessToken), Off(SettingsVariables.JwtRefreshToken), (t, u, p, a, r) => Seq(t, u, p, a, r));
        var cleanLogin = Gen.Select(Off(SettingsVariables.AuthToken), On(SettingsVariables.Username, paddedUser), On(SettingsVariables.Password, PasswordText),
            Off(SettingsVariables.JwtAccessToken), Off(SettingsVariables.JwtRefreshToken), (t, u, p, a, r) => Seq(t, u, p, a, r));
        var cleanPair = Gen.Select(Off(SettingsVariables.AuthToken), Off(SettingsVariables.Username), Off(SettingsVariables.Password),
            On(SettingsVariables.JwtAccessToken, paddedToken), On(SettingsVariables.JwtRefreshToken, paddedToken), (t, u, p, a, r) => Seq(t, u, p, a, r));
        var clean = Gen.OneOf(cleanToken, cleanLogin, cleanPair);
        var mixed = Gen.Select(
            AnyAuthVar(SettingsVariables.AuthToken, paddedToken, canBeMalformed: true),
            AnyAuthVar(SettingsVariables.Username, paddedUser, canBeMalformed: true),
            AnyAuthVar(SettingsVariables.Password, PasswordText, canBeMalformed: false),
            AnyAuthVar(SettingsVariables.JwtAccessToken, paddedToken, canBeMalformed: true),
            AnyAuthVar(SettingsVariables.JwtRefreshToken, paddedToken, canBeMalformed: true),
            (t, u, p, a, r) => Seq(t, u, p, a, r));
        var vars = faults ? Gen.Frequency((1, clean), (2, mixed)) : clean;
        return vars.Select(AuthenticationModel);
    }

    // The rules of SettingsVariables, stated over variable states: exactly one way chosen (a way is
    // chosen when any of its variables is set), both halves of a two-variable way, and every set
    // value usable.
    private static Slot<Authentication?> AuthenticationModel(Seq<AuthVar> vars)
    {
        var (token, user, password, access, refresh) = (vars[0], vars[1], vars[2], vars[3], vars[4]);
        var ways = Seq(Seq1(token), Seq(user, password), Seq(access, refresh));
        var chosen = ways.Filter(w => w.Exists(v => v.IsSet));
        string Representative(Seq<AuthVar> way) => way.Find(v => v.IsSet).Map(v => v.Name).IfNone("");

        var problems = Seq<ExpectedProblem>();
        if (chosen.IsEmpty) problems = problems.Add(new ExpectedProblem(SettingsVariables.AuthToken, ErrorCodes.ConfigMissing));
        problems += chosen.Tail.Map(w => new ExpectedProblem(Representative(w), ErrorCodes.ConfigConflict));
        foreach (var (first, second) in new[] { (user, password), (password, user), (access, refresh), (refresh, access) })
        {
            if (first.IsSet && !second.IsSet) problems = problems.Add(new ExpectedProblem(second.Name, ErrorCodes.ConfigIncomplete));
        }

        problems += vars.Choose(v => v.State switch
        {
            VarState.Blank => Some(new ExpectedProblem(v.Name, ErrorCodes.ConfigEmpty)),
            VarState.Malformed => Some(new ExpectedProblem(v.Name, ErrorCodes.ConfigMalformed)),
            _ => None,
        });

        Authentication? expected = !problems.IsEmpty ? null
            : token.IsSet ? Domain.Authentication.Token(token.Text.Trim())
            : user.IsSet ? Domain.Authentication.Login(user.Text.Trim(), password.Text)
            : Domain.Authentication.Jwt(access.Text.Trim(), refresh.Text.Trim());

        var variables = vars.Choose(v => v.State switch
        {
            VarState.Unset => Option<(string, string?)>.None,
            VarState.UnsetNull => Some((v.Name, (string?)null)),
            _ => Some((v.Name, (string?)v.Text)),
        });
        return new Slot<Authentication?>(variables, problems, expected);
    }

    // Unrelated variables that must be ignored, including one with the SALTANT_ prefix.
    private static Gen<Seq<(string Name, string? Value)>> Noise =>
        Gen.OneOf(
            Gen.Const(Seq<(string, string?)>()),
            Gen.Const(Seq<(string, string?)>(("PATH", "/usr/local/bin:/usr/bin"), ("HOME", "/home/saltant"))),
            Gen.Const(Seq<(string, string?)>(("SALTANT_UNUSED", "whatever"), ("saltant_api_url", "not the real one"), ("EMPTY", ""))));

    private static IReadOnlyDictionary<string, string?> Variables(Seq<(string Name, string? Value)> noise, params Seq<(string Name, string? Value)>[] slots)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in noise) result[name] = value;
        foreach (var (name, value) in slots.SelectMany(s => s)) result[name] = value;
        return result;
    }
}
