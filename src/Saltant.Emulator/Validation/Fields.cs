using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Saltant.Emulator.Http;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Validation;

/// <summary>
/// DRF serializer fields reduced to what saltant's serializers use. Each reader follows DRF's
/// get_value (JSON vs HTML form input, partial updates) then run_validation, adding DRF's messages.
/// A reader returns false when the field is absent (keep the current or default value) or invalid.
/// </summary>
internal static partial class Fields
{
    private const string Required = "This field is required.";
    private const string Null = "This field may not be null.";

    /// <summary>Shared presence logic: returns the raw value, or null with <paramref name="present"/> false.</summary>
    private static JsonNode? Raw(RequestData d, string name, bool required, bool partial, FieldErrors errors, out bool present)
    {
        present = d.Has(name);
        if (!present && required && !partial) errors.Add(name, Required);
        return present ? d.Get(name) : null;
    }

    /// <summary>A CharField (strings, numbers coerced; trimmed; blank/null/max-length rules).</summary>
    public static bool Char(RequestData d, string name, FieldErrors errors, out string? value, bool required = false, bool allowBlank = false,
        bool allowNull = false, int maxLength = int.MaxValue, bool partial = false, Func<string, IEnumerable<string>>? extra = null)
    {
        value = null;
        var raw = Raw(d, name, required, partial, errors, out bool present);
        if (!present) return false;
        if (d.IsForm && allowNull && raw!.GetValue<string>() == "" && !allowBlank) raw = null;
        if (raw is null)
        {
            if (!allowNull) { errors.Add(name, Null); return false; }
            return true;
        }
        var kind = JsonKinds.KindOf(raw);
        if (kind is not (PyKind.Str or PyKind.Int or PyKind.Float)) { errors.Add(name, "Not a valid string."); return false; }
        var s = PyRepr.Str(raw).Trim();
        if (s.Length == 0)
        {
            if (!allowBlank) { errors.Add(name, "This field may not be blank."); return false; }
            value = "";
            return true;
        }
        // DRF runs every validator and keeps every message, in the field's order: the model field's
        // own validators (the queue name pattern, then uniqueness), then max length, then NUL bytes.
        // A uniqueness check with a NUL byte reaches PostgreSQL, which refuses the string: a crash.
        if (extra is not null && s.Contains('\0', StringComparison.Ordinal)) { errors.MarkCrash(); return false; }
        bool ok = true;
        foreach (var more in extra?.Invoke(s) ?? []) { errors.Add(name, more); ok = false; }
        if (s.EnumerateRunes().Count() > maxLength)
        {
            errors.Add(name, $"Ensure this field has no more than {maxLength} characters.");
            ok = false;
        }
        if (s.Contains('\0', StringComparison.Ordinal)) { errors.Add(name, "Null characters are not allowed."); ok = false; }
        value = s;
        return ok;
    }

    /// <summary>A BooleanField; in a full form submission an omitted box means false.</summary>
    public static bool Bool(RequestData d, string name, FieldErrors errors, out bool value, bool partial = false)
    {
        value = false;
        if (!d.Has(name))
        {
            if (d.IsForm && !partial) { value = false; return true; }
            return false;
        }
        var raw = d.Get(name);
        if (raw is null) { errors.Add(name, Null); return false; }
        // A form's empty value for a field that is not required counts as not given at all (DRF's
        // Field.get_value), so the model default (create) or the current value (update) stays.
        if (d.IsForm && raw.GetValue<string>() == "") return false;
        switch (JsonKinds.KindOf(raw))
        {
            case PyKind.Bool: value = raw.GetValue<bool>(); return true;
            case PyKind.Int or PyKind.Float:
                var t = raw.ToJsonString();
                if (double.Parse(t, CultureInfo.InvariantCulture) == 1) { value = true; return true; }
                if (double.Parse(t, CultureInfo.InvariantCulture) == 0) { value = false; return true; }
                break;
            case PyKind.Str:
                var s = raw.GetValue<string>();
                // DRF 3.9's sets: "yes"/"YES" but not "Yes", "no"/"NO" but not "No".
                if (s is "t" or "T" or "y" or "Y" or "yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" or "1") { value = true; return true; }
                if (s is "f" or "F" or "n" or "N" or "no" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" or "0") { value = false; return true; }
                break;
        }
        errors.Add(name, "Must be a valid boolean.");
        return false;
    }

    /// <summary>A ChoiceField (e.g. container_type).</summary>
    public static bool Choice(RequestData d, string name, FieldErrors errors, out string? value, string[] choices, bool required = false, bool partial = false)
    {
        value = null;
        var raw = Raw(d, name, required, partial, errors, out bool present);
        if (!present) return false;
        if (raw is null) { errors.Add(name, Null); return false; }
        var s = PyRepr.Str(raw);
        if (!choices.Contains(s)) { errors.Add(name, $"\"{s}\" is not a valid choice."); return false; }
        value = s;
        return true;
    }

    /// <summary>A JSONField: any JSON value in a JSON body; a JSON text in a form.</summary>
    public static bool JsonValueField(RequestData d, string name, FieldErrors errors, out JsonNode? value, bool partial = false)
    {
        value = null;
        if (!d.Has(name)) return false;
        var raw = d.Get(name);
        if (d.IsForm)
        {
            try { value = PyJsonParser.Parse(raw!.GetValue<string>()); return true; }
            catch (PyJsonException) { errors.Add(name, "Value must be valid JSON."); return false; }
        }
        if (raw is null) { errors.Add(name, Null); return false; }
        value = raw.DeepClone();
        return true;
    }

    /// <summary>A PrimaryKeyRelatedField: the pk must exist in <paramref name="exists"/>'s queryset.</summary>
    public static bool Pk(RequestData d, string name, FieldErrors errors, Func<long, bool> exists, out int value, bool required = false, bool partial = false)
    {
        value = 0;
        var raw = Raw(d, name, required, partial, errors, out bool present);
        if (!present) return false;
        // RelatedField.run_validation turns "" into None, in JSON bodies as in forms.
        if (raw is null || (JsonKinds.KindOf(raw) == PyKind.Str && raw.GetValue<string>() == "")) { errors.Add(name, Null); return false; }
        var msg = PkItem(raw, exists, out value);
        if (msg is not null) { errors.Add(name, msg); return false; }
        return true;
    }

    /// <summary>A many-related pk list (whitelists, whitelisted types); repeated keys in forms.</summary>
    public static bool PkList(RequestData d, string name, FieldErrors errors, Func<long, bool> exists, out SortedSet<int> value, bool partial = false)
    {
        value = [];
        List<JsonNode?> items;
        if (d.IsForm)
        {
            if (!d.Has(name) && partial) return false;
            items = d.GetList(name).Select(s => (JsonNode?)JsonValue.Create(s)).ToList();
        }
        else
        {
            if (!d.Has(name)) return false;
            var raw = d.Get(name);
            if (raw is null) { errors.Add(name, Null); return false; }
            switch (raw)
            {
                case JsonArray a: items = [.. a]; break;
                case JsonObject o: items = o.Select(kv => (JsonNode?)JsonValue.Create(kv.Key)).ToList(); break;
                default:
                    errors.Add(name, $"Expected a list of items but got type \"{JsonKinds.TypeName(raw)}\".");
                    return false;
            }
        }
        foreach (var item in items)
        {
            var msg = PkItem(item, exists, out int id);
            if (msg is not null) { errors.Add(name, msg); return false; }
            value.Add(id);
        }
        return true;
    }

    private static string? PkItem(JsonNode? raw, Func<long, bool> exists, out int id)
    {
        id = 0;
        long pk;
        switch (JsonKinds.KindOf(raw))
        {
            case PyKind.Int:
                if (!long.TryParse(raw!.ToJsonString(), out pk)) return $"Invalid pk \"{raw.ToJsonString()}\" - object does not exist.";
                break;
            case PyKind.Bool: pk = raw!.GetValue<bool>() ? 1 : 0; break;
            case PyKind.Float: pk = (long)double.Parse(raw!.ToJsonString(), CultureInfo.InvariantCulture); break;
            case PyKind.Str:
                if (!TryPythonInt(raw!.GetValue<string>(), out pk)) return "Incorrect type. Expected pk value, received str.";
                break;
            // A list item goes straight to to_internal_value: get(pk=None) finds nothing.
            case PyKind.None: return "Invalid pk \"None\" - object does not exist.";
            default: return $"Incorrect type. Expected pk value, received {JsonKinds.TypeName(raw)}.";
        }
        if (!exists(pk)) return $"Invalid pk \"{PyRepr.Str(raw)}\" - object does not exist.";
        id = (int)pk;
        return null;
    }

    [GeneratedRegex(@"^\s*[+-]?\d+(_\d+)*\s*$")]
    private static partial Regex PythonIntRe();

    /// <summary>Python's <c>int(str)</c>: surrounding whitespace, a sign and digit underscores allowed.</summary>
    public static bool TryPythonInt(string s, out long value)
    {
        value = 0;
        if (!PythonIntRe().IsMatch(s)) return false;
        return long.TryParse(s.Trim().Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
