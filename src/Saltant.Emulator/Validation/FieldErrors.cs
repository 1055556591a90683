using Saltant.Emulator.Http;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Validation;

/// <summary>Collected validation errors in field order, rendered as DRF's 400 body.</summary>
internal sealed class FieldErrors
{
    private readonly List<KeyValuePair<string, List<string>>> _errors = [];

    /// <summary>True when validation itself would crash the server (an uncaught exception).</summary>
    public bool Crash { get; private set; }

    public bool Any => _errors.Count > 0 || Crash;

    /// <summary>Validation reached code that raises a non-validation error: the request fails server-side.</summary>
    public void MarkCrash() => Crash = true;

    public void Add(string field, string message)
    {
        var existing = _errors.FindIndex(e => e.Key == field);
        if (existing >= 0) _errors[existing].Value.Add(message);
        else _errors.Add(new(field, [message]));
    }

    /// <summary>An object-level error from a Django model's clean(): the repr of its message list.</summary>
    public void AddModelError(string message) => Add("non_field_errors", PyRepr.ReprList([message]));

    public ApiResponse ToResponse() => Crash ? ApiResponse.ServerFailureOnWrite() : ApiResponse.Json(400, JsonOut.Errors(_errors));

    /// <summary>DRF's answer when the body is not a mapping.</summary>
    public static ApiResponse NotAMapping(RequestData data)
    {
        var e = new FieldErrors();
        // A JSON null body fails the serializer's own null check, which DRF rewords.
        e.Add("non_field_errors", data.Json is null && !data.IsForm ? "No data provided" : $"Invalid data. Expected a dictionary, but got {data.BodyTypeName}.");
        return e.ToResponse();
    }
}
