using System.Text.Json;
using Saltant.Emulator.Http;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Resources;

/// <summary>
/// DRF's SimpleMetadata answer to OPTIONS on the views that allow it: the API root (a plain APIView),
/// <c>token/</c> and <c>token/refresh/</c> (generic views, so with their POST fields) and the
/// <c>@api_view</c> status update (which always adds OPTIONS). The viewsets list their methods and
/// leave OPTIONS out, so they answer 405 instead.
/// </summary>
internal static class OptionsMetadata
{
    private static readonly string[] Renders = ["application/json", "text/html"];
    private static readonly string[] Parses = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"];

    public static ApiResponse Root() => Answer("Api Root", "The default basic root view for DefaultRouter", null);

    public static ApiResponse Token() => Answer("Token Obtain Pair Permissive",
        "Takes a set of user credentials and returns an access and refresh JSON web\ntoken pair to prove the authentication of those credentials.",
        ["username", "password"]);

    public static ApiResponse TokenRefresh() => Answer("Token Refresh Permissive",
        "Takes a refresh type JSON web token and returns an access type JSON web\ntoken if the refresh token is valid.",
        ["refresh"]);

    public static ApiResponse UpdateStatus() => Answer("Update Task Instance Status",
        "Updates the status for task instances of any class of task.", null);

    private static ApiResponse Answer(string name, string description, string[]? postFields) => ApiResponse.Json(200, JsonOut.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("description", description);
        WriteList(w, "renders", Renders);
        WriteList(w, "parses", Parses);
        if (postFields is not null)
        {
            w.WriteStartObject("actions");
            w.WriteStartObject("POST");
            foreach (var field in postFields)
            {
                w.WriteStartObject(field);
                w.WriteString("type", "string");
                w.WriteBoolean("required", true);
                w.WriteBoolean("read_only", false);
                w.WriteString("label", char.ToUpperInvariant(field[0]) + field[1..]);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }));

    private static void WriteList(Utf8JsonWriter w, string name, string[] items)
    {
        w.WriteStartArray(name);
        foreach (var item in items) w.WriteStringValue(item);
        w.WriteEndArray();
    }
}
