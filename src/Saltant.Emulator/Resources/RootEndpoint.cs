using Saltant.Emulator.Http;
using Saltant.Emulator.Json;

namespace Saltant.Emulator.Resources;

/// <summary>The API root: a map of resource names to absolute list URLs built from the request's host.</summary>
internal static class RootEndpoint
{
    public static ApiResponse Handle(ApiRequest req)
    {
        // A plain APIView: Django maps HEAD to GET, and OPTIONS is allowed.
        if (req.Method == "OPTIONS") return OptionsMetadata.Root();
        if (req.Method is not ("GET" or "HEAD")) return ApiResponse.MethodNotAllowed(req.Method);
        return ApiResponse.Json(200, JsonOut.Write(w =>
        {
            w.WriteStartObject();
            foreach (var name in Routes.Resources) w.WriteString(name, req.ApiBase + name);
            w.WriteEndObject();
        }));
    }
}
