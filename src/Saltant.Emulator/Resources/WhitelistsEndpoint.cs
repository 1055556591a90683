using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Query;
using Saltant.Emulator.Store;
using Saltant.Emulator.Validation;

namespace Saltant.Emulator.Resources;

/// <summary><c>taskwhitelists/</c>: GET, POST, PUT, PATCH; the owner never changes on update.</summary>
internal static class WhitelistsEndpoint
{
    public static ApiResponse Handle(ApiContext ctx, ApiRequest req, RouteMatch route, UserRecord user)
    {
        var store = ctx.Store;
        if (route.Kind == RouteKind.List)
        {
            if (req.Method == "GET")
            {
                lock (store.Sync)
                {
                    return Paginator.Filtered(req, ResourceFilters.Whitelists, store.Whitelists.Values, 100, Serializers.Whitelist);
                }
            }
            if (req.Method != "POST") return ApiResponse.MethodNotAllowed(req.Method);
            if (!req.TryGetData(out var data, out var bad)) return bad!;
            lock (store.Sync)
            {
                var draft = new WhitelistRecord { Id = 0, User = user, Name = "" };
                var errors = Apply(store, data, draft, false, null);
                if (errors is not null) return errors;
                var saved = new WhitelistRecord
                {
                    Id = store.NextWhitelistId(), User = user, Name = draft.Name, Description = draft.Description,
                    ContainerTypes = draft.ContainerTypes, ExecutableTypes = draft.ExecutableTypes,
                };
                store.Whitelists.Add(saved.Id, saved);
                return ApiResponse.Json(201, JsonOut.Write(w => Serializers.Whitelist(w, saved)));
            }
        }

        if (req.Method is not ("GET" or "PUT" or "PATCH")) return ApiResponse.MethodNotAllowed(req.Method);
        lock (store.Sync)
        {
            if (!ApiContext.TryIntKey(route.Key!, out int id) || !store.Whitelists.TryGetValue(id, out var wl)) return ApiResponse.NotFound();
            if (req.Method == "GET") return ApiResponse.Json(200, JsonOut.Write(w => Serializers.Whitelist(w, wl)));
            if (!ApiContext.MayWrite(user, wl.User)) return ApiContext.Forbidden();
            if (!req.TryGetData(out var data, out var bad)) return bad!;
            var draft = new WhitelistRecord
            {
                Id = wl.Id, User = wl.User, Name = wl.Name, Description = wl.Description,
                ContainerTypes = [.. wl.ContainerTypes], ExecutableTypes = [.. wl.ExecutableTypes],
            };
            var errors = Apply(store, data, draft, req.Method == "PATCH", wl);
            if (errors is not null) return errors;
            wl.Name = draft.Name; wl.Description = draft.Description; wl.ContainerTypes = draft.ContainerTypes; wl.ExecutableTypes = draft.ExecutableTypes;
            return ApiResponse.Json(200, JsonOut.Write(w => Serializers.Whitelist(w, wl)));
        }
    }

    private static ApiResponse? Apply(EmulatorStore store, RequestData data, WhitelistRecord wl, bool partial, WhitelistRecord? existing)
    {
        if (!data.IsMapping) return FieldErrors.NotAMapping(data);
        var e = new FieldErrors();
        if (Fields.Char(data, "name", e, out var name, required: true, maxLength: 50, partial: partial,
            extra: n => store.Whitelists.Values.Any(w => w.Name == n && !ReferenceEquals(w, existing)) ? ["task whitelist with this name already exists."] : []))
            wl.Name = name!;
        if (Fields.Char(data, "description", e, out var desc, allowBlank: true, partial: partial)) wl.Description = desc!;
        if (Fields.PkList(data, "whitelisted_container_task_types", e, id => id is > 0 and <= int.MaxValue && store.ContainerTypes.ContainsKey((int)id), out var c, partial)) wl.ContainerTypes = c;
        if (Fields.PkList(data, "whitelisted_executable_task_types", e, id => id is > 0 and <= int.MaxValue && store.ExecutableTypes.ContainsKey((int)id), out var x, partial)) wl.ExecutableTypes = x;
        return e.Any ? e.ToResponse() : null;
    }
}
