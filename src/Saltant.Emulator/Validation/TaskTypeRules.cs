using System.Text.Json.Nodes;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Validation;

/// <summary>Outcome of the task-type model's clean(): valid, a ValidationError message, or a server crash.</summary>
internal enum RuleResult { Valid, Invalid, Crash }

/// <summary>
/// saltant's AbstractTaskType.clean(): JSON fields given as strings are parsed, then must be an array,
/// an array and an object, and the default values' keys must be required arguments.
/// </summary>
internal static class TaskTypeRules
{
    public static RuleResult Clean(ref JsonNode? env, ref JsonNode? required, ref JsonNode? defaults, out string message)
    {
        message = "";
        env ??= new JsonArray();
        required ??= new JsonArray();
        defaults ??= new JsonObject();
        if (!ParseIfString(ref env, ref message) || !ParseIfString(ref required, ref message) || !ParseIfString(ref defaults, ref message))
            return RuleResult.Invalid;
        if (env is not JsonArray) { message = $"'{PyRepr.Str(env)}' is not a valid JSON array!"; return RuleResult.Invalid; }
        if (required is not JsonArray reqArr) { message = $"'{PyRepr.Str(required)}' is not a valid JSON array!"; return RuleResult.Invalid; }
        if (defaults is not JsonObject defObj) { message = $"'{PyRepr.Str(defaults)}' is not a valid JSON dictionary!"; return RuleResult.Invalid; }
        // set(required_arguments) raises TypeError on unhashable items: a server error.
        if (reqArr.Any(n => n is JsonArray or JsonObject)) return RuleResult.Crash;
        var names = reqArr.Where(n => JsonKinds.KindOf(n) == PyKind.Str).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        if (defObj.Any(kv => !names.Contains(kv.Key)))
        {
            message = "default arguments not a subset of required arguments";
            return RuleResult.Invalid;
        }
        return RuleResult.Valid;
    }

    private static bool ParseIfString(ref JsonNode? node, ref string message)
    {
        if (JsonKinds.KindOf(node) != PyKind.Str) return true;
        var text = node!.GetValue<string>();
        try { node = PyJsonParser.Parse(text); return true; }
        catch (PyJsonException) { message = $"'{text}' is not valid JSON!"; return false; }
    }
}
