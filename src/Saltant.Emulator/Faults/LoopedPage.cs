using System.Text.Json.Nodes;
using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Query;

namespace Saltant.Emulator.Faults;

/// <summary>A list page whose <c>next</c> points back at a page already served (<see cref="Fault.LoopingNext"/>).</summary>
internal static class LoopedPage
{
    /// <summary>The answer with its <c>next</c> replaced; anything but a JSON list page is left as it is.</summary>
    public static ApiResponse Loop(ApiRequest request, ApiResponse response, bool toFirstPage)
    {
        if (response.Status != 200 || response.ContentType != ApiResponse.JsonType) return response;
        if (JsonNode.Parse(response.Body.Span) is not JsonObject page || !page.ContainsKey("next") || !page.ContainsKey("results")) return response;
        page["next"] = toFirstPage
            ? Paginator.Link(request, 1)
            : request.AbsolutePath + (request.RawQuery.Length > 0 ? "?" + request.RawQuery : "");
        return new ApiResponse { Status = response.Status, ContentType = response.ContentType, Body = JsonOut.Write(w => page.WriteTo(w)), Location = response.Location, Records = response.Records };
    }
}
