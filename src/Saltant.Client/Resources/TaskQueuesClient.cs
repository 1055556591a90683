using Saltant.Domain;
using Saltant.Http;

namespace Saltant.Client;

/// <summary>Task queues (<c>taskqueues/</c>): list, read, find by name, create, replace (PUT) and change (PATCH).</summary>
public sealed class TaskQueuesClient : PatchableResourceClient<TaskQueue, TaskQueueId, TaskQueueDraft, TaskQueuePatch>
{
    internal TaskQueuesClient(SaltantConnection connection, Settings settings)
        : base(
            connection,
            settings,
            new ResourceRoutes<TaskQueue, TaskQueueId, TaskQueue>(
                TaskQueueRequests.List, id => TaskQueueRequests.Get(id), q => q.Id, TaskQueueRequests.ByName, "task queue", Decoders.TaskQueue, Decoders.TaskQueuePage),
            TaskQueueRequests.Create,
            TaskQueueRequests.Put,
            Drafts.Of,
            TaskQueueRequests.Patch)
    {
    }
}
