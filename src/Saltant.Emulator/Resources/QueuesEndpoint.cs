using System.Text.RegularExpressions;
using Saltant.Emulator.Http;
using Saltant.Emulator.Json;
using Saltant.Emulator.Query;
using Saltant.Emulator.Store;
using Saltant.Emulator.Validation;

namespace Saltant.Emulator.Resources;

/// <summary><c>taskqueues/</c>: GET, POST, PUT, PATCH; the owner never changes on update.</summary>
internal static partial class QueuesEndpoint
{
    [GeneratedRegex(@"^[\w@+-]+$")]
    private static partial Regex SaneName();

    public static ApiResponse Handle(ApiContext ctx, ApiRequest req, RouteMatch route, UserRecord user)
    {
        var store = ctx.Store;
        if (route.Kind == RouteKind.List)
        {
            if (req.Method == "GET")
            {
                lock (store.Sync)
                {
                    return Paginator.Filtered(req, ResourceFilters.Queues, store.Queues.Values, 100, Serializers.Queue);
                }
            }
            if (req.Method != "POST") return ApiResponse.MethodNotAllowed(req.Method);
            if (!req.TryGetData(out var data, out var bad)) return bad!;
            lock (store.Sync)
            {
                var q = new QueueRecord { Id = 0, User = user, Name = "" };
                var errors = Apply(store, data, q, partial: false, existing: null);
                if (errors is not null) return errors;
                var saved = new QueueRecord
                {
                    Id = store.NextQueueId(), User = user, Name = q.Name, Description = q.Description, Private = q.Private,
                    RunsExecutableTasks = q.RunsExecutableTasks, RunsDockerContainerTasks = q.RunsDockerContainerTasks,
                    RunsSingularityContainerTasks = q.RunsSingularityContainerTasks, Active = q.Active, Whitelists = q.Whitelists,
                };
                store.Queues.Add(saved.Id, saved);
                return ApiResponse.Json(201, JsonOut.Write(w => Serializers.Queue(w, saved)));
            }
        }

        if (req.Method is not ("GET" or "PUT" or "PATCH")) return ApiResponse.MethodNotAllowed(req.Method);
        lock (store.Sync)
        {
            if (!ApiContext.TryIntKey(route.Key!, out int id) || !store.Queues.TryGetValue(id, out var queue)) return ApiResponse.NotFound();
            if (req.Method == "GET") return ApiResponse.Json(200, JsonOut.Write(w => Serializers.Queue(w, queue)));
            if (!ApiContext.MayWrite(user, queue.User)) return ApiContext.Forbidden();
            if (!req.TryGetData(out var data, out var bad)) return bad!;
            var draft = Copy(queue);
            var errors = Apply(store, data, draft, partial: req.Method == "PATCH", existing: queue);
            if (errors is not null) return errors;
            queue.Name = draft.Name; queue.Description = draft.Description; queue.Private = draft.Private;
            queue.RunsExecutableTasks = draft.RunsExecutableTasks; queue.RunsDockerContainerTasks = draft.RunsDockerContainerTasks;
            queue.RunsSingularityContainerTasks = draft.RunsSingularityContainerTasks; queue.Active = draft.Active; queue.Whitelists = draft.Whitelists;
            return ApiResponse.Json(200, JsonOut.Write(w => Serializers.Queue(w, queue)));
        }
    }

    private static QueueRecord Copy(QueueRecord q) => new()
    {
        Id = q.Id, User = q.User, Name = q.Name, Description = q.Description, Private = q.Private, RunsExecutableTasks = q.RunsExecutableTasks,
        RunsDockerContainerTasks = q.RunsDockerContainerTasks, RunsSingularityContainerTasks = q.RunsSingularityContainerTasks, Active = q.Active,
        Whitelists = [.. q.Whitelists],
    };

    /// <summary>Validates the body into <paramref name="q"/>; returns the 400 answer or null.</summary>
    private static ApiResponse? Apply(EmulatorStore store, RequestData data, QueueRecord q, bool partial, QueueRecord? existing)
    {
        if (!data.IsMapping) return FieldErrors.NotAMapping(data);
        var e = new FieldErrors();
        if (Fields.Char(data, "name", e, out var name, required: true, maxLength: 50, partial: partial, extra: n => NameProblems(store, n, existing))) q.Name = name!;
        if (Fields.Char(data, "description", e, out var desc, allowBlank: true, partial: partial)) q.Description = desc!;
        if (Fields.Bool(data, "private", e, out var b, partial)) q.Private = b;
        if (Fields.Bool(data, "runs_executable_tasks", e, out b, partial)) q.RunsExecutableTasks = b;
        if (Fields.Bool(data, "runs_docker_container_tasks", e, out b, partial)) q.RunsDockerContainerTasks = b;
        if (Fields.Bool(data, "runs_singularity_container_tasks", e, out b, partial)) q.RunsSingularityContainerTasks = b;
        if (Fields.Bool(data, "active", e, out b, partial)) q.Active = b;
        if (Fields.PkList(data, "whitelists", e, id => id is > 0 and <= int.MaxValue && store.Whitelists.ContainsKey((int)id), out var wls, partial)) q.Whitelists = wls;
        return e.Any ? e.ToResponse() : null;
    }

    private static IEnumerable<string> NameProblems(EmulatorStore store, string name, QueueRecord? existing)
    {
        if (!SaneName().IsMatch(name)) yield return " @/+/-/_ only";
        if (store.Queues.Values.Any(q => q.Name == name && !ReferenceEquals(q, existing))) yield return "task queue with this name already exists.";
    }
}
