using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>Writes typed field values as the JSON the server's serializers read.</summary>
internal static class BodyFields
{
    /// <summary>A list of ids, e.g. <c>[1, 2]</c>.</summary>
    internal static Json Ids<TId>(Seq<TId> ids, Func<TId, int> value) =>
        new Json.JArray(ids.Map(id => Json.Of((long)value(id))));

    /// <summary>A list of strings.</summary>
    internal static Json Strings(Seq<string> items) => new Json.JArray(items.Map(s => Json.Of(s ?? "")));

    /// <summary>A nullable string field: the text, or <c>null</c> when absent.</summary>
    internal static Json NullableString(Option<string> value) => value.Match(s => Json.Of(s ?? ""), () => Json.Null);

    /// <summary>The members both kinds of task type send, in the server's order, before the kind's own.</summary>
    internal static IEnumerable<(string Key, Json Value)> TaskTypeCommon(
        string name, string description, string commandToRun, Seq<string> environmentVariables, Seq<string> requiredArguments, Json.JObject defaults)
    {
        yield return ("name", Json.Of(name ?? ""));
        yield return ("description", Json.Of(description ?? ""));
        yield return ("command_to_run", Json.Of(commandToRun ?? ""));
        yield return ("environment_variables", Strings(environmentVariables));
        yield return ("required_arguments", Strings(requiredArguments));
        yield return ("required_arguments_default_values", defaults ?? Json.EmptyObject);
    }

    /// <summary>An object holding only the members that are present, in order.</summary>
    internal static Json.JObject Present(params Option<(string Key, Json Value)>[] members) =>
        new(toSeq(members).Somes());

    /// <summary>A member that is present only when <paramref name="value"/> is.</summary>
    internal static Option<(string Key, Json Value)> When<TValue>(string key, Option<TValue> value, Func<TValue, Json> write) =>
        value.Map(v => (key, write(v)));
}
