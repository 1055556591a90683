using Saltant.Emulator.Http;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Validation;

/// <summary>Collected validation errors in field order, rendered as DRF's 400 body.</summary>
internal sealed class FieldErrors
{
    private readonly List<KeyValuePair<string, List<string>>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        var existing = _errors.FindIndex(e => e.Key == field);
        if (existing >= 0) _errors[existing].Value.Add(message);
        else _errors.Add(new(field, [message]));
    }

    /// <summary>An object-level error from a Django model's clean(): the repr of its message list.</summary>
    public void AddModelError(string message) => Add("non_field_errors", PyRepr.ReprList([message]));

    public ApiResponse ToResponse() => ApiResponse.Json(400, JsonOut.Errors(_errors));

    /// <summary>DRF's answer when the body is not a mapping.</summary>
    public static ApiResponse NotAMapping(RequestData data)
    {
        var e = new FieldErrors();
        e.Add("non_field_errors", $"Invalid data. Expected a dictionary, but got {data.BodyTypeName}.");
        return e.ToResponse();
    }
}
