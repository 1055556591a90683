using System.Text.Json.Nodes;

namespace Saltant.Emulator.Http;

/// <summary>
/// A parsed request body as DRF's <c>request.data</c> sees it: either a JSON value or a form
/// (a multi-valued dictionary). DRF fields read the two differently (form lists, omitted booleans).
/// </summary>
internal sealed class RequestData
{
    private readonly List<KeyValuePair<string, string>>? _form;

    private RequestData(JsonNode? json, List<KeyValuePair<string, string>>? form, bool isForm)
    {
        Json = json;
        _form = form;
        IsForm = isForm;
    }

    /// <summary>True for urlencoded or multipart bodies (Django's QueryDict).</summary>
    public bool IsForm { get; }

    /// <summary>The parsed JSON document (JSON bodies only).</summary>
    public JsonNode? Json { get; }

    /// <summary>An empty body: DRF gives an empty dict.</summary>
    public static RequestData Empty(bool isForm) => isForm ? new RequestData(null, [], true) : new RequestData(new JsonObject(), null, false);

    public static RequestData FromJson(JsonNode? node) => new(node, null, false);

    public static RequestData FromForm(List<KeyValuePair<string, string>> form) => new(null, form, true);

    /// <summary>True when the body is a mapping (JSON object or form); otherwise DRF rejects it.</summary>
    public bool IsMapping => IsForm || Json is JsonObject;

    /// <summary>Whether the field was given.</summary>
    public bool Has(string key) => IsForm ? _form!.Any(kv => kv.Key == key) : Json is JsonObject o && o.ContainsKey(key);

    /// <summary>
    /// The field's value: for JSON the node itself; for forms the last value as a JSON string
    /// (QueryDict.__getitem__ returns the last value).
    /// </summary>
    public JsonNode? Get(string key)
    {
        if (IsForm)
        {
            string? last = null;
            foreach (var kv in _form!) if (kv.Key == key) last = kv.Value;
            return last is null ? null : JsonValue.Create(last);
        }
        return Json is JsonObject o && o.TryGetPropertyValue(key, out var v) ? v : null;
    }

    /// <summary>All values of a form key, in order (form lists are repeated keys).</summary>
    public List<string> GetList(string key) => _form is null ? [] : _form.Where(kv => kv.Key == key).Select(kv => kv.Value).ToList();

    /// <summary>The Python type name of the body when it is not a mapping.</summary>
    public string BodyTypeName => Saltant.Emulator.Json.JsonKinds.TypeName(Json);
}
