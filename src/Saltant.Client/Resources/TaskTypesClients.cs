using Saltant.Domain;
using Saltant.Http;

namespace Saltant.Client;

/// <summary>Container task types (<c>containertasktypes/</c>): list, read, find by name, create and replace (PUT; the server has no PATCH).</summary>
public sealed class ContainerTaskTypesClient : WritableResourceClient<ContainerTaskType, TaskTypeId, ContainerTaskTypeDraft>
{
    internal ContainerTaskTypesClient(SaltantConnection connection, Settings settings)
        : base(
            connection,
            settings,
            new ResourceRoutes<ContainerTaskType, TaskTypeId, ContainerTaskType>(
                TaskTypeRequests.ListContainer,
                id => TaskTypeRequests.Get(TaskKind.Container, id),
                t => t.Id,
                name => TaskTypeRequests.ByName(TaskKind.Container, name),
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
public sealed class ExecutableTaskTypesClient : WritableResourceClient<ExecutableTaskType, TaskTypeId, ExecutableTaskTypeDraft>
{
    internal ExecutableTaskTypesClient(SaltantConnection connection, Settings settings)
        : base(
            connection,
            settings,
            new ResourceRoutes<ExecutableTaskType, TaskTypeId, ExecutableTaskType>(
                TaskTypeRequests.ListExecutable,
                id => TaskTypeRequests.Get(TaskKind.Executable, id),
                t => t.Id,
                name => TaskTypeRequests.ByName(TaskKind.Executable, name),
                "executable task type",
                Decoders.ExecutableTaskType,
                Decoders.ExecutableTaskTypePage),
            TaskTypeRequests.Create,
            TaskTypeRequests.Put,
            Drafts.Of)
    {
    }
}
