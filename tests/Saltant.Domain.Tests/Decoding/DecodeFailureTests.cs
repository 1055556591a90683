using Xunit;

namespace Saltant.Domain.Tests.Decoding;

/// <summary>A failure says where in the body decoding went wrong, and why.</summary>
public sealed class DecodeFailureTests
{
    private const string Instance =
        """{"uuid":"5ec6395e-9311-4649-b40a-9b9f06076e0a","user":"alice","name":"n","state":"created","datetime_created":"2026-11-27T15:15:18.161372Z","datetime_finished":null,"arguments":{},"task_queue":1,"task_type":1}""";

    private static DecodeFailure Failure<T>(Decoder<T> decoder, string json) =>
        decoder.Decode(json).Match(value => throw new Xunit.Sdk.XunitException($"decoded {value}"), f => f);

    [Fact]
    public void A_bad_datetime_in_the_fourth_result_names_its_path()
    {
        var bad = Instance.Replace("2026-11-27T15:15:18.161372Z", "yesterday", StringComparison.Ordinal);
        var page = $$"""{"count":4,"next":null,"previous":null,"results":[{{Instance}},{{Instance}},{{Instance}},{{bad}}]}""";
        var failure = Failure(Decoders.ExecutableTaskInstancePage, page);
        Assert.Equal("$.results[3].datetime_created", failure.Path);
        Assert.Contains("yesterday", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_inside_a_result_names_the_member_and_not_the_readers_position()
    {
        var bad = Instance.Replace("\"name\":\"n\"", "\"name\":tru", StringComparison.Ordinal);
        var page = $$"""{"count":2,"next":null,"previous":null,"results":[{{Instance}},{{bad}}]}""";
        var failure = Failure(Decoders.ExecutableTaskInstancePage, page);
        Assert.Equal("$.results[1].name", failure.Path);
        Assert.DoesNotContain("LineNumber", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("$.arguments", Failure(Decoders.ExecutableTaskInstance, Instance.Replace("\"arguments\":{}", "\"arguments\":{\"x\":}", StringComparison.Ordinal)).Path);
    }

    [Fact]
    public void A_page_missing_a_member_is_refused_for_that_before_anything_after_it()
    {
        var failure = Failure(Decoders.ExecutableTaskInstancePage, """{"next":null,"previous":null,"results":[]} {}""");
        Assert.Equal("$", failure.Path);
        Assert.Contains("count", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_the_member()
    {
        var failure = Failure(Decoders.ExecutableTaskInstance, Instance.Replace("\"task_queue\":1", "\"task_queue\":\"one\"", StringComparison.Ordinal));
        Assert.Equal("$.task_queue", failure.Path);
    }

    [Fact]
    public void A_missing_member_is_refused_and_named()
    {
        var failure = Failure(Decoders.User, """{"username":"alice"}""");
        Assert.Equal("$", failure.Path);
        Assert.Contains("email", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Wire", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_where_the_record_has_no_null_is_refused()
    {
        Assert.Equal("$.name", Failure(Decoders.ExecutableTaskInstance, Instance.Replace("\"name\":\"n\"", "\"name\":null", StringComparison.Ordinal)).Path);
        Assert.Equal("$.arguments", Failure(Decoders.ExecutableTaskInstance, Instance.Replace("\"arguments\":{}", "\"arguments\":[1]", StringComparison.Ordinal)).Path);
    }

    [Fact]
    public void A_null_inside_a_list_of_names_is_refused_with_its_index()
    {
        const string type = """{"id":1,"user":"a","name":"t","description":"","datetime_created":"2026-11-27T15:15:15Z","command_to_run":"c","environment_variables":["A",null],"required_arguments":[],"required_arguments_default_values":{},"json_file_option":null}""";
        Assert.Equal("$.environment_variables[1]", Failure(Decoders.ExecutableTaskType, type).Path);
    }

    [Fact]
    public void An_unknown_container_type_is_refused()
    {
        const string type = """{"id":1,"user":"a","name":"t","description":"","datetime_created":"2026-11-27T15:15:15Z","command_to_run":"c","environment_variables":[],"required_arguments":[],"required_arguments_default_values":{},"logs_path":null,"results_path":null,"container_image":"i","container_type":"podman"}""";
        var failure = Failure(Decoders.ContainerTaskType, type);
        Assert.Equal("$.container_type", failure.Path);
        Assert.Contains("podman", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_next_link_is_refused()
    {
        Assert.Equal("$.next", Failure(Decoders.UserPage, """{"count":0,"next":"/api/users/?page=2","previous":null,"results":[]}""").Path);
    }

    [Fact]
    public void Broken_json_and_a_null_body_are_failures_not_exceptions()
    {
        Assert.StartsWith("$", Failure(Decoders.User, """{"username":""").Path, StringComparison.Ordinal);
        Assert.Equal("$", Failure(Decoders.User, "null").Path);
        Assert.Equal("$", Failure(Decoders.User, "").Path);
    }

    [Fact]
    public void Unknown_members_are_ignored()
    {
        var user = Decoders.User.Decode("""{"username":"alice","email":"a@x","is_staff":true,"groups":[1,{"x":null}]}""");
        Assert.Equal(new User(new Username("alice"), "a@x"), user);
    }

    [Fact]
    public void A_failure_becomes_an_undecodable_body_error()
    {
        var request = new RequestInfo("GET", "http://h/api/users/");
        var error = new DecodeFailure("$.results[0].email", "expected a string").ToError(request);
        Assert.Equal(ErrorCodes.UndecodableBody, error.Code);
        Assert.Equal("$.results[0].email", error.Path);
    }
}
