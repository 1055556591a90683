using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Saltant.Emulator.Tests.Conformance;

/// <summary>How a replay's score came out: matched exchanges, all exchanges, and one line per difference.</summary>
public sealed record ReplayScore(int Matched, int Total, IReadOnlyList<string> Failures)
{
    public override string ToString() => $"{Matched}/{Total} exchanges matched" + string.Concat(Failures.Select(f => "\n" + f));
}

/// <summary>
/// Gives an emulator's worker the chance the recorded worker had between two exchanges. Replays
/// in-process step a manual worker on a manual clock; replays against a separate process wait, over
/// HTTP, for the automatic worker to settle.
/// </summary>
public interface IWorkerPacer
{
    /// <summary>Runs before every replayed step (a gap step or a recorded exchange).</summary>
    /// <param name="terminating">
    /// Detail paths of instances whose terminate was accepted while they still ran; a pacer that
    /// waits removes each once the worker has ended it.
    /// </param>
    Task BeforeStepAsync(ICollection<string> terminating);
}

/// <summary>
/// Replays the whole recorded corpus (with the gap steps) over HTTP against an emulator seeded like
/// the recording, and compares every answer with <see cref="AnswerComparer"/>.
/// </summary>
public sealed class CorpusReplay(Uri apiUrl, Func<string, EmulatorUser> user, IWorkerPacer pacer)
{
    private const string RecordedOrigin = "http://127.0.0.1:8000";

    /// <summary>The seeded users the recording had; every replay target gets exactly these.</summary>
    public static IReadOnlyList<EmulatorUser> RecordedUsers { get; } =
    [
        new("admin", "admintoken0000000000000000000000000000000", "adminpassword", true),
        new("alice", "alicetoken0000000000000000000000000000000", "alicepassword"),
        new("bob", "bobtoken000000000000000000000000000000000", "bobpassword"),
    ];

    public async Task<ReplayScore> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = apiUrl };
        var uuidMap = new Dictionary<string, string>();
        var comparer = new AnswerComparer(uuidMap, RecordedOrigin, apiUrl.GetLeftPart(UriPartial.Authority));
        var jwts = new Dictionary<string, (string Access, string Refresh)>();
        var terminating = new List<string>();

        async Task<(string Access, string Refresh)> Jwt(string name)
        {
            if (jwts.TryGetValue(name, out var pair)) return pair;
            using var res = await http.PostAsync("token/", new FormUrlEncodedContent([new("username", name), new("password", user(name).Password)]));
            var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
            return jwts[name] = (body["access"]!.GetValue<string>(), body["refresh"]!.GetValue<string>());
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
                await pacer.BeforeStepAsync(terminating);
                using var gapReq = new HttpRequestMessage(new HttpMethod(step.Method), comparer.MapText(step.Path));
                gapReq.Headers.Authorization = new AuthenticationHeaderValue("Token", user(step.AsUser).Token);
                if (step.JsonBody is not null) gapReq.Content = new StringContent(step.JsonBody, Encoding.UTF8, "application/json");
                using var gapRes = await http.SendAsync(gapReq);
                var gapBody = await gapRes.Content.ReadAsStringAsync();
                if (!gapRes.IsSuccessStatusCode) throw new InvalidOperationException($"gap step before {ex.Seq} ({step.Method} {step.Path}) failed: {(int)gapRes.StatusCode} {gapBody}");
                if (step.RecordedUuid is not null) uuidMap[step.RecordedUuid] = JsonNode.Parse(gapBody)!["uuid"]!.GetValue<string>();
            }

            // The recorded worker finished quick tasks between exchanges; give ours the same chance.
            await pacer.BeforeStepAsync(terminating);

            var path = comparer.MapText(ex.Path);
            var url = path + (ex.Query.Length > 0 ? "?" + ex.Query : "");
            using var request = new HttpRequestMessage(new HttpMethod(ex.Method), url);
            switch (ex.Auth, ex.AsUser)
            {
                case ("token", "badtoken"):
                    // The corpus names the one case that sends the keyword alone.
                    request.Headers.TryAddWithoutValidation("Authorization", ex.Name.Contains("no key", StringComparison.Ordinal) ? "Token" : "Token 0000000000000000000000000000000000000000");
                    break;
                case ("token", _): request.Headers.TryAddWithoutValidation("Authorization", "Token " + user(ex.AsUser).Token); break;
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
            if ((int)response.StatusCode == 202 && StillRunning(actualBody)) terminating.Add(path.Replace("terminate/", "", StringComparison.Ordinal).TrimEnd('/') + "/");
            var diff = comparer.Compare(ex, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), location, actualBody);
            if (diff is null) matched++;
            else failures.Add($"#{ex.Seq} {ex.Name} ({ex.Method} {ex.Path}?{ex.Query}): {diff}");
        }
        return new ReplayScore(matched, exchanges.Count, failures);
    }

    /// <summary>A terminate's answer shows the state before the worker acts on it.</summary>
    private static bool StillRunning(string body) =>
        JsonNode.Parse(body) is JsonObject o && o["state"]?.GetValue<string>() is "published" or "running";
}
