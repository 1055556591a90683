using System.Text.Json.Nodes;
using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Store;
using Saltant.Emulator.Validation;

namespace Saltant.Emulator.Resources;

/// <summary>
/// <c>updatetaskinstancestatus/{uuid}/</c>: PATCH only, no ownership check, any state string is stored
/// (the request serializer is never used). Unknown UUID: 400 with a bare JSON string. Anything that
/// makes the view crash (no "state", a malformed UUID, a state longer than the column, a model
/// clean() failure on save) answers 405 with an empty HTML body.
/// </summary>
internal static class StatusEndpoint
{
    private const int StateMaxLength = 10;

    public static ApiResponse Handle(ApiContext ctx, ApiRequest req, string slug)
    {
        if (req.Method != "PATCH") return ApiResponse.MethodNotAllowed(req.Method);
        if (!req.TryGetData(out var data, out var bad)) return bad!;
        if (!data.IsMapping || !data.Has("state")) return ApiResponse.ServerFailureOnWrite();
        var raw = data.Get("state");
        if (raw is null) return ApiResponse.ServerFailureOnWrite();
        var state = PyRepr.Str(raw);
        if (!Guid.TryParse(slug, out var uuid)) return ApiResponse.ServerFailureOnWrite();

        var store = ctx.Store;
        lock (store.Sync)
        {
            if (!store.ContainerInstances.TryGetValue(uuid, out var inst) && !store.ExecutableInstances.TryGetValue(uuid, out inst))
                return ApiResponse.Json(400, JsonOut.Write(w => w.WriteStringValue($"No task instance with UUID {slug} found")));
            if (state.EnumerateRunes().Count() > StateMaxLength) return ApiResponse.ServerFailureOnWrite();
            // save() re-runs the model's clean() and fills defaults; if that fails the view crashes.
            var type = store.Types(inst.Kind)[inst.TaskTypeId];
            var queue = store.Queues[inst.TaskQueueId];
            JsonNode? args = inst.Arguments;
            if (InstanceRules.Clean(store, inst.User, type, queue, ref args, fill: true) is not null) return ApiResponse.ServerFailureOnWrite();
            inst.ArgumentsChanged();
            inst.State = state;
            if (state is "successful" or "failed") inst.DatetimeFinished = ctx.Now();
            return ApiResponse.Json(200, JsonOut.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("uuid", inst.Uuid.ToString("D"));
                // The response serializer's ChoiceField echoes the assigned Python value when its str()
                // is not a choice: a number or boolean state comes back as given, though stored as text.
                if (JsonKinds.KindOf(raw) == PyKind.Str) w.WriteString("state", state);
                else JsonOut.WriteNode(w, "state", raw);
                w.WriteEndObject();
            }));
        }
    }
}
