using System.Net;
using System.Text;

namespace Saltant.Emulator.Http;

/// <summary>
/// DRF's browsable API as saltant themes it (<c>rest_framework/api.html</c>: title "saltant API - view
/// name"), reduced to the title and the answer it wraps; the status is the JSON answer's.
/// </summary>
internal static class BrowsableApi
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["users"] = "User",
        ["containertaskinstances"] = "Container Task Instance",
        ["containertasktypes"] = "Container Task Type",
        ["executabletaskinstances"] = "Executable Task Instance",
        ["executabletasktypes"] = "Executable Task Type",
        ["taskqueues"] = "Task Queue",
        ["taskwhitelists"] = "Task Whitelist",
    };

    /// <summary>DRF's get_view_name for the view a route reaches.</summary>
    public static string ViewName(RouteMatch route) => route.Kind switch
    {
        RouteKind.Root => "Api Root",
        RouteKind.Token => "Token Obtain Pair Permissive",
        RouteKind.TokenRefresh => "Token Refresh Permissive",
        RouteKind.UpdateStatus => "Update Task Instance Status",
        RouteKind.List => Names[route.Resource!] + " List",
        RouteKind.Detail => Names[route.Resource!] + " Instance",
        RouteKind.Action => route.Action == "clone" ? "Clone" : "Terminate",
        _ => "",
    };

    public static ApiResponse Page(ApiResponse json, RouteMatch route, string method)
    {
        var title = "saltant API - " + ViewName(route).ToLowerInvariant();
        var content = WebUtility.HtmlEncode(Encoding.UTF8.GetString(json.Body.Span));
        var html = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>\n" +
            $"    <title>{title}</title>\n  </head>\n  <body>\n    <div class=\"response-info\"><pre class=\"prettyprint\"><span class=\"meta nocode\"><b>{method}</b> " +
            $"HTTP {json.Status}</span>\n\n{content}</pre></div>\n  </body>\n</html>\n";
        return new ApiResponse { Status = json.Status, ContentType = ApiResponse.HtmlType, Body = Encoding.UTF8.GetBytes(html), Location = json.Location, Records = json.Records };
    }
}
