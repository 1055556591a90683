using System.Text;
using LanguageExt;
using Xunit;
using static LanguageExt.Prelude;

namespace Saltant.Domain.Tests.Decoding;

public sealed class ErrorMappingTests
{
    private static readonly RequestInfo Request = new("POST", "http://h/api/taskqueues/");

    private static SaltantError Map(int status, string body, string? contentType = "application/json", Option<TimeSpan> retryAfter = default, Option<string> location = default) =>
        ErrorMapping.FromStatus(Request, 201, status, contentType, body, retryAfter, location);

    [Fact]
    public void Nested_field_errors_are_flattened_into_dotted_names()
    {
        var error = Assert.IsType<ValidationFailed>(Map(400, """{"arguments":{"x":["bad x"]},"items":[{},{"name":["required"]}],"tags":["a",1]}"""));
        Assert.Equal(Seq1("bad x"), error.MessagesFor("arguments.x"));
        Assert.Equal(Seq1("required"), error.MessagesFor("items[1].name"));
        Assert.Equal(Seq("a", "1"), error.MessagesFor("tags"));
    }

    [Fact]
    public void A_top_level_list_of_messages_is_non_field()
    {
        var error = Assert.IsType<ValidationFailed>(Map(400, """["['first']","second"]"""));
        Assert.Equal(Seq("first", "second"), error.NonFieldErrors);
    }

    [Fact]
    public void A_bare_string_that_is_not_about_a_missing_record_is_a_validation_message()
    {
        var error = Assert.IsType<ValidationFailed>(Map(400, "\"Bad state\""));
        Assert.Equal(Seq1("Bad state"), error.NonFieldErrors);
    }

    [Fact]
    public void An_html_400_keeps_only_the_title()
    {
        var error = Assert.IsType<ValidationFailed>(Map(400, "<html><head><title>Bad Request (400)</title></head><body>" + new string('x', 100_000) + "</body></html>", "text/html"));
        Assert.Equal(Seq1("Bad Request (400)"), error.NonFieldErrors);
    }

    [Fact]
    public void A_page_without_a_title_is_reduced_to_its_text_and_cut()
    {
        var error = Assert.IsType<ServerFault>(Map(502, "<html><body><h1>Bad Gateway</h1><script>var x = 1;</script>" + string.Concat(Enumerable.Repeat("<p>more words</p>", 1000)) + "</body></html>", "text/html"));
        Assert.Equal(502, error.Status);
        Assert.StartsWith("Bad Gateway more words", error.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("var x", error.Summary, StringComparison.Ordinal);
        Assert.True(error.Summary.Length <= BodySummary.MaxLength);
    }

    [Theory]
    [InlineData("""{"detail":"Authentication credentials were not provided."}""", typeof(AuthenticationFailed))]
    [InlineData("""{"detail":"Invalid token header. Token string should not contain spaces."}""", typeof(AuthenticationFailed))]
    [InlineData("""{"detail":"Invalid basic header. No credentials provided."}""", typeof(AuthenticationFailed))]
    [InlineData("""{"detail":"User inactive or deleted."}""", typeof(AuthenticationFailed))]
    [InlineData("""{"detail":"Something new","code":"token_not_valid"}""", typeof(AuthenticationFailed))]
    [InlineData("""{"detail":"Authorization header must contain two space-delimited values","code":"bad_authorization_header"}""", typeof(AuthenticationFailed))]
    [InlineData("""{"detail":"You do not have permission to perform this action."}""", typeof(PermissionDenied))]
    [InlineData("""{"detail":"CSRF Failed: CSRF token missing."}""", typeof(PermissionDenied))]
    public void A_403_is_split_by_what_its_detail_is_about(string body, Type expected) =>
        Assert.IsType(expected, Map(403, body));

    [Fact]
    public void A_429_carries_the_retry_after()
    {
        var error = Assert.IsType<RateLimited>(Map(429, """{"detail":"Request was throttled."}""", retryAfter: TimeSpan.FromSeconds(7)));
        Assert.Equal(Some(TimeSpan.FromSeconds(7)), error.RetryAfter);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Server_failures_are_server_faults(int status) =>
        Assert.Equal(status, Assert.IsType<ServerFault>(Map(status, "")).Status);

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(409)]
    [InlineData(501)]
    [InlineData(999)]
    public void Other_statuses_are_unexpected_and_name_the_expected_one(int status)
    {
        var error = Assert.IsType<UnexpectedStatus>(Map(status, "{}"));
        Assert.Equal(status, error.Status);
        Assert.Equal(201, error.Expected);
    }

    [Fact]
    public void A_redirect_without_a_location_says_so() =>
        Assert.Contains("without a Location", Assert.IsType<UnexpectedStatus>(Map(302, "")).Summary, StringComparison.Ordinal);

    [Fact]
    public void Check_status_passes_the_expected_status_and_maps_any_other()
    {
        var create = new ApiRequest(HttpVerb.Post, Seq1("taskqueues"), Seq<(string, string)>(), RequestBody.Empty, 201, false, "taskqueues/");
        var body = Encoding.UTF8.GetBytes("""{"name":["task queue with this name already exists."]}""");
        Assert.True(ErrorMapping.CheckStatus(create, Request, 201, "application/json", body).IsRight);
        var refused = ErrorMapping.CheckStatus(create, Request, 400, "application/json", body);
        Assert.IsType<ValidationFailed>(refused.Match(_ => null!, e => e));
        var wrongSuccess = ErrorMapping.CheckStatus(create, Request, 200, "application/json", body);
        Assert.IsType<UnexpectedStatus>(wrongSuccess.Match(_ => null!, e => e));
    }
}
