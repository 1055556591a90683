using LanguageExt;
using Saltant.Domain;
using Xunit;

namespace Saltant.Domain.Tests.Model;

/// <summary>What people see when they print states and errors: the wire name and the one sentence, not record dumps.</summary>
public sealed class PrintingTests
{
    [Theory]
    [InlineData("created")]
    [InlineData("published")]
    [InlineData("running")]
    [InlineData("successful")]
    [InlineData("failed")]
    [InlineData("terminated")]
    [InlineData("bogus")]
    public void A_state_prints_as_its_wire_name(string wire) =>
        Assert.Equal(wire, TaskState.Parse(wire).ToString());

    [Fact]
    public void Every_error_case_prints_as_its_message()
    {
        var request = new RequestInfo("GET", "http://127.0.0.1/api/taskqueues/1/");
        SaltantError[] errors =
        [
            new NotFound(request, "Not found."),
            new ValidationFailed(request, Prelude.Seq1(new FieldError("name", Prelude.Seq1("This field is required."))), Prelude.Seq1("whole object")),
            new TransportFailed(request, "connection refused"),
            new NameNotFound("task queue", "q"),
            ConfigError.Of(new ConfigProblem.Missing("SALTANT_API_URL")),
        ];
        foreach (var error in errors)
        {
            Assert.Equal(error.Message, error.ToString());
            Assert.DoesNotContain("{", error.ToString());
        }
    }

    [Fact]
    public void A_config_problem_prints_as_its_message() =>
        Assert.Equal("SALTANT_API_URL is not set.", new ConfigProblem.Missing("SALTANT_API_URL").ToString());

    [Fact]
    public void Printing_a_jwt_request_or_its_body_shows_field_names_but_no_credential()
    {
        var obtain = JwtRequests.Obtain(new Username("alice"), new Secret("hunter2-password"));
        var refresh = JwtRequests.Refresh(new Secret("refresh.token.value"));

        foreach (var text in new[] { obtain.ToString(), obtain.Body.ToString(), refresh.ToString(), refresh.Body.ToString() })
        {
            Assert.DoesNotContain("hunter2-password", text);
            Assert.DoesNotContain("refresh.token.value", text);
        }

        Assert.Equal("JsonBody { username, password }", obtain.Body.ToString());
    }

    [Fact]
    public void Every_error_code_is_distinct_and_not_zero()
    {
        var codes = typeof(ErrorCodes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (int)f.GetRawConstantValue()!)
            .ToList();

        Assert.True(codes.Count >= 25, $"only {codes.Count} codes found");
        Assert.DoesNotContain(0, codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
