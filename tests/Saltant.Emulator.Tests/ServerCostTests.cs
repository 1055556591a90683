using System.Net.Http.Headers;
using Saltant.Emulator.Cost;
using Saltant.Emulator.Faults;
using Saltant.Emulator.Worker;
using Xunit;
using Xunit.Abstractions;
using static Saltant.Emulator.Tests.TestSupport;

namespace Saltant.Emulator.Tests;

/// <summary>The server cost model, checked by counting what it charged and how many requests it served at once.</summary>
public sealed class ServerCostTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static async Task<SaltantEmulator> StartAsync(ServerCost? cost) =>
        await SaltantEmulator.StartAsync(new SaltantEmulatorOptions { ServerCost = cost, WorkerMode = WorkerMode.Manual });

    [Fact]
    public async Task A_page_is_charged_the_request_cost_plus_the_record_cost_of_each_record_in_its_results()
    {
        var model = ServerCost.Saltant;
        await using var emulator = await StartAsync(model);
        using var alice = ClientFor(emulator, "alice");
        for (int i = 0; i < 7; i++) Assert.Equal(201, (await SendAsync(alice, HttpMethod.Post, "taskqueues/", $$"""{"name":"q{{i}}"}""")).Status);

        async Task AssertChargeAsync(string path, int records, string? accept = null)
        {
            emulator.CostMeter.Reset();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            using var response = await alice.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, path);
            Assert.Equal(1, emulator.CostMeter.Requests);
            Assert.Equal(records, emulator.CostMeter.Records);
            Assert.Equal(model.PerRequest + model.PerRecord * records, emulator.CostMeter.Charged);
        }

        await AssertChargeAsync("taskqueues/?page_size=5", 5);
        await AssertChargeAsync("taskqueues/?page_size=5&page=2", 2);
        await AssertChargeAsync("taskqueues/", 7);
        await AssertChargeAsync("taskqueues/?page_size=5", 5, accept: "text/html");
        await AssertChargeAsync("taskqueues/1/", 0);
        await AssertChargeAsync("users/alice/", 0);
    }

    [Fact]
    public async Task The_saltant_preset_charges_the_measured_figures()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(18), ServerCost.Saltant.Charge(0));
        Assert.Equal(TimeSpan.FromMilliseconds(18 + 55), ServerCost.Saltant.Charge(100));
        Assert.Equal(TimeSpan.FromMilliseconds(18 + 1100), ServerCost.Saltant.Charge(2000));
        Assert.Equal(2, ServerCost.Saltant.Concurrency);

        // Instances list ten a page by default; ten records are charged.
        await using var emulator = await StartAsync(ServerCost.Saltant);
        using var alice = ClientFor(emulator, "alice");
        var (type, queue) = await SetUpExecutableAsync(alice, "true");
        for (int i = 0; i < 12; i++) await CreateInstanceAsync(alice, type, queue);
        emulator.CostMeter.Reset();
        Assert.Equal(200, (await SendAsync(alice, HttpMethod.Get, "executabletaskinstances/")).Status);
        Assert.Equal(10, emulator.CostMeter.Records);
        Assert.Equal(ServerCost.Saltant.Charge(10), emulator.CostMeter.Charged);
    }

    [Fact]
    public async Task Concurrent_requests_never_hold_more_slots_than_the_model_allows()
    {
        await using var emulator = await StartAsync(new ServerCost(TimeSpan.FromMilliseconds(20), TimeSpan.Zero, 2));
        using var alice = ClientFor(emulator, "alice");
        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => SendAsync(alice, HttpMethod.Get, "users/")));
        Assert.All(statuses, s => Assert.Equal(200, s.Status));
        output.WriteLine($"peak in service {emulator.CostMeter.PeakInService}, peak waiting {emulator.CostMeter.PeakWaiting}");
        Assert.InRange(emulator.CostMeter.PeakInService, 1, 2);
        Assert.Equal(16, emulator.CostMeter.Requests);
        Assert.Equal(0, emulator.CostMeter.InService);
        Assert.Equal(0, emulator.CostMeter.Waiting);
    }

    [Fact]
    public async Task A_request_waits_while_every_slot_is_held()
    {
        // One slot held for a long time: what waits can be seen waiting, without timing anything.
        var emulator = await StartAsync(new ServerCost(TimeSpan.FromHours(1), TimeSpan.Zero, 1));
        using var alice = ClientFor(emulator, "alice");
        var first = alice.GetAsync("users/");
        await UntilAsync(() => emulator.CostMeter.InService == 1);
        var second = alice.PostAsync("taskqueues/", JsonBody("""{"name":"waits"}"""));
        await UntilAsync(() => emulator.CostMeter.Waiting == 1);
        Assert.Equal(1, emulator.CostMeter.InService);
        Assert.Equal(1, emulator.CostMeter.Requests);

        await emulator.DisposeAsync();
        foreach (var pending in new[] { first, second })
        {
            try { (await pending).Dispose(); }
            catch (HttpRequestException) { /* the emulator stopped under it */ }
        }
    }

    [Fact]
    public async Task Requests_a_fault_stops_before_processing_cost_nothing()
    {
        await using var emulator = await StartAsync(ServerCost.Saltant);
        using var alice = ClientFor(emulator, "alice");
        emulator.Faults.Next(1, Fault.GatewayError(502));
        emulator.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(1)));
        Assert.Equal(502, (await SendAsync(alice, HttpMethod.Get, "users/")).Status);
        Assert.Equal(429, (await SendAsync(alice, HttpMethod.Get, "users/")).Status);
        Assert.Equal(0, emulator.CostMeter.Requests);
        Assert.Equal(200, (await SendAsync(alice, HttpMethod.Get, "users/")).Status);
        Assert.Equal(1, emulator.CostMeter.Requests);
    }

    [Fact]
    public async Task Without_a_model_nothing_is_charged()
    {
        await using var emulator = await StartAsync(null);
        using var alice = ClientFor(emulator, "alice");
        Assert.Equal(200, (await SendAsync(alice, HttpMethod.Get, "users/")).Status);
        Assert.Null(emulator.CostMeter.Model);
        Assert.Equal(0, emulator.CostMeter.Requests);
        Assert.Equal(TimeSpan.Zero, emulator.CostMeter.Charged);
    }

    [Fact]
    public void A_model_has_no_negative_cost_and_at_least_one_slot_however_it_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServerCost(TimeSpan.FromMilliseconds(-1), TimeSpan.Zero, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServerCost(TimeSpan.Zero, TimeSpan.FromMilliseconds(-1), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServerCost(TimeSpan.Zero, TimeSpan.Zero, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerCost.Saltant with { Concurrency = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerCost.Saltant with { PerRecord = TimeSpan.FromTicks(-1) });
        Assert.Equal(TimeSpan.MaxValue, new ServerCost(TimeSpan.Zero, TimeSpan.FromDays(1), 1).Charge(int.MaxValue));
    }

    [Fact]
    public void Fine_parts_override_a_preset_or_a_free_unlimited_model()
    {
        Assert.Null(ServerCost.Override(null, null, null, null));
        Assert.Same(ServerCost.Saltant, ServerCost.Override(ServerCost.Saltant, null, null, null));
        Assert.Equal(ServerCost.Saltant with { Concurrency = 4 }, ServerCost.Override(ServerCost.Saltant, null, null, 4));
        Assert.Equal(new ServerCost(TimeSpan.Zero, TimeSpan.FromMilliseconds(2), int.MaxValue), ServerCost.Override(null, null, TimeSpan.FromMilliseconds(2), null));
        Assert.Equal("18 ms per request + 0.55 ms per record, 2 requests at a time", ServerCost.Saltant.Describe());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!condition()) await Task.Delay(5, guard.Token);
    }
}
