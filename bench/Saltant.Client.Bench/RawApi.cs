using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saltant.Client.Bench;

/// <summary>A task queue as a plain DTO: what a hand-written caller would deserialize into.</summary>
internal sealed record QueueDto(
    int Id,
    string User,
    string Name,
    string Description,
    bool Private,
    bool RunsExecutableTasks,
    bool RunsDockerContainerTasks,
    bool RunsSingularityContainerTasks,
    bool Active,
    int[] Whitelists);

/// <summary>A task instance as a plain DTO.</summary>
internal sealed record InstanceDto(
    Guid Uuid,
    string User,
    string Name,
    string State,
    string DatetimeCreated,
    string? DatetimeFinished,
    JsonElement Arguments,
    int TaskQueue,
    int TaskType);

/// <summary>One page of instances as a plain DTO.</summary>
internal sealed record InstancePageDto(int Count, string? Next, string? Previous, InstanceDto[] Results);

/// <summary>The hand-written baseline's serializer metadata (source-generated, snake_case, as fast as System.Text.Json goes).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(QueueDto))]
[JsonSerializable(typeof(InstancePageDto))]
internal sealed partial class RawJson : JsonSerializerContext;

/// <summary>
/// The hand-written baseline: one <see cref="HttpClient"/> with the same token header and pool
/// size as the client's, and System.Text.Json into plain DTOs. No retries, no typed errors.
/// </summary>
internal sealed class RawApi : IDisposable
{
    private readonly HttpClient http;

    internal RawApi(Uri apiRoot, string token)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, AllowAutoRedirect = false }) { BaseAddress = apiRoot };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    internal async Task<QueueDto> GetQueueAsync(int id)
    {
        using var response = await http.GetAsync($"taskqueues/{id}/", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(RawJson.Default.QueueDto).ConfigureAwait(false)
            ?? throw new InvalidOperationException("null queue");
    }

    internal async Task<InstancePageDto> InstancePageAsync(int page, int pageSize)
    {
        using var response = await http.GetAsync($"executabletaskinstances/?page={page}&page_size={pageSize}", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(RawJson.Default.InstancePageDto).ConfigureAwait(false)
            ?? throw new InvalidOperationException("null page");
    }

    /// <summary>Every instance, page after page (as a hand-written loop or saltant-py does); returns how many.</summary>
    internal async Task<long> CountAllInstancesAsync(int pageSize)
    {
        long count = 0;
        for (var page = 1; ; page++)
        {
            var body = await InstancePageAsync(page, pageSize).ConfigureAwait(false);
            count += body.Results.Length;
            if (body.Next is null)
            {
                return count;
            }
        }
    }

    /// <summary>Creates instances as fast as the server takes them, for seeding.</summary>
    internal async Task SeedInstancesAsync(int taskType, int taskQueue, int count, int concurrency = 32)
    {
        var body = $$$"""{"name":"seeded","task_type":{{{taskType}}},"task_queue":{{{taskQueue}}},"arguments":{"x":1}}""";
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("executabletaskinstances/", content).ConfigureAwait(false);
                if ((int)response.StatusCode != 201)
                {
                    throw new InvalidOperationException($"seeding failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
                }
            }
        })).ConfigureAwait(false);
    }

    public void Dispose() => http.Dispose();
}
