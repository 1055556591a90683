using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>
/// Picks the one way to authenticate from the environment. The ways are a DRF token
/// (<see cref="SettingsVariables.AuthToken"/>), a JWT login (<see cref="SettingsVariables.Username"/>
/// + <see cref="SettingsVariables.Password"/>) and a JWT pair (<see cref="SettingsVariables.JwtAccessToken"/>
/// + <see cref="SettingsVariables.JwtRefreshToken"/>); a way counts as chosen when any of its
/// variables is set. Every problem is reported: none chosen (reported as a missing token, since
/// that is what saltant-py asks for), more than one chosen, half a pair, and each blank or
/// malformed value.
/// </summary>
internal static class EnvironmentAuthentication
{
    private sealed record Way(Seq<(string Name, Option<string> Text)> Variables)
    {
        public bool Chosen => Variables.Exists(v => v.Text.IsSome);

        // The variable that stands for the way in a conflict: its first one that is set.
        public string Representative => Variables.Find(v => v.Text.IsSome).Map(v => v.Name).IfNone(Variables.Head.Name);
    }

    public static Validation<ConfigProblem, Authentication> Read(IReadOnlyDictionary<string, string?> environment)
    {
        Option<string> Get(string name) => EnvironmentValues.Get(environment, name);

        var token = Get(SettingsVariables.AuthToken);
        var username = Get(SettingsVariables.Username);
        var password = Get(SettingsVariables.Password);
        var access = Get(SettingsVariables.JwtAccessToken);
        var refresh = Get(SettingsVariables.JwtRefreshToken);

        var ways = Seq(
            new Way(Seq1((SettingsVariables.AuthToken, token))),
            new Way(Seq((SettingsVariables.Username, username), (SettingsVariables.Password, password))),
            new Way(Seq((SettingsVariables.JwtAccessToken, access), (SettingsVariables.JwtRefreshToken, refresh))));
        var chosen = ways.Filter(w => w.Chosen);

        var choice = chosen.IsEmpty
            ? Seq1<ConfigProblem>(new ConfigProblem.Missing(SettingsVariables.AuthToken))
            : chosen.Tail.Map(w => (ConfigProblem)new ConfigProblem.Conflict(w.Representative, chosen.Head.Representative));

        var halves =
            Half(SettingsVariables.Username, username, SettingsVariables.Password, password) +
            Half(SettingsVariables.JwtAccessToken, access, SettingsVariables.JwtRefreshToken, refresh);

        var values =
            Check(token, t => SettingRules.Word(SettingsVariables.AuthToken, t)) +
            Check(username, t => SettingRules.Word(SettingsVariables.Username, t)) +
            Check(password, t => SettingRules.Password(SettingsVariables.Password, t)) +
            Check(access, t => SettingRules.Word(SettingsVariables.JwtAccessToken, t)) +
            Check(refresh, t => SettingRules.Word(SettingsVariables.JwtRefreshToken, t));

        var problems = choice + halves + values;
        if (!problems.IsEmpty) return Fail<ConfigProblem, Authentication>(problems);

        // Exactly one way is chosen, complete and clean; the factories trim tokens and username.
        return Success<ConfigProblem, Authentication>(
            token.Map(Authentication.Token)
                .IfNone(() => username.Match(
                    Some: u => Authentication.Login(u, password.IfNone("")),
                    None: () => Authentication.Jwt(access.IfNone(""), refresh.IfNone("")))));
    }

    private static Seq<ConfigProblem> Half(string first, Option<string> firstText, string second, Option<string> secondText) =>
        (firstText.IsSome, secondText.IsSome) switch
        {
            (true, false) => Seq1<ConfigProblem>(new ConfigProblem.Incomplete(first, second)),
            (false, true) => Seq1<ConfigProblem>(new ConfigProblem.Incomplete(second, first)),
            _ => Seq<ConfigProblem>(),
        };

    private static Seq<ConfigProblem> Check(Option<string> text, Func<string, Validation<ConfigProblem, string>> rule) =>
        text.Map(t => rule(t).FailToSeq()).IfNone(Seq<ConfigProblem>());
}
