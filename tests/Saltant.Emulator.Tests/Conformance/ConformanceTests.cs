using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Saltant.Emulator.Worker;
using Xunit;
using Xunit.Abstractions;

namespace Saltant.Emulator.Tests.Conformance;

/// <summary>Replays the whole recorded corpus against a fresh emulator seeded like the recording.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private const string RecordedOrigin = "http://127.0.0.1:8000";

    [Fact]
    public async Task Every_recorded_exchange_gets_the_recorded_answer()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 27, 15, 11, 35, TimeSpan.Zero));
        var options = new SaltantEmulatorOptions
        {
            Clock = clock,
            WorkerMode = WorkerMode.Manual,
            // The recording's host had no Docker or Singularity: container instances ended failed.
            OutcomePolicy = OutcomePolicies.NoContainerRuntime,
        };
        options.Users.Add(new EmulatorUser("admin", "admintoken0000000000000000000000000000000", "adminpassword", true));
        options.Users.Add(new EmulatorUser("alice", "alicetoken0000000000000000000000000000000", "alicepassword"));
        options.Users.Add(new EmulatorUser("bob", "bobtoken000000000000000000000000000000000", "bobpassword"));
        await using var emulator = await SaltantEmulator.StartAsync(options);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.ApiUrl };

        var uuidMap = new Dictionary<string, string>();
        var origin = emulator.ApiUrl.GetLeftPart(UriPartial.Authority);
        var comparer = new AnswerComparer(uuidMap, RecordedOrigin, origin);
        var jwts = new Dictionary<string, (string Access, string Refresh)>();

        async Task<(string Access, string Refresh)> Jwt(string user)
        {
            if (jwts.TryGetValue(user, out var pair)) return pair;
            var password = emulator.User(user).Password;
            using var res = await http.PostAsync("token/", new FormUrlEncodedContent([new("username", user), new("password", password)]));
            var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
            return jwts[user] = (body["access"]!.GetValue<string>(), body["refresh"]!.GetValue<string>());
        }

        var exchanges = Exchange.LoadAll();
        var failures = new List<string>();
        int matched = 0, gapIndex = 0;
        foreach (var ex in exchanges)
        {
            // Missing exchanges that built state this one relies on.
            while (gapIndex < GapFill.Steps.Count && GapFill.Steps[gapIndex].Before <= ex.Seq)
            {
                var step = GapFill.Steps[gapIndex++];
                await TickAsync(clock, emulator);
                using var gapReq = new HttpRequestMessage(new HttpMethod(step.Method), comparer.MapText(step.Path));
                gapReq.Headers.Authorization = new AuthenticationHeaderValue("Token", emulator.User(step.AsUser).Token);
                if (step.JsonBody is not null) gapReq.Content = new StringContent(step.JsonBody, Encoding.UTF8, "application/json");
                using var gapRes = await http.SendAsync(gapReq);
                var gapBody = await gapRes.Content.ReadAsStringAsync();
                Assert.True(gapRes.IsSuccessStatusCode, $"gap step before {ex.Seq} ({step.Method} {step.Path}) failed: {(int)gapRes.StatusCode} {gapBody}");
                if (step.RecordedUuid is not null) uuidMap[step.RecordedUuid] = JsonNode.Parse(gapBody)!["uuid"]!.GetValue<string>();
            }

            // The recorded worker finished quick tasks between exchanges; give ours the same chance.
            await TickAsync(clock, emulator);

            var url = comparer.MapText(ex.Path) + (ex.Query.Length > 0 ? "?" + ex.Query : "");
            using var request = new HttpRequestMessage(new HttpMethod(ex.Method), url);
            switch (ex.Auth, ex.AsUser)
            {
                case ("token", "badtoken"):
                    // The corpus names the one case that sends the keyword alone.
                    request.Headers.TryAddWithoutValidation("Authorization", ex.Name.Contains("no key", StringComparison.Ordinal) ? "Token" : "Token 0000000000000000000000000000000000000000");
                    break;
                case ("token", _): request.Headers.TryAddWithoutValidation("Authorization", "Token " + emulator.User(ex.AsUser).Token); break;
                case ("jwt", "badtoken"): request.Headers.TryAddWithoutValidation("Authorization", "Bearer not.a.jwt"); break;
                case ("jwt", _): request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (await Jwt(ex.AsUser)).Access); break;
                case ("basic", _): request.Headers.TryAddWithoutValidation("Authorization", "Basic YWxpY2U6YWxpY2VwYXNzd29yZA=="); break;
            }
            if (ex.Name.Contains("Accept: application/json", StringComparison.Ordinal)) request.Headers.Accept.ParseAdd("application/json");
            if (!string.IsNullOrEmpty(ex.RequestContentType))
            {
                var body = comparer.MapText(ex.RequestBody);
                if (body.Contains("<redacted>", StringComparison.Ordinal)) body = body.Replace("<redacted>", (await Jwt("alice")).Refresh);
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ex.RequestContentType);
            }

            using var response = await http.SendAsync(request);
            var actualBody = await response.Content.ReadAsStringAsync();
            var location = response.Headers.Location?.OriginalString;
            if (ex.Status == 201 && (int)response.StatusCode == 201) comparer.Learn(ex.ResponseBody, actualBody);
            var diff = comparer.Compare(ex, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), location, actualBody);
            if (diff is null) matched++;
            else failures.Add($"#{ex.Seq} {ex.Name} ({ex.Method} {ex.Path}?{ex.Query}): {diff}");
        }

        output.WriteLine($"Conformance: {matched}/{exchanges.Count} exchanges matched.");
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{failures.Count} of {exchanges.Count} exchanges differ:\n" + string.Join("\n", failures));
    }

    private static async Task TickAsync(ManualClock clock, SaltantEmulator emulator)
    {
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await emulator.Worker.StepAsync();
    }
}
