using System.Text.Json;
using Xunit;

namespace Saltant.Cli.Tests;

public sealed class ReadCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Users_list_prints_an_aligned_table_with_saltant_clis_columns()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "users", "list");

        result.AssertSuccess();
        Assert.Equal("", result.Err);
        Assert.Matches(@"username\s+email", result.Out);
        Assert.Matches(@"alice\s+alice@example\.com", result.Out);
        Assert.Matches(@"bob\s+bob@example\.com", result.Out);
    }

    [Fact]
    public async Task Output_json_is_one_document_with_the_servers_field_names()
    {
        var name = EmulatorFixture.Unique("json");
        (await CliRunner.RunAsync(fixture.Env(), "task-queues", "create", "--name", name, "--description", "for json")).AssertSuccess();

        var result = await CliRunner.RunAsync(fixture.Env(), "task-queues", "list", "--output", "json", "--where", $"name={name}");

        result.AssertSuccess();
        using var document = JsonDocument.Parse(result.Out);
        var queue = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(name, queue.GetProperty("name").GetString());
        Assert.Equal("for json", queue.GetProperty("description").GetString());
        Assert.Equal("alice", queue.GetProperty("user").GetString());
        Assert.True(queue.GetProperty("runs_docker_container_tasks").GetBoolean());
        Assert.Equal(JsonValueKind.Array, queue.GetProperty("whitelists").ValueKind);
    }

    [Fact]
    public async Task Quiet_prints_only_keys_one_a_line()
    {
        var users = await CliRunner.RunAsync(fixture.Env(), "users", "list", "--quiet");
        Assert.Equal(["admin", "alice", "bob"], users.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var name = EmulatorFixture.Unique("quiet");
        var created = await CliRunner.RunAsync(fixture.Env(), "task-queues", "create", "--name", name, "-q");
        created.AssertSuccess();
        var id = created.Out.Trim();
        Assert.Matches(@"^\d+$", id);

        var listed = await CliRunner.RunAsync(fixture.Env(), "task-queues", "list", "-o", "quiet", "--where", $"name={name}");
        Assert.Equal(id + "\n", listed.Out);
    }

    [Fact]
    public async Task Get_shows_each_detail_field_on_its_own_line()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "users", "get", "bob");

        result.AssertSuccess();
        Assert.Matches(@"username\s+bob", result.Out);
        Assert.Matches(@"email\s+bob@example\.com", result.Out);
    }

    [Fact]
    public async Task Get_of_a_missing_queue_exits_with_the_not_found_code_and_one_sentence()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "task-queues", "get", "999999");

        result.AssertFailure(4, "found nothing");
        Assert.Equal("", result.Out);
        Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_bad_token_exits_with_the_authentication_code_and_never_prints_the_token()
    {
        var env = fixture.Env();
        env["SALTANT_AUTH_TOKEN"] = "0123456789abcdef0123456789abcdef01234567";

        var result = await CliRunner.RunAsync(env, "task-queues", "list");

        result.AssertFailure(5, "credentials were not accepted");
        Assert.DoesNotContain("0123456789abcdef", result.Err + result.Out);
    }

    [Fact]
    public async Task Another_users_private_records_are_a_permission_or_not_found_failure_with_its_own_code()
    {
        var name = EmulatorFixture.Unique("mine");
        var id = (await CliRunner.RunAsync(fixture.Env("alice"), "task-queues", "create", "--name", name, "-q")).Out.Trim();

        var result = await CliRunner.RunAsync(fixture.Env("bob"), "task-queues", "patch", id, "--description", "not yours");

        result.AssertFailure(6, "");
    }

    [Fact]
    public async Task Where_and_filters_and_filters_file_become_raw_filters()
    {
        var prefix = EmulatorFixture.Unique("flt");
        foreach (var suffix in new[] { "a", "b", "c" })
        {
            (await CliRunner.RunAsync(fixture.Env(), "task-whitelists", "create", "--name", $"{prefix}-{suffix}", "--description", suffix == "c" ? "odd" : "even")).AssertSuccess();
        }

        var contains = await CliRunner.RunAsync(fixture.Env(), "task-whitelists", "list", "-q", "--filters", $"{{\"name__startswith\": \"{prefix}\"}}");
        Assert.Equal(3, contains.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var both = await CliRunner.RunAsync(fixture.Env(), "task-whitelists", "list", "-o", "json", "--filters", $"{{\"name__startswith\": \"{prefix}\"}}", "--where", "description=odd");
        using (var document = JsonDocument.Parse(both.Out))
        {
            Assert.Equal($"{prefix}-c", Assert.Single(document.RootElement.EnumerateArray()).GetProperty("name").GetString());
        }

        var file = Path.Combine(fixture.ConfigHome, $"{prefix}.json");
        await File.WriteAllTextAsync(file, $"{{\"name__in\": [\"{prefix}-a\", \"{prefix}-b\"]}}");
        var fromFile = await CliRunner.RunAsync(fixture.Env(), "task-whitelists", "list", "--filters-file", file);
        fromFile.AssertSuccess();
        Assert.Contains($"{prefix}-a", fromFile.Out);
        Assert.Contains($"{prefix}-b", fromFile.Out);
        Assert.DoesNotContain($"{prefix}-c", fromFile.Out);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    public async Task Malformed_filters_are_a_usage_error(string filters)
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "users", "list", "--filters", filters);

        result.AssertFailure(2, "--filters");
    }

    [Fact]
    public async Task Every_resource_lists_as_json()
    {
        foreach (var resource in new[] { "users", "task-queues", "task-whitelists", "container-task-types", "executable-task-types", "container-task-instances", "executable-task-instances" })
        {
            var result = await CliRunner.RunAsync(fixture.Env(), resource, "list", "-o", "json");
            result.AssertSuccess();
            using var document = JsonDocument.Parse(result.Out);
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        }
    }
}
