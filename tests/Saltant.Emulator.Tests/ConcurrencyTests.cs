using System.Net;
using System.Text.Json.Nodes;
using Saltant.Emulator.Worker;
using Xunit;
using static Saltant.Emulator.Tests.TestSupport;

namespace Saltant.Emulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Hundreds_of_concurrent_creates_get_unique_uuids_and_pages_cover_each_once()
    {
        await using var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual });
        using var alice = ClientFor(emulator, "alice");
        var (type, queue) = await SetUpExecutableAsync(alice, "true");

        var uuids = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => CreateInstanceAsync(alice, type, queue)));
        Assert.Equal(400, uuids.Distinct().Count());

        var seen = new List<string>();
        string? next = "executabletaskinstances/?page_size=7";
        while (next is not null)
        {
            var page = JsonNode.Parse(await alice.GetStringAsync(next))!;
            Assert.Equal(400, page["count"]!.GetValue<int>());
            seen.AddRange(page["results"]!.AsArray().Select(r => r!["uuid"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
        }
        Assert.Equal(400, seen.Count);
        Assert.Equal(uuids.OrderBy(u => u), seen.OrderBy(u => u));
    }

    [Fact]
    public async Task Concurrent_creates_with_one_name_make_exactly_one_object_and_ids_stay_dense()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        using var bob = ClientFor(emulator, "bob");
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? alice : bob).PostAsync("taskwhitelists/", JsonBody("""{"name":"same"}"""))));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(199, results.Count(r => r.StatusCode == HttpStatusCode.BadRequest));

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
            (await SendAsync(alice, HttpMethod.Post, "taskwhitelists/", $$"""{"name":"wl-{{i}}"}""")).Body!["id"]!.GetValue<int>()));
        Assert.Equal(Enumerable.Range(2, 200), created.Order());
    }

    [Fact]
    public async Task Concurrent_updates_and_reads_never_see_a_half_written_queue()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var alice = ClientFor(emulator, "alice");
        await SendAsync(alice, HttpMethod.Post, "taskqueues/", """{"name":"q","private":false,"active":true}""");
        var writes = Enumerable.Range(0, 200).Select(i => SendAsync(alice, HttpMethod.Patch, "taskqueues/1/",
            i % 2 == 0 ? """{"private":true,"active":false}""" : """{"private":false,"active":true}"""));
        var reads = Enumerable.Range(0, 200).Select(async _ =>
        {
            var q = (await SendAsync(alice, HttpMethod.Get, "taskqueues/1/")).Body!;
            Assert.NotEqual(q["private"]!.GetValue<bool>(), q["active"]!.GetValue<bool>());
            return 0;
        });
        var done = await Task.WhenAll(writes);
        await Task.WhenAll(reads);
        Assert.All(done, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Many_emulators_run_side_by_side_without_sharing_state()
    {
        var emulators = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SaltantEmulator.StartAsync()));
        try
        {
            Assert.Equal(5, emulators.Select(e => e.ApiUrl.Port).Distinct().Count());
            for (int i = 0; i < emulators.Length; i++)
            {
                using var c = ClientFor(emulators[i], "alice");
                for (int j = 0; j <= i; j++) await SendAsync(c, HttpMethod.Post, "taskqueues/", $$"""{"name":"q{{j}}"}""");
            }
            for (int i = 0; i < emulators.Length; i++)
            {
                using var c = ClientFor(emulators[i], "alice");
                Assert.Equal(i + 1, (await SendAsync(c, HttpMethod.Get, "taskqueues/")).Body!["count"]!.GetValue<int>());
                // A token from another emulator is unknown here.
                using var other = ClientFor(emulators[(i + 1) % emulators.Length], "alice");
                other.BaseAddress = emulators[i].ApiUrl;
                Assert.Equal(403, (await SendAsync(other, HttpMethod.Get, "users/")).Status);
            }
        }
        finally
        {
            foreach (var e in emulators) await e.DisposeAsync();
        }
    }
}
