using System.Text.Json;
using Xunit;

namespace Saltant.Cli.Tests;

public sealed class WriteCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private async Task<JsonElement> Json(params string[] args)
    {
        var result = await CliRunner.RunAsync(fixture.Env(), [.. args, "-o", "json"]);
        result.AssertSuccess();
        using var document = JsonDocument.Parse(result.Out);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_task_queue_is_created_patched_and_put()
    {
        var name = EmulatorFixture.Unique("queue");
        var created = await Json("task-queues", "create", "--name", name, "--private", "--runs-docker-container-tasks", "false");
        var id = created.GetProperty("id").GetInt32().ToString();
        Assert.True(created.GetProperty("private").GetBoolean());
        Assert.False(created.GetProperty("runs_docker_container_tasks").GetBoolean());
        Assert.True(created.GetProperty("active").GetBoolean());

        var patched = await Json("task-queues", "patch", id, "--description", "patched", "--active", "false");
        Assert.Equal("patched", patched.GetProperty("description").GetString());
        Assert.False(patched.GetProperty("active").GetBoolean());
        Assert.True(patched.GetProperty("private").GetBoolean());

        var put = await Json(
            "task-queues", "put", id, "--name", name + "x", "--description", "put", "--private", "false",
            "--runs-executable-tasks", "true", "--runs-docker-container-tasks", "true", "--runs-singularity-container-tasks", "false",
            "--active", "true", "--whitelists", "");
        Assert.Equal(name + "x", put.GetProperty("name").GetString());
        Assert.False(put.GetProperty("private").GetBoolean());
        Assert.False(put.GetProperty("runs_singularity_container_tasks").GetBoolean());

        var read = await Json("task-queues", "get", id);
        Assert.Equal("put", read.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Put_needs_every_field_as_saltant_cli_does()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "task-queues", "put", "1", "--name", "x");

        result.AssertFailure(2, "--description");
    }

    [Fact]
    public async Task Patch_without_fields_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "task-whitelists", "patch", "1");

        result.AssertFailure(2, "at least one field");
    }

    [Fact]
    public async Task A_duplicate_name_is_a_validation_failure_with_the_servers_field_message()
    {
        var name = EmulatorFixture.Unique("dup");
        (await CliRunner.RunAsync(fixture.Env(), "task-queues", "create", "--name", name)).AssertSuccess();

        var result = await CliRunner.RunAsync(fixture.Env(), "task-queues", "create", "--name", name);

        result.AssertFailure(7, "name: task queue with this name already exists.");
    }

    [Fact]
    public async Task Task_types_take_lists_repeated_comma_separated_or_as_json_and_defaults_as_json()
    {
        var name = EmulatorFixture.Unique("exe");
        var created = await Json(
            "executable-task-types", "create", "--name", name, "--command-to-run", "echo",
            "--required-arguments", "a,b", "--required-arguments", "c",
            "--json-environment-variables", "[\"HOME\", \"PATH\"]",
            "--required-arguments-default-values", "{\"c\": 3}",
            "--json-file-option", "--json");
        Assert.Equal(["a", "b", "c"], created.GetProperty("required_arguments").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["HOME", "PATH"], created.GetProperty("environment_variables").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, created.GetProperty("required_arguments_default_values").GetProperty("c").GetInt32());
        Assert.Equal("--json", created.GetProperty("json_file_option").GetString());

        var id = created.GetProperty("id").GetInt32().ToString();
        var put = await Json(
            "executable-task-types", "put", id, "--name", name, "--description", "now described", "--command-to-run", "echo hi",
            "--environment-variables", "", "--required-arguments", "", "--required-arguments-default-values", "{}");
        Assert.Equal("now described", put.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, put.GetProperty("json_file_option").ValueKind);
        Assert.Empty(put.GetProperty("required_arguments").EnumerateArray());
    }

    [Fact]
    public async Task Container_task_types_are_created_and_put()
    {
        var name = EmulatorFixture.Unique("box");
        var created = await Json(
            "container-task-types", "create", "--name", name, "--command-to-run", "run", "--container-image", "docker://img:1",
            "--container-type", "singularity", "--logs-path", "/logs");
        Assert.Equal("singularity", created.GetProperty("container_type").GetString());
        Assert.Equal("/logs", created.GetProperty("logs_path").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("results_path").ValueKind);

        var id = created.GetProperty("id").GetInt32().ToString();
        var put = await Json(
            "container-task-types", "put", id, "--name", name, "--description", "d", "--command-to-run", "run2", "--container-image", "docker://img:2",
            "--container-type", "docker", "--environment-variables", "", "--required-arguments", "x", "--required-arguments-default-values", "{}");
        Assert.Equal("docker", put.GetProperty("container_type").GetString());
        Assert.Equal("docker://img:2", put.GetProperty("container_image").GetString());
    }

    [Fact]
    public async Task A_wrong_container_type_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(fixture.Env(), "container-task-types", "create", "--name", "n", "--command-to-run", "c", "--container-image", "i", "--container-type", "podman");

        result.AssertFailure(2, "podman");
    }

    [Fact]
    public async Task A_whitelist_is_created_patched_and_put_with_type_ids()
    {
        var typeId = (await Json("executable-task-types", "create", "--name", EmulatorFixture.Unique("wlt"), "--command-to-run", "true")).GetProperty("id").GetInt32();
        var name = EmulatorFixture.Unique("wl");
        var created = await Json("task-whitelists", "create", "--name", name, "--whitelisted-executable-task-types", $"[{typeId}]");
        Assert.Equal(typeId, Assert.Single(created.GetProperty("whitelisted_executable_task_types").EnumerateArray()).GetInt32());

        var id = created.GetProperty("id").GetInt32().ToString();
        var patched = await Json("task-whitelists", "patch", id, "--whitelisted-executable-task-types", "");
        Assert.Empty(patched.GetProperty("whitelisted_executable_task_types").EnumerateArray());

        var put = await Json("task-whitelists", "put", id, "--name", name, "--description", "all", "--whitelisted-container-task-types", "", "--whitelisted-executable-task-types", typeId.ToString());
        Assert.Equal("all", put.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("task-queues", "get", "abc")]
    [InlineData("task-queues", "create", "--name", "x", "--whitelists", "one")]
    [InlineData("executable-task-instances", "get", "not-a-uuid")]
    [InlineData("executable-task-instances", "create", "--task-type", "1", "--task-queue", "1", "--arguments", "[1]")]
    [InlineData("executable-task-types", "create", "--name", "x", "--command-to-run", "y", "--required-arguments-default-values", "{oops")]
    public async Task Malformed_values_are_usage_errors_before_any_request(params string[] args)
    {
        var before = fixture.Emulator.Requests.Total;

        var result = await CliRunner.RunAsync(fixture.Env(), args);

        result.AssertFailure(2, "");
        Assert.Equal(before, fixture.Emulator.Requests.Total);
    }
}
