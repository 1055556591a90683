using System.Text.Json.Nodes;
using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Query;
using Saltant.Emulator.Store;
using Saltant.Emulator.Validation;

namespace Saltant.Emulator.Resources;

/// <summary>
/// <c>executabletasktypes/</c> and <c>containertasktypes/</c>: GET, POST, PUT. The serializer injects
/// the caller as owner on every write, so a superuser's PUT takes ownership.
/// </summary>
internal static class TaskTypesEndpoint
{
    public static ApiResponse Handle(ApiContext ctx, ApiRequest req, RouteMatch route, UserRecord user, TaskKind kind)
    {
        var store = ctx.Store;
        var types = store.Types(kind);
        if (route.Kind == RouteKind.List)
        {
            if (req.Method == "GET")
            {
                lock (store.Sync)
                {
                    return Paginator.Filtered(req, ResourceFilters.TaskTypes(kind), types.Values, 100, (w, t) => Serializers.TaskType(w, t));
                }
            }
            if (req.Method != "POST") return ApiResponse.MethodNotAllowed(req.Method);
            if (!req.TryGetData(out var data, out var bad)) return bad!;
            lock (store.Sync)
            {
                var draft = new TaskTypeRecord { Id = 0, Kind = kind, User = user, Name = "", CommandToRun = "", DatetimeCreated = default };
                var errors = Apply(store, data, draft, kind, null, req.Method);
                if (errors is not null) return errors;
                var saved = new TaskTypeRecord
                {
                    Id = store.NextTypeId(kind), Kind = kind, User = user, Name = draft.Name, Description = draft.Description,
                    DatetimeCreated = ctx.Now(), CommandToRun = draft.CommandToRun, EnvironmentVariables = draft.EnvironmentVariables,
                    RequiredArguments = draft.RequiredArguments, RequiredArgumentsDefaultValues = draft.RequiredArgumentsDefaultValues,
                    JsonFileOption = draft.JsonFileOption, LogsPath = draft.LogsPath, ResultsPath = draft.ResultsPath,
                    ContainerImage = draft.ContainerImage, ContainerType = draft.ContainerType,
                };
                types.Add(saved.Id, saved);
                return ApiResponse.Json(201, JsonOut.Write(w => Serializers.TaskType(w, saved, fresh: true)));
            }
        }

        if (req.Method is not ("GET" or "PUT")) return ApiResponse.MethodNotAllowed(req.Method);
        lock (store.Sync)
        {
            if (!ApiContext.TryIntKey(route.Key!, out int id) || !types.TryGetValue(id, out var type)) return ApiResponse.NotFound();
            if (req.Method == "GET") return ApiResponse.Json(200, JsonOut.Write(w => Serializers.TaskType(w, type)));
            if (!ApiContext.MayWrite(user, type.User)) return ApiContext.Forbidden();
            if (!req.TryGetData(out var data, out var bad)) return bad!;
            var draft = new TaskTypeRecord
            {
                Id = type.Id, Kind = kind, User = user, Name = type.Name, Description = type.Description, DatetimeCreated = type.DatetimeCreated,
                CommandToRun = type.CommandToRun, EnvironmentVariables = type.EnvironmentVariables, RequiredArguments = type.RequiredArguments,
                RequiredArgumentsDefaultValues = type.RequiredArgumentsDefaultValues, JsonFileOption = type.JsonFileOption, LogsPath = type.LogsPath,
                ResultsPath = type.ResultsPath, ContainerImage = type.ContainerImage, ContainerType = type.ContainerType,
            };
            var errors = Apply(store, data, draft, kind, type, req.Method);
            if (errors is not null) return errors;
            type.User = user;
            type.Name = draft.Name; type.Description = draft.Description; type.CommandToRun = draft.CommandToRun;
            type.EnvironmentVariables = draft.EnvironmentVariables; type.RequiredArguments = draft.RequiredArguments;
            type.RequiredArgumentsDefaultValues = draft.RequiredArgumentsDefaultValues; type.JsonFileOption = draft.JsonFileOption;
            type.LogsPath = draft.LogsPath; type.ResultsPath = draft.ResultsPath; type.ContainerImage = draft.ContainerImage; type.ContainerType = draft.ContainerType;
            return ApiResponse.Json(200, JsonOut.Write(w => Serializers.TaskType(w, type, fresh: true)));
        }
    }

    private static ApiResponse? Apply(EmulatorStore store, RequestData data, TaskTypeRecord t, TaskKind kind, TaskTypeRecord? existing, string method)
    {
        if (!data.IsMapping) return FieldErrors.NotAMapping(data);
        var e = new FieldErrors();
        var label = kind == TaskKind.Executable ? "executable task type" : "container task type";
        var types = store.Types(kind);
        if (Fields.Char(data, "name", e, out var name, required: true, maxLength: 200,
            extra: n => types.Values.Any(x => x.Name == n && !ReferenceEquals(x, existing)) ? [$"{label} with this name already exists."] : []))
            t.Name = name!;
        if (Fields.Char(data, "description", e, out var desc, allowBlank: true)) t.Description = desc!;
        if (Fields.Char(data, "command_to_run", e, out var cmd, required: true, maxLength: 400)) t.CommandToRun = cmd!;
        bool hasEnv = Fields.JsonValueField(data, "environment_variables", e, out var env);
        bool hasReq = Fields.JsonValueField(data, "required_arguments", e, out var req);
        bool hasDef = Fields.JsonValueField(data, "required_arguments_default_values", e, out var defs);
        if (kind == TaskKind.Executable)
        {
            if (Fields.Char(data, "json_file_option", e, out var opt, allowBlank: true, allowNull: true, maxLength: 50)) t.JsonFileOption = opt;
        }
        else
        {
            if (Fields.Char(data, "logs_path", e, out var logs, allowBlank: true, allowNull: true, maxLength: 400)) t.LogsPath = logs;
            if (Fields.Char(data, "results_path", e, out var res, allowBlank: true, allowNull: true, maxLength: 400)) t.ResultsPath = res;
            if (Fields.Char(data, "container_image", e, out var image, required: true, maxLength: 200)) t.ContainerImage = image!;
            if (Fields.Choice(data, "container_type", e, out var ctype, ResourceFilters.ContainerTypes, required: true)) t.ContainerType = ctype!;
        }
        if (e.Any) return e.ToResponse();

        // The serializer validates a throwaway model built from the given values (defaults for the rest)…
        JsonNode? env2 = hasEnv ? env : null, req2 = hasReq ? req : null, def2 = hasDef ? defs : null;
        var result = TaskTypeRules.Clean(ref env2, ref req2, ref def2, out var message);
        if (result == RuleResult.Crash) return ApiResponse.ServerFailure(method);
        if (result == RuleResult.Invalid)
        {
            e.AddModelError(message);
            return e.ToResponse();
        }
        // …and the real save cleans again, storing parsed values only for the fields that were given.
        if (hasEnv) t.EnvironmentVariables = env2!;
        if (hasReq) t.RequiredArguments = req2!;
        if (hasDef) t.RequiredArgumentsDefaultValues = def2!;
        var final = (JsonNode?)t.EnvironmentVariables; var finalReq = (JsonNode?)t.RequiredArguments; var finalDef = (JsonNode?)t.RequiredArgumentsDefaultValues;
        var saveResult = TaskTypeRules.Clean(ref final, ref finalReq, ref finalDef, out message);
        if (saveResult != RuleResult.Valid) return ApiResponse.ServerFailure(method);
        return null;
    }
}
