using Xunit;
using System.Text.Json;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain.Tests.Requests;

/// <summary>Pins builders to requests the real server received (tests/data/exchanges.jsonl).</summary>
public class RecordedExchangeTests
{
    private static readonly Lazy<Dictionary<int, JsonElement>> Exchanges = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "exchanges.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToDictionary(e => e.GetProperty("seq").GetInt32()));

    private static readonly InstanceUuid Terminated = new(Guid.Parse("6afb8edf-4c15-4abe-8964-1af197f72996"));

    private static ApiRequest Built(Fin<ApiRequest> built) => built.Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    private static Json.JObject Parsed(string json) =>
        Json.Parse(json).Match(j => Assert.IsType<Json.JObject>(j), e => throw new Xunit.Sdk.XunitException(e));

    /// <summary>Same method, same path, same decoded query pairs as the recorded request.</summary>
    private static JsonElement AssertSameTarget(int seq, ApiRequest request)
    {
        var e = Exchanges.Value[seq];
        Assert.Equal(Text(e, "method"), request.MethodName);
        var (path, query) = UriParsing.Parse(request.RelativeUri);
        Assert.Equal(Text(e, "path"), string.Join("/", path) + "/");
        Assert.Equal(UriParsing.DecodeQuery(Text(e, "query"), plusIsSpace: true), query);
        return e;
    }

    /// <summary>The recorded JSON body, exactly (member order aside).</summary>
    private static void AssertSameBody(int seq, ApiRequest request)
    {
        var e = AssertSameTarget(seq, request);
        Assert.Equal("application/json", Text(e, "request_content_type"));
        Assert.Equal(Parsed(Text(e, "request_body")), Assert.IsType<RequestBody.JsonBody>(request.Body).Value);
    }

    /// <summary>
    /// For a recorded write that left some fields to the server's defaults: every field recorded is
    /// sent with the same value, and every other field we send equals what the server answered.
    /// </summary>
    private static void AssertSameRecordAfter(int seq, ApiRequest request)
    {
        var e = AssertSameTarget(seq, request);
        var sent = Assert.IsType<Json.JObject>(Assert.IsType<RequestBody.JsonBody>(request.Body).Value);
        var recorded = Parsed(Text(e, "request_body"));
        var answered = Parsed(Text(e, "response_body"));
        foreach (var (key, value) in sent.Members)
        {
            Assert.Equal(recorded.Find(key).IfNone(() => answered.Find(key).IfNone(Json.Of("<absent>"))), value);
        }

        Assert.True(recorded.Members.ForAll(m => sent.ContainsKey(m.Key)));
    }

    [Fact]
    public void Detail_reads_and_instance_actions_hit_the_recorded_paths()
    {
        AssertSameTarget(13, Built(UserRequests.Get(new Username("bob"))));
        AssertSameTarget(257, TaskQueueRequests.Get(new TaskQueueId(1)));
        AssertSameTarget(265, TaskTypeRequests.Get(new TaskTypeId<Executable>(1)));
        AssertSameTarget(269, TaskTypeRequests.Get(new TaskTypeId<Container>(1)));
        AssertSameTarget(277, TaskInstanceRequests.Get<Container>(InstanceUuid.Parse("5d5ace88-0f20-4f1c-a046-004f4b1540d3").IfNone(default(InstanceUuid))));
        AssertSameTarget(127, TaskInstanceRequests.Terminate<Executable>(Terminated));
        AssertSameTarget(136, TaskInstanceRequests.Clone<Executable>(InstanceUuid.Parse("aa31c103-8323-47a2-930c-e7edf5b80cba").IfNone(default(InstanceUuid))));
    }

    [Fact]
    public void Filtered_and_paged_lists_send_the_recorded_queries()
    {
        AssertSameTarget(37, Built(UserRequests.List(Seq1(UserFilters.Username.In("alice", "bob")))));
        AssertSameTarget(40, Built(UserRequests.List(Seq1(UserFilters.Username.Regex("^(a|b)")))));
        AssertSameTarget(167, Built(TaskQueueRequests.List(page: 2, pageSize: 2)));
        AssertSameTarget(179, Built(TaskQueueRequests.List(Seq1(TaskQueueFilters.Name.Regex("^alice-(queue|private)$")))));
        AssertSameTarget(182, Built(TaskQueueRequests.List(Seq1(TaskQueueFilters.Owner.In("alice", "bob")))));
        AssertSameTarget(190, Built(TaskQueueRequests.List(Seq(TaskQueueFilters.RunsDockerContainerTasks.Is(true), TaskQueueFilters.RunsSingularityContainerTasks.Is(false)))));
        AssertSameTarget(191, Built(TaskQueueRequests.List(Seq(TaskQueueFilters.Name.StartsWith("alice"), TaskQueueFilters.Private.Is(false), TaskQueueFilters.Active.Is(true)))));
        AssertSameTarget(199, Built(TaskWhitelistRequests.List(Seq1(TaskWhitelistFilters.Owner.EndsWith("ce")))));
        AssertSameTarget(203, Built(TaskTypeRequests.List(Seq1(TaskTypeFilters<Executable>.Description.Contains("JSON")))));
        AssertSameTarget(208, Built(TaskTypeRequests.List(Seq1(TaskTypeFilters<Executable>.DatetimeCreated.InYear(2026)))));
        AssertSameTarget(226, Built(TaskTypeRequests.List(Seq1(ContainerTaskTypeFilters.ContainerType.In(ContainerType.Docker, ContainerType.Singularity)))));
        AssertSameTarget(227, Built(TaskTypeRequests.List(Seq(TaskTypeFilters<Container>.Name.StartsWith("docker"), TaskTypeFilters<Container>.Owner.Is("alice")))));
        AssertSameTarget(239, Built(TaskInstanceRequests.List(Seq1(TaskInstanceFilters<Executable>.TaskType.In(new TaskTypeId<Executable>(2), new TaskTypeId<Executable>(4))))));
        AssertSameTarget(250, Built(TaskInstanceRequests.List(Seq(TaskInstanceFilters<Executable>.State.Is(TaskState.SuccessfulState), TaskInstanceFilters<Executable>.Owner.Is("alice")), pageSize: 2)));
        AssertSameTarget(254, Built(TaskInstanceRequests.List(Seq1(TaskInstanceFilters<Container>.Owner.In("alice", "bob")))));
    }

    [Fact]
    public void A_recorded_date_time_range_means_the_same_instants_we_send()
    {
        var e = Exchanges.Value[245];
        var from = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2999, 12, 31, 0, 0, 0, TimeSpan.Zero);
        var request = Built(TaskInstanceRequests.List(Seq1(TaskInstanceFilters<Executable>.DatetimeCreated.Between(from, to))));
        var recorded = UriParsing.DecodeQuery(Text(e, "query"), plusIsSpace: true).Single();
        var sent = request.Query.Single();
        Assert.Equal(recorded.Name, sent.Name);
        Assert.Equal(
            recorded.Value.Split(',').Select(v => DateTimeOffset.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            sent.Value.Split(',').Select(v => DateTimeOffset.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Writes_send_the_recorded_bodies()
    {
        AssertSameBody(295, TaskQueueRequests.Put(new TaskQueueId(1), new TaskQueueDraft("alice-queue") { Description = "put by alice", Whitelists = Seq1(new TaskWhitelistId(1)) }));
        AssertSameBody(289, TaskQueueRequests.Patch(new TaskQueueId(1), new TaskQueuePatch { Name = "bob-queue" }));
        AssertSameBody(307, TaskWhitelistRequests.Patch(new TaskWhitelistId(1), new TaskWhitelistPatch { WhitelistedExecutableTaskTypes = Seq1(new TaskTypeId<Executable>(4)) }));
        AssertSameBody(71, TaskWhitelistRequests.Create(new TaskWhitelistDraft("alice-wl")
        {
            Description = "alice's tasks",
            WhitelistedExecutableTaskTypes = Seq(new TaskTypeId<Executable>(1), new TaskTypeId<Executable>(2), new TaskTypeId<Executable>(3)),
            WhitelistedContainerTaskTypes = Seq(new TaskTypeId<Container>(1), new TaskTypeId<Container>(2)),
        }));
        AssertSameBody(98, TaskInstanceRequests.Create(new TaskInstanceDraft<Executable>(new TaskTypeId<Executable>(1), new TaskQueueId(1))
        {
            Name = "hello-1",
            Arguments = Json.Object(("greeting", Json.Of("hello"))),
        }));
        AssertSameBody(145, InstanceStateRequests.Update(InstanceUuid.Parse("f809d78e-3ac6-41b9-a0df-b703c949d48d").IfNone(default(InstanceUuid)), TaskState.SuccessfulState));
        AssertSameBody(16, JwtRequests.Obtain(new Username("alice"), new Secret("wrong-password")));
        AssertSameBody(22, JwtRequests.Refresh(new Secret("<redacted>")));
    }

    [Fact]
    public void Writes_that_relied_on_server_defaults_leave_the_same_record()
    {
        AssertSameRecordAfter(52, TaskTypeRequests.Create(new ExecutableTaskTypeDraft("echo-args", "echo")
        {
            Description = "echo its JSON arguments",
            RequiredArguments = Seq("greeting", "n"),
            RequiredArgumentsDefaultValues = Json.Object(("n", Json.Of(1))),
        }));
        AssertSameRecordAfter(313, TaskTypeRequests.Put(new TaskTypeId<Executable>(3), new ExecutableTaskTypeDraft("true-cmd", "true")
        {
            Description = "put by alice",
            RequiredArguments = Seq1("x"),
            RequiredArgumentsDefaultValues = Json.Object(("x", Json.Of(1))),
        }));
        AssertSameRecordAfter(80, TaskQueueRequests.Create(new TaskQueueDraft("alice-queue") { Description = "alice's public queue", Whitelists = Seq1(new TaskWhitelistId(1)) }));
    }
}
