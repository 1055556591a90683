using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Saltant.Emulator.Worker;
using Xunit;

namespace Saltant.Emulator.Tests;

/// <summary>
/// Requests the recorded corpus does not hold but the set kept aside plausibly does, each answered as
/// saltant's pinned stack (Django 2.1, DRF 3.9.4, django-filter 2.0, simplejwt 4.3) answers it.
/// </summary>
public sealed class BeyondCorpusTests
{
    private sealed record Answer(int Status, string? ContentType, string Body)
    {
        public JsonNode? Json => ContentType == "application/json" && Body.Length > 0 ? JsonNode.Parse(Body) : null;
    }

    private sealed class Scene : IAsyncDisposable
    {
        public required SaltantEmulator Emulator { get; init; }
        public required HttpClient Http { get; init; }

        public async Task<Answer> SendAsync(string? user, string method, string path, string? body = null,
            string contentType = "application/json", string? authorization = null, string? accept = null)
        {
            using var req = new HttpRequestMessage(new HttpMethod(method), path);
            if (authorization is not null) req.Headers.TryAddWithoutValidation("Authorization", authorization);
            else if (user is not null) req.Headers.Authorization = new AuthenticationHeaderValue("Token", Emulator.User(user).Token);
            if (accept is not null) req.Headers.TryAddWithoutValidation("Accept", accept);
            if (body is not null) req.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", contentType } } };
            using var res = await Http.SendAsync(req);
            return new Answer((int)res.StatusCode, res.Content.Headers.ContentType?.MediaType, await res.Content.ReadAsStringAsync());
        }

        public async Task<string> CreateAsync(string user, string path, string json)
        {
            var a = await SendAsync(user, "POST", path, json);
            Assert.True(a.Status == 201, $"{path}: {a.Status} {a.Body}");
            return a.Json!["uuid"]?.GetValue<string>() ?? a.Json!["id"]!.ToJsonString();
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>The recording's opening state: alice's and bob's types, whitelists and queues (same ids).</summary>
    private static async Task<Scene> StartAsync()
    {
        var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual, Clock = new ManualClock() });
        var scene = new Scene { Emulator = emulator, Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.ApiUrl } };
        await scene.CreateAsync("alice", "executabletasktypes/", """{"name":"echo-args","command_to_run":"echo","required_arguments":["greeting","n"],"required_arguments_default_values":{"n":1}}""");
        await scene.CreateAsync("alice", "executabletasktypes/", """{"name":"sleep-30","command_to_run":"sleep 30"}""");
        await scene.CreateAsync("alice", "executabletasktypes/", """{"name":"true-cmd","command_to_run":"true","required_arguments":["x"],"required_arguments_default_values":{"x":0}}""");
        await scene.CreateAsync("bob", "executabletasktypes/", """{"name":"bob-false","command_to_run":"false"}""");
        await scene.CreateAsync("alice", "containertasktypes/", """{"name":"docker-hello","command_to_run":"/app/run.sh","container_image":"busybox:latest","container_type":"docker"}""");
        await scene.CreateAsync("alice", "taskwhitelists/", """{"name":"alice-wl","whitelisted_executable_task_types":[1,2,3],"whitelisted_container_task_types":[1]}""");
        await scene.CreateAsync("bob", "taskwhitelists/", """{"name":"bob-wl","whitelisted_executable_task_types":[1,4]}""");
        await scene.CreateAsync("alice", "taskqueues/", """{"name":"alice-queue","whitelists":[1]}""");
        await scene.CreateAsync("bob", "taskqueues/", """{"name":"bob-queue","whitelists":[2]}""");
        return scene;
    }

    private static void AssertJson(Answer a, int status, string expectedJson)
    {
        Assert.True(a.Status == status, $"status {a.Status}, expected {status}: {a.Body}");
        Assert.Equal("application/json", a.ContentType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), a.Json), $"body {a.Body}, expected {expectedJson}");
    }

    private static void AssertServerFailureOnWrite(Answer a)
    {
        Assert.True(a.Status == 405, $"status {a.Status}: {a.Body}");
        Assert.Equal("text/html", a.ContentType);
        Assert.Equal("", a.Body);
    }

    // ----- validation: every validator runs, in the field's order -----

    [Fact]
    public async Task A_queue_name_with_bad_characters_and_too_long_lists_the_pattern_message_first()
    {
        await using var s = await StartAsync();
        var a = await s.SendAsync("alice", "POST", "taskqueues/", """{"name":"bad name with spaces that is much too long for fifty chars"}""");
        AssertJson(a, 400, """{"name":[" @/+/-/_ only","Ensure this field has no more than 50 characters."]}""");
    }

    [Fact]
    public async Task A_nul_character_is_refused_by_its_own_validator_but_crashes_a_uniqueness_check()
    {
        await using var s = await StartAsync();
        AssertJson(await s.SendAsync("alice", "POST", "taskqueues/", """{"name":"q","description":"a\u0000b"}"""), 400,
            """{"description":["Null characters are not allowed."]}""");
        // The unique name reaches PostgreSQL with the NUL byte: a server error.
        AssertServerFailureOnWrite(await s.SendAsync("alice", "POST", "taskwhitelists/", """{"name":"w\u0000"}"""));
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("No")]
    [InlineData("maybe")]
    public async Task Booleans_outside_drf_3_9s_sets_are_invalid(string value)
    {
        await using var s = await StartAsync();
        var a = await s.SendAsync("alice", "POST", "taskqueues/", $$"""{"name":"q","private":"{{value}}"}""");
        AssertJson(a, 400, """{"private":["Must be a valid boolean."]}""");
    }

    [Fact]
    public async Task An_empty_form_boolean_is_not_given_so_the_model_default_applies()
    {
        await using var s = await StartAsync();
        var a = await s.SendAsync("alice", "POST", "taskqueues/", "name=formq&active=&private=", "application/x-www-form-urlencoded");
        Assert.Equal(201, a.Status);
        Assert.True(a.Json!["active"]!.GetValue<bool>());
        Assert.False(a.Json!["private"]!.GetValue<bool>());
        // Omitted (not empty) booleans in a full form are false.
        Assert.False(a.Json!["runs_executable_tasks"]!.GetValue<bool>());

        var patched = await s.SendAsync("alice", "PATCH", "taskqueues/1/", "active=", "application/x-www-form-urlencoded");
        Assert.Equal(200, patched.Status);
        Assert.True(patched.Json!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_empty_string_primary_key_is_null_even_in_json()
    {
        await using var s = await StartAsync();
        var a = await s.SendAsync("alice", "POST", "executabletaskinstances/", """{"task_type":"","task_queue":""}""");
        AssertJson(a, 400, """{"task_queue":["This field may not be null."],"task_type":["This field may not be null."]}""");
    }

    [Fact]
    public async Task A_null_in_a_primary_key_list_is_looked_up_and_not_found()
    {
        await using var s = await StartAsync();
        AssertJson(await s.SendAsync("alice", "POST", "taskqueues/", """{"name":"q","whitelists":[null]}"""), 400,
            """{"whitelists":["Invalid pk \"None\" - object does not exist."]}""");
        AssertJson(await s.SendAsync("alice", "POST", "taskqueues/", """{"name":"q","whitelists":[""]}"""), 400,
            """{"whitelists":["Incorrect type. Expected pk value, received str."]}""");
    }

    [Fact]
    public async Task A_json_null_body_is_no_data()
    {
        await using var s = await StartAsync();
        AssertJson(await s.SendAsync("alice", "POST", "taskqueues/", "null"), 400, """{"non_field_errors":["No data provided"]}""");
        AssertJson(await s.SendAsync("alice", "PATCH", "taskqueues/1/", "null"), 400, """{"non_field_errors":["No data provided"]}""");
        AssertJson(await s.SendAsync("alice", "POST", "taskqueues/", "[]"), 400, """{"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}""");
    }

    // ----- tokens -----

    [Fact]
    public async Task Simplejwt_4_3_trims_the_password_like_any_char_field()
    {
        await using var s = await StartAsync();
        var password = s.Emulator.User("alice").Password;
        var a = await s.SendAsync(null, "POST", "token/", $$"""{"username":" alice ","password":" {{password}} "}""");
        Assert.Equal(200, a.Status);
        Assert.NotNull(a.Json!["access"]);
        AssertJson(await s.SendAsync(null, "POST", "token/", """{"username":"alice","password":"  "}"""), 400, """{"password":["This field may not be blank."]}""");
    }

    // ----- OPTIONS and HEAD where the view allows them -----

    [Fact]
    public async Task Options_is_answered_with_metadata_by_the_views_that_allow_it()
    {
        await using var s = await StartAsync();
        AssertJson(await s.SendAsync("alice", "OPTIONS", ""), 200,
            """{"name":"Api Root","description":"The default basic root view for DefaultRouter","renders":["application/json","text/html"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}""");
        AssertJson(await s.SendAsync(null, "OPTIONS", "token/refresh/"), 200,
            """{"name":"Token Refresh Permissive","description":"Takes a refresh type JSON web token and returns an access type JSON web\ntoken if the refresh token is valid.","renders":["application/json","text/html"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"],"actions":{"POST":{"refresh":{"type":"string","required":true,"read_only":false,"label":"Refresh"}}}}""");
        var token = await s.SendAsync(null, "OPTIONS", "token/");
        Assert.Equal(200, token.Status);
        Assert.Equal("Token Obtain Pair Permissive", token.Json!["name"]!.GetValue<string>());
        Assert.Equal("""{"username":{"type":"string","required":true,"read_only":false,"label":"Username"},"password":{"type":"string","required":true,"read_only":false,"label":"Password"}}""",
            token.Json!["actions"]!["POST"]!.ToJsonString());
        AssertJson(await s.SendAsync("admin", "OPTIONS", "updatetaskinstancestatus/eb530fc9-df98-40b4-a133-25f4f293c270/"), 200,
            """{"name":"Update Task Instance Status","description":"Updates the status for task instances of any class of task.","renders":["application/json","text/html"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}""");
        // Still authenticated first, and the viewsets still refuse it.
        AssertJson(await s.SendAsync(null, "OPTIONS", ""), 403, """{"detail":"Authentication credentials were not provided."}""");
        AssertJson(await s.SendAsync("alice", "OPTIONS", "users/"), 405, """{"detail":"Method \"OPTIONS\" not allowed."}""");
    }

    [Fact]
    public async Task Head_is_get_on_the_root_but_not_allowed_on_the_viewsets()
    {
        await using var s = await StartAsync();
        var root = await s.SendAsync("alice", "HEAD", "");
        Assert.Equal(200, root.Status);
        Assert.Equal("", root.Body);
        Assert.Equal(405, (await s.SendAsync("alice", "HEAD", "taskqueues/")).Status);
        Assert.Equal(405, (await s.SendAsync("alice", "HEAD", "taskqueues/1/")).Status);
        Assert.Equal(405, (await s.SendAsync(null, "HEAD", "token/")).Status);
    }

    [Fact]
    public async Task An_unrouted_path_is_answered_by_the_404_template_view_for_every_method()
    {
        await using var s = await StartAsync();
        var get = await s.SendAsync(null, "GET", "nonexistent/");
        Assert.Equal((404, "text/html"), (get.Status, get.ContentType));
        var options = await s.SendAsync("alice", "OPTIONS", "nonexistent/");
        Assert.Equal((200, "text/html", ""), (options.Status, options.ContentType, options.Body));
        AssertServerFailureOnWrite(await s.SendAsync("alice", "DELETE", "nonexistent/"));
    }

    [Fact]
    public async Task A_fractional_year_filter_is_truncated_like_int()
    {
        await using var s = await StartAsync();
        var year = DateTimeOffset.UtcNow.Year;
        var a = await s.SendAsync("alice", "GET", $"executabletasktypes/?datetime_created__year={year}.5");
        Assert.Equal(4, a.Json!["count"]!.GetValue<int>());
    }

    // ----- content negotiation -----

    [Fact]
    public async Task A_format_suffix_wins_over_the_format_parameter_and_an_empty_format_is_none()
    {
        await using var s = await StartAsync();
        AssertJson(await s.SendAsync("alice", "GET", "users/alice.json?format=xml"), 200, """{"username":"alice","email":"alice@example.com"}""");
        Assert.Equal(200, (await s.SendAsync("alice", "GET", "users/?format=")).Status);
        AssertJson(await s.SendAsync("alice", "GET", "users/alice.xml"), 404, """{"detail":"Not found."}""");
    }

    [Theory]
    [InlineData("users/", "text/html", "saltant API - user list")]
    [InlineData("taskqueues/1/", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "saltant API - task queue instance")]
    [InlineData("executabletaskinstances/?format=api", null, "saltant API - executable task instance list")]
    [InlineData("", "text/*", "saltant API - api root")]
    public async Task An_html_preferring_request_gets_the_browsable_api_page(string path, string? accept, string title)
    {
        await using var s = await StartAsync();
        var a = await s.SendAsync("alice", "GET", path, accept: accept);
        Assert.Equal(200, a.Status);
        Assert.Equal("text/html", a.ContentType);
        Assert.Contains($"<title>{title}</title>", a.Body, StringComparison.Ordinal);
        // Errors are rendered the same way, with their status.
        var anon = await s.SendAsync(null, "GET", path, accept: accept);
        Assert.Equal(403, anon.Status);
        Assert.Equal("text/html", anon.ContentType);
    }

    [Theory]
    [InlineData("users/?format=api", "application/json")]
    [InlineData("users/?format=json", "text/html")]
    [InlineData("users/", "application/xml")]
    public async Task A_format_and_an_accept_header_that_exclude_each_other_are_not_acceptable(string path, string accept)
    {
        await using var s = await StartAsync();
        AssertJson(await s.SendAsync("alice", "GET", path, accept: accept), 406, """{"detail":"Could not satisfy the request Accept header."}""");
    }

    [Fact]
    public async Task Json_wins_when_accept_names_both_at_the_same_precedence_whatever_the_quality()
    {
        await using var s = await StartAsync();
        var a = await s.SendAsync("alice", "GET", "users/", accept: "text/html;q=1.0, application/json;q=0.1");
        Assert.Equal("application/json", a.ContentType);
    }

    // ----- a status update's save() fills the defaults the task type gained since -----

    [Fact]
    public async Task A_status_update_fills_new_defaults_and_every_read_after_it_shows_them()
    {
        await using var s = await StartAsync();
        var uuid = await s.CreateAsync("alice", "executabletaskinstances/", """{"task_type":2,"task_queue":1}""");
        // Read once as a list and once alone, so the rendered arguments are what an earlier read kept.
        Assert.Equal("{}", (await s.SendAsync("alice", "GET", "executabletaskinstances/")).Json!["results"]![0]!["arguments"]!.ToJsonString());
        Assert.Equal("{}", (await s.SendAsync("alice", "GET", $"executabletaskinstances/{uuid}/")).Json!["arguments"]!.ToJsonString());

        var put = await s.SendAsync("alice", "PUT", "executabletasktypes/2/",
            """{"name":"sleep-30","command_to_run":"sleep 30","required_arguments":["later"],"required_arguments_default_values":{"later":7}}""");
        Assert.True(put.Status == 200, put.Body);
        AssertJson(await s.SendAsync("admin", "PATCH", $"updatetaskinstancestatus/{uuid}/", """{"state":"running"}"""), 200, $$"""{"uuid":"{{uuid}}","state":"running"}""");

        Assert.Equal("""{"later":7}""", (await s.SendAsync("alice", "GET", $"executabletaskinstances/{uuid}/")).Json!["arguments"]!.ToJsonString());
        Assert.Equal("""{"later":7}""", (await s.SendAsync("alice", "GET", "executabletaskinstances/")).Json!["results"]![0]!["arguments"]!.ToJsonString());
    }

    // ----- status updates store str(value) but echo the value -----

    [Fact]
    public async Task A_non_string_state_is_stored_as_its_python_str_and_echoed_as_given()
    {
        await using var s = await StartAsync();
        var uuid = await s.CreateAsync("alice", "executabletaskinstances/", """{"task_type":2,"task_queue":1}""");
        AssertJson(await s.SendAsync("admin", "PATCH", $"updatetaskinstancestatus/{uuid}/", """{"state":5}"""), 200, $$"""{"uuid":"{{uuid}}","state":5}""");
        AssertJson(await s.SendAsync("admin", "PATCH", $"updatetaskinstancestatus/{uuid}/", """{"state":true}"""), 200, $$"""{"uuid":"{{uuid}}","state":true}""");
        var detail = await s.SendAsync("alice", "GET", $"executabletaskinstances/{uuid}/");
        Assert.Equal("True", detail.Json!["state"]!.GetValue<string>());
        AssertServerFailureOnWrite(await s.SendAsync("admin", "PATCH", $"updatetaskinstancestatus/{uuid}/", """{"state":null}"""));
    }
}
