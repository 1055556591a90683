using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LanguageExt;
using Microsoft.Extensions.Logging;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Saltant.Http;
using Xunit;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>
/// Tracing (one <c>Saltant.Client</c> activity per API call) and logging (attempts, retries,
/// failures): what they record, and that no credential ever appears in either.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan AccessLifetime = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_successful_call_is_one_client_activity_tagged_with_method_route_url_and_status()
    {
        await using var h = await Harness.StartAsync();
        using var recorder = new ActivityRecorder(h.Emu.ApiUrl);

        var queue = Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft("traced")));
        Ok(await h.Client.TaskQueues.GetAsync(queue.Id));

        var get = recorder.Single("GET taskqueues/{id}/");
        Assert.Equal(SaltantTelemetry.ActivitySourceName, get.Source.Name);
        Assert.Equal("Saltant.Client", get.Source.Name);
        Assert.Equal(SaltantTelemetry.Version, get.Source.Version);
        Assert.False(string.IsNullOrEmpty(get.Source.Version));
        Assert.Equal(ActivityKind.Client, get.Kind);
        Assert.Equal("GET", get.GetTagItem("http.request.method"));
        Assert.Equal("taskqueues/{id}/", get.GetTagItem("saltant.route"));
        Assert.Equal(new Uri(h.Emu.ApiUrl, $"taskqueues/{queue.Id.Value}/").AbsoluteUri, get.GetTagItem("url.full"));
        Assert.Equal(h.Emu.ApiUrl.Host, get.GetTagItem("server.address"));
        Assert.Equal(h.Emu.ApiUrl.Port, get.GetTagItem("server.port"));
        Assert.Equal(200, get.GetTagItem("http.response.status_code"));
        Assert.Equal(0, get.GetTagItem("saltant.retry_count"));
        Assert.Null(get.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, get.Status);

        var post = recorder.Single("POST taskqueues/");
        Assert.Equal(201, post.GetTagItem("http.response.status_code"));
        Assert.Equal("taskqueues/", post.GetTagItem("saltant.route"));
    }

    [Fact]
    public async Task A_404_ends_the_activity_in_error_with_the_error_type_and_message()
    {
        await using var h = await Harness.StartAsync();
        using var recorder = new ActivityRecorder(h.Emu.ApiUrl);

        var error = Fails<NotFound, TaskQueue>(h.Observe(await h.Client.TaskQueues.GetAsync(new TaskQueueId(987654))));

        var get = recorder.Single("GET taskqueues/{id}/");
        Assert.Equal(404, get.GetTagItem("http.response.status_code"));
        Assert.Equal("NotFound", get.GetTagItem("error.type"));
        Assert.Equal(ErrorCodes.NotFound, get.GetTagItem("saltant.error.code"));
        Assert.Equal(0, get.GetTagItem("saltant.retry_count"));
        Assert.Equal(ActivityStatusCode.Error, get.Status);
        Assert.Equal(error.Message, get.StatusDescription);
    }

    [Fact]
    public async Task A_retried_503_is_one_activity_with_the_retry_count_and_the_final_status_and_is_logged_per_attempt()
    {
        await using var h = await Harness.StartAsync();
        using var recorder = new ActivityRecorder(h.Emu.ApiUrl);
        var logs = new CapturingLoggerProvider();
        using var factory = logs.Factory();
        var client = h.NewClient(Harness.SettingsFor(h.Emu), loggerFactory: factory);
        h.Emu.Faults.Next(1, Fault.GatewayError(503), "taskqueues/", "GET");

        Ok(await client.TaskQueues.ListAsync());

        var list = recorder.Single("GET taskqueues/");
        Assert.Equal(1, list.GetTagItem("saltant.retry_count"));
        Assert.Equal(200, list.GetTagItem("http.response.status_code"));
        Assert.Null(list.GetTagItem("error.type"));
        Assert.NotEqual(ActivityStatusCode.Error, list.Status);

        var records = logs.Records;
        Assert.All(records, r => Assert.Equal(SaltantTelemetry.ConnectionLogCategory, r.Category));
        var attempts = records.Where(r => r.EventId.Name == "AttemptAnswered").ToArray();
        Assert.Equal([503, 200], attempts.Select(r => (int)r["StatusCode"]!));
        Assert.Equal([1, 2], attempts.Select(r => (int)r["Attempt"]!));
        Assert.All(attempts, r =>
        {
            Assert.Equal(LogLevel.Debug, r.Level);
            Assert.Equal("GET", r["Method"]);
            Assert.StartsWith(new Uri(h.Emu.ApiUrl, "taskqueues/").AbsoluteUri, (string)r["Url"]!, StringComparison.Ordinal);
            Assert.IsType<double>(r["ElapsedMs"]);
        });
        var retry = Assert.Single(records, r => r.EventId.Name == "Retrying");
        Assert.Equal(LogLevel.Information, retry.Level);
        Assert.Equal("ServerFault", retry["ErrorType"]);
        Assert.Contains("503", (string)retry["ErrorMessage"]!, StringComparison.Ordinal);
        Assert.StartsWith("Retrying GET " + h.Emu.ApiUrl.AbsoluteUri + "taskqueues/", retry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(records, r => r.EventId.Name == "CallFailed");
    }

    [Fact]
    public async Task Failures_are_logged_with_the_typed_errors_message_at_information_or_warning()
    {
        await using var h = await Harness.StartAsync();
        var logs = new CapturingLoggerProvider();
        using var factory = logs.Factory();
        var client = h.NewClient(Harness.SettingsFor(h.Emu), loggerFactory: factory);
        var wrongToken = Guid.NewGuid().ToString("N");
        Harness.AddSecret(wrongToken);
        var rejected = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Token(wrongToken)), loggerFactory: factory);

        var missing = Fails<NotFound, TaskQueue>(h.Observe(await client.TaskQueues.GetAsync(new TaskQueueId(424242))));
        var refused = Fails<AuthenticationFailed, Unit>(h.Observe(await rejected.TestAuthenticationAsync()));

        var failures = logs.Records.Where(r => r.EventId.Name == "CallFailed").ToArray();
        var notFound = Assert.Single(failures, r => (string?)r["ErrorType"] == "NotFound");
        Assert.Equal(LogLevel.Information, notFound.Level);
        Assert.Equal(missing.Message, notFound["ErrorMessage"]);
        Assert.Equal(1, notFound["Attempts"]);
        Assert.Contains(missing.Message, notFound.Message, StringComparison.Ordinal);

        var authentication = Assert.Single(failures, r => (string?)r["ErrorType"] == "AuthenticationFailed");
        Assert.Equal(LogLevel.Warning, authentication.Level);
        Assert.Equal(refused.Message, authentication["ErrorMessage"]);
        Assert.Contains(logs.Records, r => r.EventId.Name == "AttemptAnswered" && (int)r["StatusCode"]! == 403);

        AssertClean(h, logs.Texts(), wrongToken, h.Alice.Token);
    }

    [Fact]
    public async Task A_JWT_login_is_traced_as_its_own_call_inside_the_call_that_needed_it()
    {
        await using var h = await Harness.StartAsync();
        using var recorder = new ActivityRecorder(h.Emu.ApiUrl);
        var logs = new CapturingLoggerProvider();
        using var factory = logs.Factory();
        var client = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", h.Alice.Password)), loggerFactory: factory);

        Ok(await client.TestAuthenticationAsync());

        var users = recorder.Single("GET users/");
        var login = recorder.Single("POST token/");
        Assert.Equal(users.SpanId, login.ParentSpanId);
        Assert.Equal(users.TraceId, login.TraceId);
        Assert.Equal("token/", login.GetTagItem("saltant.route"));
        Assert.Equal("POST", login.GetTagItem("http.request.method"));
        Assert.Equal(200, login.GetTagItem("http.response.status_code"));
        Assert.Equal(200, users.GetTagItem("http.response.status_code"));
        Assert.Contains(logs.Records, r => r.EventId.Name == "AttemptAnswered" && (string)r["Url"]! == new Uri(h.Emu.ApiUrl, "token/").AbsoluteUri);

        AssertClean(h, logs.Texts().Concat(recorder.Texts()), h.Alice.Password);
    }

    [Fact]
    public async Task No_token_password_or_JWT_appears_in_any_log_record_or_activity()
    {
        // The server's clock is manual: the client's tokens can be made to expire under it.
        await using var h = await Harness.StartAsync(
            o =>
            {
                o.AccessTokenLifetime = AccessLifetime;
                o.RefreshTokenLifetime = TimeSpan.FromMinutes(10);
            },
            manualClock: true);
        using var recorder = new ActivityRecorder(h.Emu.ApiUrl);
        var logs = new CapturingLoggerProvider();
        using var factory = logs.Factory();
        var wrongToken = Guid.NewGuid().ToString("N");
        var wrongPassword = "wrong-" + Guid.NewGuid().ToString("N");
        Harness.AddSecret(wrongToken);
        Harness.AddSecret(wrongPassword);

        // A DRF token: accepted, then a wrong one.
        var token = h.NewClient(Harness.SettingsFor(h.Emu), loggerFactory: factory);
        Ok(await token.TestAuthenticationAsync());
        Fails<AuthenticationFailed, Unit>(h.Observe(await h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Token(wrongToken)), loggerFactory: factory).TestAuthenticationAsync()));

        // A JWT login: accepted (login), rejected once the server's clock passes the access token's expiry (refresh and resend).
        var jwt = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", h.Alice.Password)), loggerFactory: factory);
        Ok(await jwt.TestAuthenticationAsync());
        h.Clock!.Advance(AccessLifetime + TimeSpan.FromMinutes(1));
        Ok(await jwt.TestAuthenticationAsync());

        // A wrong password, through Connect as well.
        Fails<AuthenticationFailed, Unit>(h.Observe(await h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", wrongPassword)), loggerFactory: factory).TestAuthenticationAsync()));
        Fails<AuthenticationFailed, SaltantClient>(h.Observe(await SaltantClient.ConnectAsync(
            Harness.SettingsFor(h.Emu, Authentication.Login("alice", wrongPassword)), new SaltantClientOptions { LoggerFactory = factory })));

        // An existing JWT pair: used, then refreshed, then refused once the refresh token has expired too.
        using var http = new HttpClient { BaseAddress = h.Emu.ApiUrl };
        using var response = await http.PostAsJsonAsync("token/", new { username = "alice", password = h.Alice.Password });
        var pair = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var (access, refresh) = (pair["access"]!.GetValue<string>(), pair["refresh"]!.GetValue<string>());
        Harness.AddSecret(access);
        Harness.AddSecret(refresh);
        var existing = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Jwt(access, refresh)), loggerFactory: factory);
        Ok(await existing.TestAuthenticationAsync());
        h.Clock.Advance(AccessLifetime + TimeSpan.FromMinutes(1));
        Ok(await existing.TestAuthenticationAsync());
        h.Clock.Advance(TimeSpan.FromMinutes(20));
        Fails<AuthenticationFailed, Unit>(h.Observe(await existing.TestAuthenticationAsync()));

        // Every path was taken and recorded...
        Assert.Contains(recorder.Activities, a => a.DisplayName == "POST token/" && (a.GetTagItem("http.response.status_code") as int?) == 401);
        Assert.Contains(recorder.Activities, a => a.DisplayName == "POST token/refresh/" && (a.GetTagItem("http.response.status_code") as int?) == 200);
        Assert.Contains(recorder.Activities, a => a.DisplayName == "POST token/refresh/" && a.Status == ActivityStatusCode.Error);
        Assert.Contains(recorder.Activities, a => a.DisplayName == "GET users/" && (a.GetTagItem("saltant.retry_count") as int?) == 1);
        Assert.Contains(logs.Records, r => r.EventId.Name == "RenewingCredential");
        Assert.Contains(logs.Records, r => r.EventId.Name == "CallFailed" && r.Level == LogLevel.Warning);

        // ...and none of it holds a credential.
        AssertClean(h, logs.Texts().Concat(recorder.Texts()), h.Alice.Token, h.Alice.Password, wrongToken, wrongPassword, access, refresh);
    }

    /// <summary>Asserts no text holds a secret, a JWT or an Authorization value, and hands them all to the harness's own check.</summary>
    private static void AssertClean(Harness h, IEnumerable<string> texts, params string[] secrets)
    {
        var all = texts.ToArray();
        Assert.NotEmpty(all);
        foreach (var text in all)
        {
            h.See(text);
            Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
