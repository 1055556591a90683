using Xunit;
using CsCheck;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain.Tests.Requests;

public class OperationTableTests
{
    private static readonly InstanceUuid Uuid = new(Guid.Parse("6afb8edf-4c15-4abe-8964-1af197f72996"));

    private static ApiRequest Built(Fin<ApiRequest> built) => built.Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));

    public static TheoryData<string, ApiRequest, string, string, int, bool, string, bool> Operations() => new()
    {
        { "users list", Built(UserRequests.List()), "GET", "users/", 200, true, "users/", false },
        { "user", Built(UserRequests.Get(new Username("bob"))), "GET", "users/bob/", 200, true, "users/{username}/", false },
        { "queue list", Built(TaskQueueRequests.List()), "GET", "taskqueues/", 200, true, "taskqueues/", false },
        { "queue", TaskQueueRequests.Get(new TaskQueueId(1)), "GET", "taskqueues/1/", 200, true, "taskqueues/{id}/", false },
        { "queue create", TaskQueueRequests.Create(new TaskQueueDraft("q")), "POST", "taskqueues/", 201, false, "taskqueues/", false },
        { "queue put", TaskQueueRequests.Put(new TaskQueueId(1), new TaskQueueDraft("q")), "PUT", "taskqueues/1/", 200, true, "taskqueues/{id}/", false },
        { "queue patch", TaskQueueRequests.Patch(new TaskQueueId(1), new TaskQueuePatch()), "PATCH", "taskqueues/1/", 200, true, "taskqueues/{id}/", false },
        { "whitelist", TaskWhitelistRequests.Get(new TaskWhitelistId(2)), "GET", "taskwhitelists/2/", 200, true, "taskwhitelists/{id}/", false },
        { "whitelist create", TaskWhitelistRequests.Create(new TaskWhitelistDraft("w")), "POST", "taskwhitelists/", 201, false, "taskwhitelists/", false },
        { "whitelist put", TaskWhitelistRequests.Put(new TaskWhitelistId(2), new TaskWhitelistDraft("w")), "PUT", "taskwhitelists/2/", 200, true, "taskwhitelists/{id}/", false },
        { "whitelist patch", TaskWhitelistRequests.Patch(new TaskWhitelistId(2), new TaskWhitelistPatch()), "PATCH", "taskwhitelists/2/", 200, true, "taskwhitelists/{id}/", false },
        { "container types", Built(TaskTypeRequests.List<Container>()), "GET", "containertasktypes/", 200, true, "containertasktypes/", false },
        { "executable types", Built(TaskTypeRequests.List<Executable>()), "GET", "executabletasktypes/", 200, true, "executabletasktypes/", false },
        { "container type", TaskTypeRequests.Get(new TaskTypeId<Container>(3)), "GET", "containertasktypes/3/", 200, true, "containertasktypes/{id}/", false },
        { "container type create", TaskTypeRequests.Create(new ContainerTaskTypeDraft("t", "/run", "busybox", ContainerType.Docker)), "POST", "containertasktypes/", 201, false, "containertasktypes/", false },
        { "executable type create", TaskTypeRequests.Create(new ExecutableTaskTypeDraft("t", "true")), "POST", "executabletasktypes/", 201, false, "executabletasktypes/", false },
        { "container type put", TaskTypeRequests.Put(new TaskTypeId<Container>(3), new ContainerTaskTypeDraft("t", "/run", "busybox", ContainerType.Singularity)), "PUT", "containertasktypes/3/", 200, true, "containertasktypes/{id}/", false },
        { "executable type put", TaskTypeRequests.Put(new TaskTypeId<Executable>(3), new ExecutableTaskTypeDraft("t", "true")), "PUT", "executabletasktypes/3/", 200, true, "executabletasktypes/{id}/", false },
        { "instances", Built(TaskInstanceRequests.List<Executable>()), "GET", "executabletaskinstances/", 200, true, "executabletaskinstances/", false },
        { "instance", TaskInstanceRequests.Get<Container>(Uuid), "GET", $"containertaskinstances/{Uuid}/", 200, true, "containertaskinstances/{uuid}/", false },
        { "instance create", TaskInstanceRequests.Create(TaskInstanceDraft.For(new TaskTypeId<Executable>(1), new TaskQueueId(1))), "POST", "executabletaskinstances/", 201, false, "executabletaskinstances/", false },
        { "clone", TaskInstanceRequests.Clone<Executable>(Uuid), "POST", $"executabletaskinstances/{Uuid}/clone/", 201, false, "executabletaskinstances/{uuid}/clone/", false },
        { "terminate", TaskInstanceRequests.Terminate<Container>(Uuid), "POST", $"containertaskinstances/{Uuid}/terminate/", 202, true, "containertaskinstances/{uuid}/terminate/", false },
        { "update state", InstanceStateRequests.Update(Uuid, TaskState.RunningState), "PATCH", $"updatetaskinstancestatus/{Uuid}/", 200, true, "updatetaskinstancestatus/{uuid}/", false },
        { "jwt obtain", JwtRequests.Obtain(new Username("alice"), new Secret("pw")), "POST", "token/", 200, true, "token/", true },
        { "jwt refresh", JwtRequests.Refresh(new Secret("r")), "POST", "token/refresh/", 200, true, "token/refresh/", true },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_operation_has_the_servers_method_route_status_and_retry_rule(
        string operation, ApiRequest request, string method, string uri, int status, bool safeToRetry, string route, bool anonymous)
    {
        Assert.False(string.IsNullOrEmpty(operation));
        Assert.Equal(method, request.MethodName);
        Assert.Equal(uri, request.RelativeUri);
        Assert.Equal(status, request.ExpectedStatus);
        Assert.Equal(safeToRetry, request.SafeToRetry);
        Assert.Equal(route, request.RouteTemplate);
        Assert.Equal(anonymous, request.Anonymous);
        Assert.EndsWith("/", uri.Split('?')[0], StringComparison.Ordinal);
        // Reads and the two instance actions carry no body; every other write carries JSON.
        var hasBody = request.Method != HttpVerb.Get && operation is not ("clone" or "terminate");
        Assert.Equal(hasBody, request.Body is RequestBody.JsonBody);
        Assert.Equal(!hasBody, request.Body is RequestBody.None);
    }

    [Fact]
    public void Creates_and_clones_are_never_safe_to_retry()
    {
        Saltant.Testing.RequestGen.Request.Sample(r =>
        {
            if (r.ExpectedStatus == 201) Assert.False(r.SafeToRetry);
            if (r.Method is HttpVerb.Get or HttpVerb.Put or HttpVerb.Patch) Assert.True(r.SafeToRetry);
        }, iter: 1000);
    }
}
