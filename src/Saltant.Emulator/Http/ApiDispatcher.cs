using Saltant.Emulator.Auth;
using Saltant.Emulator.Resources;
using Saltant.Emulator.Store;

namespace Saltant.Emulator.Http;

/// <summary>
/// Request handling in the order Django and DRF apply it: URL resolution (with the APPEND_SLASH
/// redirect), content negotiation (format, Accept), authentication, permission, then the method.
/// </summary>
internal sealed class ApiDispatcher(ApiContext ctx, Authenticator auth)
{
    public ApiResponse Dispatch(ApiRequest req)
    {
        if (req.ApiPath is null)
            return req.FullPath == "/api" ? ApiResponse.Redirect("/api/" + (req.RawQuery.Length > 0 ? "?" + req.RawQuery : "")) : Unrouted(req);

        var route = Routes.Match(req.ApiPath, req.RawQuery);
        switch (route.Kind)
        {
            case RouteKind.RedirectSlash: return ApiResponse.Redirect(route.Redirect!);
            case RouteKind.Unknown: return Unrouted(req);
        }

        // Content negotiation runs before authentication in DRF.
        // DRF: a format suffix wins over ?format=, and an empty value is no format at all.
        var format = !string.IsNullOrEmpty(route.Format) ? route.Format : req.QueryValue("format");
        if (!string.IsNullOrEmpty(format) && format is not ("json" or "api")) return ApiResponse.NotFound();
        var renderer = Negotiation.Select(req.Accept, format);
        if (renderer is null) return ApiResponse.Detail(406, "Could not satisfy the request Accept header.");
        var response = Handle(req, route);
        // The browsable API renders the same answer as an HTML page (quirky empty 405s stay as they are).
        return renderer == Renderer.BrowsableApi && response.ContentType == ApiResponse.JsonType
            ? BrowsableApi.Page(response, route, req.Method)
            : response;
    }

    private ApiResponse Handle(ApiRequest req, RouteMatch route)
    {
        switch (route.Kind)
        {
            case RouteKind.Token: return req.Method == "OPTIONS" ? OptionsMetadata.Token() : TokenEndpoints.Obtain(ctx, req);
            case RouteKind.TokenRefresh: return req.Method == "OPTIONS" ? OptionsMetadata.TokenRefresh() : TokenEndpoints.Refresh(ctx, req);
        }

        var user = auth.Authenticate(req, out var failure);
        if (failure is not null) return failure;
        if (user is null) return ApiResponse.Detail(403, "Authentication credentials were not provided.");

        return route.Kind switch
        {
            RouteKind.Root => RootEndpoint.Handle(req),
            RouteKind.UpdateStatus => req.Method == "OPTIONS" ? OptionsMetadata.UpdateStatus() : StatusEndpoint.Handle(ctx, req, route.Key!),
            _ => Resource(req, route, user),
        };
    }

    private ApiResponse Resource(ApiRequest req, RouteMatch route, UserRecord user) => route.Resource switch
    {
        "users" => UsersEndpoint.Handle(ctx, req, route),
        "taskqueues" => QueuesEndpoint.Handle(ctx, req, route, user),
        "taskwhitelists" => WhitelistsEndpoint.Handle(ctx, req, route, user),
        "executabletasktypes" => TaskTypesEndpoint.Handle(ctx, req, route, user, TaskKind.Executable),
        "containertasktypes" => TaskTypesEndpoint.Handle(ctx, req, route, user, TaskKind.Container),
        "executabletaskinstances" => InstancesEndpoint.Handle(ctx, req, route, user, TaskKind.Executable),
        _ => InstancesEndpoint.Handle(ctx, req, route, user, TaskKind.Container),
    };

    /// <summary>
    /// No URL pattern: the site's 404 handler is a TemplateView, so reads get the 404 page, OPTIONS gets
    /// Django's empty 200 with an Allow header, and other methods its empty 405.
    /// </summary>
    private static ApiResponse Unrouted(ApiRequest req) => req.Method switch
    {
        "GET" or "HEAD" => ApiResponse.Html(404, HtmlPages.NotFound),
        "OPTIONS" => new ApiResponse { Status = 200, ContentType = ApiResponse.HtmlType, Allow = "GET, HEAD, OPTIONS" },
        _ => ApiResponse.ServerFailureOnWrite(),
    };
}
