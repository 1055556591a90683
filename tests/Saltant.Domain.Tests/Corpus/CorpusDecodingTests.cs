using Xunit;

namespace Saltant.Domain.Tests.Corpus;

/// <summary>Every success body of the recorded corpus decodes into the value its endpoint serves.</summary>
public sealed class CorpusDecodingTests
{
    public static TheoryData<int> SuccessSeqs() => new(CorpusFiles.All.Where(e => e.Status is >= 200 and < 300).Select(e => e.Seq));

    [Theory]
    [MemberData(nameof(SuccessSeqs))]
    public void Success_body_decodes_into_its_endpoints_value_and_encodes_back_to_the_same_json(int seq)
    {
        var exchange = CorpusFiles.BySeq(seq);
        var what = SuccessBodyDecoding.DecodeAndRoundTrip(exchange);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void The_corpus_has_success_bodies_of_every_kind()
    {
        var kinds = CorpusFiles.All.Where(e => e.Status is >= 200 and < 300)
            .Select(SuccessBodyDecoding.DecodeAndRoundTrip)
            .ToHashSet();
        string[] expected =
        [
            "User", "TaskQueue", "TaskWhitelist", "ContainerTaskType", "ExecutableTaskType",
            "ContainerTaskInstance", "ExecutableTaskInstance", "JwtPair", "JwtAccess", "InstanceStateUpdate",
            "Page`1",
        ];
        Assert.All(expected, kind => Assert.Contains(kind, kinds));
    }

    [Fact]
    public void A_page_of_instances_keeps_count_links_and_results_in_order()
    {
        var e = CorpusFiles.BySeq(163);
        var page = Decoders.ExecutableTaskInstancePage.Decode(e.BodyBytes).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        Assert.Equal(20, page.Count);
        Assert.Equal(new Uri("http://127.0.0.1:8000/api/executabletaskinstances/?page=2"), page.Next);
        Assert.True(page.Previous.IsNone);
        Assert.Equal(10, page.Results.Count);
        Assert.Equal(InstanceUuid.Parse("f809d78e-3ac6-41b9-a0df-b703c949d48d"), page.Results.Head.Uuid);
    }

    [Fact]
    public void An_executable_task_type_decodes_field_by_field()
    {
        var type = Decoders.ExecutableTaskType.Decode(CorpusFiles.BySeq(52).BodyBytes).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        Assert.Equal(new TaskTypeId<Executable>(1), type.Id);
        Assert.Equal(new Username("alice"), type.User);
        Assert.Equal("echo-args", type.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 15, 15, TimeSpan.Zero).AddTicks(3_860_780), type.DatetimeCreated);
        Assert.Equal(LanguageExt.Prelude.Seq("greeting", "n"), type.RequiredArguments);
        Assert.Equal(Json.Object(("n", Json.Of(1))), type.RequiredArgumentsDefaultValues);
        Assert.Null(type.JsonFileOption);
    }

    [Fact]
    public void A_container_task_type_reads_its_container_type()
    {
        var type = Decoders.ContainerTaskType.Decode(CorpusFiles.BySeq(67).BodyBytes).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        Assert.Equal(ContainerType.Singularity, type.ContainerType);
        Assert.Equal("docker://busybox:latest", type.ContainerImage);
        Assert.Null(type.LogsPath);
    }

    [Fact]
    public void A_state_the_server_stored_unchecked_decodes_as_unknown()
    {
        var instance = Decoders.ExecutableTaskInstance.Decode(CorpusFiles.BySeq(148).BodyBytes).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        Assert.Equal(new TaskState.Unknown("bogus"), instance.State);
        Assert.NotNull(instance.DatetimeFinished);
    }

    [Fact]
    public void Jwt_answers_wrap_their_tokens_in_secrets()
    {
        var pair = Decoders.JwtPair.Decode(CorpusFiles.BySeq(14).BodyBytes).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        Assert.Equal("<redacted>", pair.Access.Reveal());
        Assert.DoesNotContain("redacted", pair.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_root_decodes_into_links_by_resource()
    {
        var links = Decoders.ApiRoot.Decode(CorpusFiles.BySeq(2).BodyBytes).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        Assert.Equal(7, links.Count);
        Assert.Equal(new Uri("http://127.0.0.1:8000/api/taskqueues"), links["taskqueues"]);
    }
}
