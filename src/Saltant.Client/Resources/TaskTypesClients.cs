using Saltant.Domain;
using Saltant.Http;

namespace Saltant.Client;

/// <summary>Container task types (<c>containertasktypes/</c>): list, read, find by name, create and replace (PUT; the server has no PATCH).</summary>
public sealed class ContainerTaskTypesClient : WritableResourceClient<ContainerTaskType, TaskTypeId<Container>, TaskType<Container>, ContainerTaskTypeDraft>
{
    internal ContainerTaskTypesClient(SaltantConnection connection, Settings settings)
        : base(
            connection,
            settings,
            new ResourceRoutes<ContainerTaskType, TaskTypeId<Container>, TaskType<Container>>(
                TaskTypeRequests.List,
                id => TaskTypeRequests.Get(id),
                t => t.Id,
                TaskTypeRequests.ByName<Container>,
                "container task type",
                Decoders.ContainerTaskType,
                Decoders.ContainerTaskTypePage),
            TaskTypeRequests.Create,
            TaskTypeRequests.Put,
            Drafts.Of)
    {
    }
}

/// <summary>Executable task types (<c>executabletasktypes/</c>): list, read, find by name, create and replace (PUT; the server has no PATCH).</summary>
public sealed class ExecutableTaskTypesClient : WritableResourceClient<ExecutableTaskType, TaskTypeId<Executable>, TaskType<Executable>, ExecutableTaskTypeDraft>
{
    internal ExecutableTaskTypesClient(SaltantConnection connection, Settings settings)
        : base(
            connection,
            settings,
            new ResourceRoutes<ExecutableTaskType, TaskTypeId<Executable>, TaskType<Executable>>(
                TaskTypeRequests.List,
                id => TaskTypeRequests.Get(id),
                t => t.Id,
                TaskTypeRequests.ByName<Executable>,
                "executable task type",
                Decoders.ExecutableTaskType,
                Decoders.ExecutableTaskTypePage),
            TaskTypeRequests.Create,
            TaskTypeRequests.Put,
            Drafts.Of)
    {
    }
}
