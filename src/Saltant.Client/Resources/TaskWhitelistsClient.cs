using Saltant.Domain;
using Saltant.Http;

namespace Saltant.Client;

/// <summary>Task whitelists (<c>taskwhitelists/</c>): list, read, find by name, create, replace (PUT) and change (PATCH).</summary>
public sealed class TaskWhitelistsClient : PatchableResourceClient<TaskWhitelist, TaskWhitelistId, TaskWhitelistDraft, TaskWhitelistPatch>
{
    internal TaskWhitelistsClient(SaltantConnection connection, Settings settings)
        : base(
            connection,
            settings,
            new ResourceRoutes<TaskWhitelist, TaskWhitelistId, TaskWhitelist>(
                TaskWhitelistRequests.List, id => TaskWhitelistRequests.Get(id), w => w.Id, TaskWhitelistRequests.ByName, "task whitelist", Decoders.TaskWhitelist, Decoders.TaskWhitelistPage),
            TaskWhitelistRequests.Create,
            TaskWhitelistRequests.Put,
            Drafts.Of,
            TaskWhitelistRequests.Patch)
    {
    }
}
