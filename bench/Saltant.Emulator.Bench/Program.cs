using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Saltant.Emulator;
using Saltant.Emulator.Worker;

// Load harness: detail GETs/s and 100-item list pages/s over loopback, then memory held by 100,000 instances.
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
const int Concurrency = 32;

await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual });
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = emulator.ApiUrl };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", emulator.User("alice").Token);

async Task<JsonNode> Post(string path, string json)
{
    using var res = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
    return JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
}

var type = (await Post("executabletasktypes/", """{"name":"bench","command_to_run":"true","required_arguments":["x"],"required_arguments_default_values":{"x":0}}"""))["id"];
var wl = (await Post("taskwhitelists/", $$"""{"name":"bench","whitelisted_executable_task_types":[{{type}}]}"""))["id"];
var queue = (await Post("taskqueues/", $$"""{"name":"bench","whitelists":[{{wl}}]}"""))["id"];
var body = $$$"""{"name":"bench","task_type":{{{type}}},"task_queue":{{{queue}}},"arguments":{"x":1}}""";
string uuid = "";
for (int i = 0; i < 100; i++) uuid = (await Post("executabletaskinstances/", body))["uuid"]!.GetValue<string>();

async Task<double> Rate(string path)
{
    for (int i = 0; i < 200; i++) await client.GetStringAsync(path); // warm-up
    long count = 0;
    var sw = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
    {
        while (sw.Elapsed < until)
        {
            using var res = await client.GetAsync(path);
            await res.Content.ReadAsByteArrayAsync();
            if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)res.StatusCode}");
            Interlocked.Increment(ref count);
        }
    }));
    return count / sw.Elapsed.TotalSeconds;
}

Console.WriteLine($"detail GET: {await Rate($"executabletaskinstances/{uuid}/"):F0} requests/s ({Concurrency} concurrent, {seconds}s)");
Console.WriteLine($"list page of 100: {await Rate("executabletaskinstances/?page_size=100"):F0} requests/s ({Concurrency} concurrent, {seconds}s)");

GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
long before = GC.GetTotalMemory(true);
var created = 100;
var sw2 = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async w =>
{
    while (Interlocked.Increment(ref created) <= 100_000)
    {
        using var res = await client.PostAsync("executabletaskinstances/", new StringContent(body, Encoding.UTF8, "application/json"));
        if ((int)res.StatusCode != 201) throw new InvalidOperationException("create failed");
    }
}));
var createRate = 99_900 / sw2.Elapsed.TotalSeconds;
await emulator.Worker.RunUntilIdleAsync();
long after = GC.GetTotalMemory(true);
Console.WriteLine($"creates: {createRate:F0} requests/s");
Console.WriteLine($"100,000 instances: {(after - before) / 1024.0 / 1024.0:F1} MB managed heap growth, {after / 1024.0 / 1024.0:F1} MB total managed heap, {Environment.WorkingSet / 1024.0 / 1024.0:F1} MB process working set");
Console.WriteLine($"list page of 100 with 100,000 stored: {await Rate("executabletaskinstances/?page_size=100"):F0} requests/s");
