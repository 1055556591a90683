using Xunit;
using CsCheck;
using LanguageExt;
using Saltant.Testing;

namespace Saltant.Domain.Tests.Requests;

public class BodyTests
{
    private static Json.JObject BodyOf(ApiRequest request) =>
        Assert.IsType<Json.JObject>(Assert.IsType<RequestBody.JsonBody>(request.Body).Value);

    private static System.Collections.Generic.HashSet<string> Keys(Json.JObject o) => o.Members.Map(m => m.Key).ToHashSet();

    [Fact]
    public void A_queue_patch_sends_exactly_the_fields_set_with_their_values()
    {
        RequestGen.TaskQueuePatch.Sample(patch =>
        {
            var body = BodyOf(TaskQueueRequests.Patch(new TaskQueueId(1), patch));
            var expected = new System.Collections.Generic.HashSet<string>();
            if (patch.Name.IsSome) expected.Add("name");
            if (patch.Description.IsSome) expected.Add("description");
            if (patch.Private.IsSome) expected.Add("private");
            if (patch.RunsExecutableTasks.IsSome) expected.Add("runs_executable_tasks");
            if (patch.RunsDockerContainerTasks.IsSome) expected.Add("runs_docker_container_tasks");
            if (patch.RunsSingularityContainerTasks.IsSome) expected.Add("runs_singularity_container_tasks");
            if (patch.Active.IsSome) expected.Add("active");
            if (patch.Whitelists.IsSome) expected.Add("whitelists");
            Assert.Equal(expected, Keys(body));
            patch.Name.IfSome(n => Assert.Equal(Json.Of(n), body.Find("name").IfNone(Json.Null)));
            patch.Active.IfSome(a => Assert.Equal(Json.Of(a), body.Find("active").IfNone(Json.Null)));
            patch.Whitelists.IfSome(ws => Assert.Equal(
                ws.Map(w => (long)w.Value).ToList(),
                Assert.IsType<Json.JArray>(body.Find("whitelists").IfNone(Json.Null)).Items.Map(i => long.Parse(((Json.JNumber)i).Text, System.Globalization.CultureInfo.InvariantCulture)).ToList()));
        }, iter: 1000);
    }

    [Fact]
    public void A_whitelist_patch_sends_exactly_the_fields_set()
    {
        RequestGen.TaskWhitelistPatch.Sample(patch =>
        {
            var body = BodyOf(TaskWhitelistRequests.Patch(new TaskWhitelistId(1), patch));
            Assert.Equal(
                new[] { ("name", patch.Name.IsSome), ("description", patch.Description.IsSome), ("whitelisted_container_task_types", patch.WhitelistedContainerTaskTypes.IsSome), ("whitelisted_executable_task_types", patch.WhitelistedExecutableTaskTypes.IsSome) }
                    .Where(x => x.Item2).Select(x => x.Item1).ToHashSet(),
                Keys(body));
        }, iter: 500);
    }

    [Fact]
    public void Puts_and_creates_send_every_writable_field()
    {
        string[] queueFields = ["name", "description", "private", "runs_executable_tasks", "runs_docker_container_tasks", "runs_singularity_container_tasks", "active", "whitelists"];
        string[] typeFields = ["name", "description", "command_to_run", "environment_variables", "required_arguments", "required_arguments_default_values"];
        RequestGen.TaskQueueDraft.Sample(d =>
        {
            Assert.Equal(queueFields.ToHashSet(), Keys(BodyOf(TaskQueueRequests.Put(new TaskQueueId(3), d))));
            Assert.Equal(BodyOf(TaskQueueRequests.Create(d)), BodyOf(TaskQueueRequests.Put(new TaskQueueId(3), d)));
            Assert.Equal(Json.Of(d.RunsSingularityContainerTasks), BodyOf(TaskQueueRequests.Create(d)).Find("runs_singularity_container_tasks").IfNone(Json.Null));
        }, iter: 300);
        RequestGen.TaskWhitelistDraft.Sample(d =>
            Assert.Equal(4, BodyOf(TaskWhitelistRequests.Put(new TaskWhitelistId(1), d)).Count), iter: 300);
        RequestGen.ContainerTaskTypeDraft.Sample(d =>
        {
            var body = BodyOf(TaskTypeRequests.Put(new TaskTypeId<Container>(1), d));
            Assert.Equal(typeFields.Concat(["logs_path", "results_path", "container_image", "container_type"]).ToHashSet(), Keys(body));
            Assert.Equal(d.LogsPath.Match(Json.Of, () => Json.Null), body.Find("logs_path").IfNone(Json.Of("missing")));
            Assert.Equal(Json.Of(d.ContainerType.WireName()), body.Find("container_type").IfNone(Json.Null));
            Assert.Equal(d.RequiredArgumentsDefaultValues, body.Find("required_arguments_default_values").IfNone(Json.Null));
        }, iter: 300);
        RequestGen.ExecutableTaskTypeDraft.Sample(d =>
        {
            var body = BodyOf(TaskTypeRequests.Create(d));
            Assert.Equal(typeFields.Append("json_file_option").ToHashSet(), Keys(body));
            Assert.Equal(d.JsonFileOption.Match(Json.Of, () => Json.Null), body.Find("json_file_option").IfNone(Json.Of("missing")));
        }, iter: 300);
    }

    [Fact]
    public void New_queues_default_to_the_servers_defaults()
    {
        var body = BodyOf(TaskQueueRequests.Create(new TaskQueueDraft("q")));
        Assert.Equal(
            Json.Object(("name", Json.Of("q")), ("description", Json.Of("")), ("private", Json.Of(false)), ("runs_executable_tasks", Json.Of(true)),
                ("runs_docker_container_tasks", Json.Of(true)), ("runs_singularity_container_tasks", Json.Of(true)), ("active", Json.Of(true)), ("whitelists", Json.Array())),
            body);
    }

    [Fact]
    public void An_instance_draft_sends_its_name_only_when_given()
    {
        RequestGen.ExecutableTaskInstanceDraft.Sample(d =>
        {
            var body = BodyOf(TaskInstanceRequests.Create(d));
            Assert.Equal(d.Name.IsSome, body.ContainsKey("name"));
            Assert.Equal(d.Arguments, body.Find("arguments").IfNone(Json.Null));
            Assert.Equal(Json.Of((long)d.TaskQueue.Value), body.Find("task_queue").IfNone(Json.Null));
        }, iter: 500);
    }

    [Fact]
    public void Bodies_holding_lone_surrogates_serialize_with_U_FFFD_instead_of_throwing()
    {
        var request = TaskQueueRequests.Create(new TaskQueueDraft("q\uD800") { Description = "\uDC00d" });
        var text = BodyOf(request).ToString();
        var reparsed = Json.Parse(text).Match(j => Assert.IsType<Json.JObject>(j), e => throw new Xunit.Sdk.XunitException(e));
        Assert.Equal(Json.Of("q\uFFFD"), reparsed.Find("name").IfNone(Json.Null));
        Assert.Equal(Json.Of("\uFFFDd"), reparsed.Find("description").IfNone(Json.Null));
    }
}
