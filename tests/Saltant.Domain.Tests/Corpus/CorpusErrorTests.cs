using Xunit;

namespace Saltant.Domain.Tests.Corpus;

/// <summary>Every error answer of the recorded corpus maps to the error case its status and body call for, messages intact.</summary>
public sealed class CorpusErrorTests
{
    private const string NoPermission = "You do not have permission to perform this action.";

    public static TheoryData<int> ErrorSeqs() => new(CorpusFiles.All.Where(e => e.Status >= 300).Select(e => e.Seq));

    private static SaltantError Map(Exchange e) => ErrorMapping.FromStatus(
        e.Request, e.ExpectedStatus, e.Status, e.ResponseContentType, e.BodyBytes,
        location: e.ResponseLocation.Length > 0 ? e.ResponseLocation : LanguageExt.Option<string>.None);

    [Theory]
    [MemberData(nameof(ErrorSeqs))]
    public void Error_answer_maps_to_the_case_its_status_calls_for(int seq)
    {
        var e = CorpusFiles.BySeq(seq);
        var error = Map(e);
        var expected = e.Status switch
        {
            301 => typeof(UnexpectedStatus),
            400 when e.ResponseBody.StartsWith('"') => typeof(NotFound),
            400 => typeof(ValidationFailed),
            401 => typeof(AuthenticationFailed),
            403 when e.ResponseBody.Contains(NoPermission, StringComparison.Ordinal) => typeof(PermissionDenied),
            403 => typeof(AuthenticationFailed),
            404 => typeof(NotFound),
            405 => typeof(MethodNotAllowed),
            500 => typeof(ServerFault),
            _ => throw new InvalidOperationException($"status not in the corpus before: {e}"),
        };
        Assert.IsType(expected, error);
        Assert.NotEqual(0, error.Code);
        Assert.True(error.Message.Length < 600, $"message too long ({error.Message.Length}): {error.Message}");
        Assert.DoesNotContain("<", error.Message.Replace("<redacted>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ErrorSeqs))]
    public void Field_messages_of_a_400_are_the_servers_messages(int seq)
    {
        var e = CorpusFiles.BySeq(seq);
        if (e.Status != 400 || Json.Parse(e.ResponseBody).IfLeft(Json.Null) is not Json.JObject body) return;

        var error = Assert.IsType<ValidationFailed>(Map(e));
        foreach (var (field, value) in body.Members.Where(m => m.Key is not ("non_field_errors" or "detail")))
        {
            var server = ((Json.JArray)value).Items.Map(m => ((Json.JString)m).Value);
            Assert.Equal(server, error.MessagesFor(field));
        }

        Assert.Equal(body.Members.Count(m => m.Key is not ("non_field_errors" or "detail")), error.FieldErrors.Count);
    }

    [Fact]
    public void The_whitelist_refusal_arrives_as_a_clean_non_field_message()
    {
        var error = Assert.IsType<ValidationFailed>(Map(CorpusFiles.BySeq(115)));
        Assert.Equal(LanguageExt.Prelude.Seq1("Queue alice-queue has not whitelisted task type bob-false"), error.NonFieldErrors);
        Assert.True(error.FieldErrors.IsEmpty);
    }

    [Fact]
    public void A_double_quoted_python_repr_is_unwrapped_too()
    {
        var error = Assert.IsType<ValidationFailed>(Map(CorpusFiles.BySeq(59)));
        Assert.Equal(LanguageExt.Prelude.Seq1("'{'a': 1}' is not a valid JSON array!"), error.NonFieldErrors);
    }

    [Fact]
    public void An_unknown_primary_key_keeps_the_servers_message()
    {
        var error = Assert.IsType<ValidationFailed>(Map(CorpusFiles.BySeq(77)));
        Assert.Equal(LanguageExt.Prelude.Seq1("Invalid pk \"999\" - object does not exist."), error.MessagesFor("whitelisted_container_task_types"));
    }

    [Fact]
    public void A_bad_filter_value_is_a_validation_error_keyed_by_the_query_parameter()
    {
        var error = Assert.IsType<ValidationFailed>(Map(CorpusFiles.BySeq(230)));
        Assert.Equal(LanguageExt.Prelude.Seq1("Select a valid choice. bogus is not one of the available choices."), error.MessagesFor("state"));
    }

    [Fact]
    public void A_json_parse_error_detail_is_a_non_field_message()
    {
        var error = Assert.IsType<ValidationFailed>(Map(CorpusFiles.BySeq(64)));
        Assert.StartsWith("JSON parse error - Expecting property name", error.NonFieldErrors.Head, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_uuid_on_the_state_update_is_not_found()
    {
        var error = Assert.IsType<NotFound>(Map(CorpusFiles.BySeq(152)));
        Assert.Equal("No task instance with UUID eb530fc9-df98-40b4-a133-25f4f293c270 found", error.Detail);
    }

    [Theory]
    [InlineData(1, "Authentication credentials were not provided.")]
    [InlineData(4, "Invalid token.")]
    [InlineData(5, "Given token not valid for any token type")]
    [InlineData(8, "Invalid token header. No credentials provided.")]
    public void A_403_about_credentials_is_an_authentication_failure(int seq, string detail)
    {
        var error = Assert.IsType<AuthenticationFailed>(Map(CorpusFiles.BySeq(seq)));
        Assert.Equal(403, error.Status);
        Assert.Equal(detail, error.Detail);
    }

    [Theory]
    [InlineData(290)]
    [InlineData(307)]
    [InlineData(317)]
    public void A_403_about_ownership_is_permission_denied(int seq)
    {
        var error = Assert.IsType<PermissionDenied>(Map(CorpusFiles.BySeq(seq)));
        Assert.Equal(NoPermission, error.Detail);
    }

    [Fact]
    public void Bad_jwt_credentials_are_a_401_authentication_failure()
    {
        var error = Assert.IsType<AuthenticationFailed>(Map(CorpusFiles.BySeq(16)));
        Assert.Equal(401, error.Status);
        Assert.Equal("No active account found with the given credentials", error.Detail);
    }

    [Fact]
    public void Html_error_pages_are_reduced_to_their_title()
    {
        Assert.Equal("saltant - server error!", Assert.IsType<ServerFault>(Map(CorpusFiles.BySeq(44))).Summary);
        Assert.Equal("saltant - page not found!", Assert.IsType<NotFound>(Map(CorpusFiles.BySeq(331))).Detail);
    }

    [Fact]
    public void An_empty_405_says_the_server_failed_inside_the_request()
    {
        var error = Assert.IsType<MethodNotAllowed>(Map(CorpusFiles.BySeq(137)));
        Assert.Equal(ErrorMapping.EmptyMethodNotAllowed, error.Detail);
        Assert.Equal("Method \"GET\" not allowed.", Assert.IsType<MethodNotAllowed>(Map(CorpusFiles.BySeq(19))).Detail);
    }

    [Fact]
    public void A_redirect_is_unexpected_and_names_its_location()
    {
        var error = Assert.IsType<UnexpectedStatus>(Map(CorpusFiles.BySeq(20)));
        Assert.Equal(301, error.Status);
        Assert.Equal(200, error.Expected);
        Assert.Contains("/api/token/", error.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_page_is_not_found()
    {
        Assert.Equal("Invalid page.", Assert.IsType<NotFound>(Map(CorpusFiles.BySeq(29))).Detail);
    }
}
