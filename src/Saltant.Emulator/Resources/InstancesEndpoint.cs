using System.Text.Json.Nodes;
using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Query;
using Saltant.Emulator.Store;
using Saltant.Emulator.Validation;

namespace Saltant.Emulator.Resources;

/// <summary>
/// <c>executabletaskinstances/</c> and <c>containertaskinstances/</c>: GET, POST, plus clone and terminate.
/// A create answers "created" though the stored instance is already published; server-side failures in
/// clone/terminate answer 405 with an empty HTML body, as the recorded deployment does.
/// </summary>
internal static class InstancesEndpoint
{
    public static ApiResponse Handle(ApiContext ctx, ApiRequest req, RouteMatch route, UserRecord user, TaskKind kind)
    {
        var store = ctx.Store;
        switch (route.Kind)
        {
            case RouteKind.List when req.Method == "GET":
                PageSlice slice;
                InstanceRecord[] page;
                lock (store.Sync)
                {
                    var predicates = FilterSet.Build(req, ResourceFilters.Instances(store, kind), out var error);
                    if (predicates is null) return error!;
                    var order = store.InstanceOrder(kind);
                    IReadOnlyList<InstanceRecord> items = predicates.Count == 0 ? new ReversedList<InstanceRecord>(order) : NewestFirstMatching(order, predicates);
                    if (Paginator.Slice(req, items.Count, 10, out slice) is { } notFound) return notFound;
                    page = new InstanceRecord[slice.End - slice.Start];
                    for (var k = 0; k < page.Length; k++) page[k] = items[(int)(slice.Start + k)].Frozen();
                }

                // Rendering is most of a page's cost: outside the lock, pages render side by side, as
                // the real server's workers do, from copies taken while the lock was held.
                return Paginator.Render(slice, i => page[i - slice.Start], (w, i) => Serializers.Instance(w, i));
            case RouteKind.List when req.Method == "POST":
                return Create(ctx, req, user, kind);
            case RouteKind.List:
                return ApiResponse.MethodNotAllowed(req.Method);
            case RouteKind.Detail:
                if (req.Method != "GET") return ApiResponse.MethodNotAllowed(req.Method);
                lock (store.Sync)
                {
                    if (!Guid.TryParse(route.Key, out var uuid) || !store.Instances(kind).TryGetValue(uuid, out var inst)) return ApiResponse.NotFound();
                    return ApiResponse.Json(200, JsonOut.Write(w => Serializers.Instance(w, inst)));
                }
            default:
                if (req.Method != "POST") return ApiResponse.MethodNotAllowed(req.Method);
                return route.Action == "clone" ? Clone(ctx, route.Key!, user, kind) : Terminate(ctx, route.Key!, kind);
        }
    }

    /// <summary>The instances every predicate keeps, newest first (the store keeps them oldest first).</summary>
    private static List<InstanceRecord> NewestFirstMatching(IReadOnlyList<InstanceRecord> order, List<Func<InstanceRecord, bool>> predicates)
    {
        var kept = new List<InstanceRecord>();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var record = order[i];
            var all = true;
            foreach (var predicate in predicates)
            {
                if (!predicate(record))
                {
                    all = false;
                    break;
                }
            }

            if (all) kept.Add(record);
        }

        return kept;
    }

    private static ApiResponse Create(ApiContext ctx, ApiRequest req, UserRecord user, TaskKind kind)
    {
        if (!req.TryGetData(out var data, out var bad)) return bad!;
        if (!data.IsMapping) return FieldErrors.NotAMapping(data);
        var store = ctx.Store;
        lock (store.Sync)
        {
            var e = new FieldErrors();
            Fields.Char(data, "name", e, out var name, allowBlank: true, maxLength: 200);
            bool hasArgs = Fields.JsonValueField(data, "arguments", e, out var arguments);
            // The queue field only offers queues this user may use: active, and public or their own.
            Fields.Pk(data, "task_queue", e, id => id is > 0 and <= int.MaxValue && store.Queues.TryGetValue((int)id, out var q) && q.Active && (!q.Private || ReferenceEquals(q.User, user)),
                out int queueId, required: true);
            Fields.Pk(data, "task_type", e, id => id is > 0 and <= int.MaxValue && store.Types(kind).ContainsKey((int)id), out int typeId, required: true);
            if (e.Any) return e.ToResponse();
            var queue = store.Queues[queueId];
            var type = store.Types(kind)[typeId];
            if (!hasArgs) arguments = null;
            var message = InstanceRules.Clean(store, user, type, queue, ref arguments, fill: true);
            if (message is not null)
            {
                e.AddModelError(message);
                return e.ToResponse();
            }
            var inst = Save(ctx, user, kind, name ?? "", (JsonObject)arguments!, queue, type);
            return ApiResponse.Json(201, JsonOut.Write(w => Serializers.Instance(w, inst, fresh: true, stateOverride: "created")));
        }
    }

    private static InstanceRecord Save(ApiContext ctx, UserRecord user, TaskKind kind, string name, JsonObject arguments, QueueRecord queue, TaskTypeRecord type)
    {
        var inst = new InstanceRecord
        {
            Uuid = Guid.NewGuid(), Seq = ctx.Store.NextSeq(), Kind = kind, User = user, Name = name, State = "published",
            DatetimeCreated = ctx.Now(), Arguments = arguments, TaskQueueId = queue.Id, TaskTypeId = type.Id,
        };
        ctx.Store.AddInstance(inst);
        ctx.Worker.Enqueue(inst, type);
        return inst;
    }

    private static ApiResponse Clone(ApiContext ctx, string key, UserRecord user, TaskKind kind)
    {
        var store = ctx.Store;
        lock (store.Sync)
        {
            if (!Guid.TryParse(key, out var uuid) || !store.Instances(kind).TryGetValue(uuid, out var source)) return ApiResponse.ServerFailureOnWrite();
            var queue = store.Queues[source.TaskQueueId];
            var type = store.Types(kind)[source.TaskTypeId];
            JsonNode? arguments = JsonKinds.JsonbOrder(source.Arguments);
            // objects.create() runs the model's clean(); a failure there is an uncaught server error.
            if (InstanceRules.Clean(store, user, type, queue, ref arguments, fill: true) is not null) return ApiResponse.ServerFailureOnWrite();
            var inst = Save(ctx, user, kind, source.Name, (JsonObject)arguments!, queue, type);
            return ApiResponse.Json(201, JsonOut.Write(w => Serializers.Instance(w, inst, fresh: true, stateOverride: "created")));
        }
    }

    private static ApiResponse Terminate(ApiContext ctx, string key, TaskKind kind)
    {
        var store = ctx.Store;
        lock (store.Sync)
        {
            if (!Guid.TryParse(key, out var uuid)) return ApiResponse.ServerFailureOnWrite();
            ctx.Worker.RequestTerminate(uuid);
            if (!store.Instances(kind).TryGetValue(uuid, out var inst)) return ApiResponse.ServerFailureOnWrite();
            return ApiResponse.Json(202, JsonOut.Write(w => Serializers.Instance(w, inst)));
        }
    }
}

/// <summary>A newest-first view over the oldest-first store list, without copying it.</summary>
internal sealed class ReversedList<T>(List<T> inner) : IReadOnlyList<T>
{
    public T this[int index] => inner[inner.Count - 1 - index];
    public int Count => inner.Count;
    public IEnumerator<T> GetEnumerator() { for (int i = inner.Count - 1; i >= 0; i--) yield return inner[i]; }
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
