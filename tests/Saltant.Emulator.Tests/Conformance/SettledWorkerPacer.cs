using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Saltant.Emulator.Tests.Conformance;

/// <summary>
/// Pacing for an emulator in another process, whose automatic worker runs on its own: before every
/// step, wait (reading over HTTP as a superuser) until the worker has taken up every published
/// instance and ended every instance whose terminate was accepted. A quick task ends in the very
/// step that takes it up, so "nothing published" means every quick task has finished; a
/// <c>sleep N</c> stays running, as it did on the recording's host. Only a hang guard is timed.
/// </summary>
public sealed class SettledWorkerPacer(Uri apiUrl, string superuserToken) : IWorkerPacer, IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);
    private readonly HttpClient _http = CreateClient(apiUrl, superuserToken);

    /// <summary>How many times the pacer had to look again before the worker was settled (for the log).</summary>
    public int ExtraPolls { get; private set; }

    private static HttpClient CreateClient(Uri apiUrl, string token)
    {
        var http = new HttpClient { BaseAddress = apiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return http;
    }

    public async Task BeforeStepAsync(ICollection<string> terminating)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (true)
        {
            foreach (var path in terminating.ToList())
            {
                var state = (await GetAsync(path, guard.Token))["state"]!.GetValue<string>();
                if (state is not ("published" or "running")) terminating.Remove(path);
            }
            if (terminating.Count == 0 && await PublishedAsync("executabletaskinstances/", guard.Token) == 0 && await PublishedAsync("containertaskinstances/", guard.Token) == 0) return;
            ExtraPolls++;
            await Task.Delay(TimeSpan.FromMilliseconds(5), guard.Token);
        }
    }

    private async Task<int> PublishedAsync(string list, CancellationToken cancellationToken) =>
        (await GetAsync(list + "?state=published&page_size=1", cancellationToken))["count"]!.GetValue<int>();

    private async Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        JsonNode.Parse(await _http.GetStringAsync(path, cancellationToken))!;

    public void Dispose() => _http.Dispose();
}
