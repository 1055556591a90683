using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Saltant.Emulator.Tests;

/// <summary>Small helpers shared by the behaviour tests: clients per user and JSON calls.</summary>
internal static class TestSupport
{
    public static HttpClient ClientFor(SaltantEmulator emulator, string user)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.ApiUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", emulator.User(user).Token);
        return client;
    }

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<(int Status, JsonNode? Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (json is not null) req.Content = JsonBody(json);
        using var res = await client.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return ((int)res.StatusCode, text.Length > 0 && res.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null);
    }

    /// <summary>alice's executable task type with the given command, on a queue whitelisting it.</summary>
    public static async Task<(int TypeId, int QueueId)> SetUpExecutableAsync(HttpClient alice, string command, string name = "t")
    {
        var (_, type) = await SendAsync(alice, HttpMethod.Post, "executabletasktypes/", $$"""{"name":"{{name}}","command_to_run":"{{command}}"}""");
        int typeId = type!["id"]!.GetValue<int>();
        var (_, wl) = await SendAsync(alice, HttpMethod.Post, "taskwhitelists/", $$"""{"name":"{{name}}-wl","whitelisted_executable_task_types":[{{typeId}}]}""");
        var (_, q) = await SendAsync(alice, HttpMethod.Post, "taskqueues/", $$"""{"name":"{{name}}-q","whitelists":[{{wl!["id"]}}]}""");
        return (typeId, q!["id"]!.GetValue<int>());
    }

    public static async Task<string> CreateInstanceAsync(HttpClient client, int typeId, int queueId)
    {
        var (status, body) = await SendAsync(client, HttpMethod.Post, "executabletaskinstances/", $$"""{"task_type":{{typeId}},"task_queue":{{queueId}}}""");
        if (status != 201) throw new InvalidOperationException($"create failed: {status} {body}");
        return body!["uuid"]!.GetValue<string>();
    }

    public static async Task<JsonNode> GetInstanceAsync(HttpClient client, string uuid) =>
        (await SendAsync(client, HttpMethod.Get, $"executabletaskinstances/{uuid}/")).Body!;
}
