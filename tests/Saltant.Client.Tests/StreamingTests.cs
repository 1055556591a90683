using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>Streaming lists page by page with read-ahead; one page with its count; failures as the last item.</summary>
public sealed class StreamingTests
{
    private const int Records = 23;
    private const string Route = "executabletasktypes/";

    private static async Task<(Harness H, Seq<string> Names)> StartWithTypesAsync()
    {
        var h = await Harness.StartAsync();
        var drafts = Enumerable.Range(0, Records).Select(i => new ExecutableTaskTypeDraft($"type-{i:00}", "true"));
        var created = Ok(await h.Client.ExecutableTaskTypes.CreateManyAsync(drafts));
        Assert.All(created, r => Ok(r));
        var serverOrder = Ok(await h.Client.ExecutableTaskTypes.ListPageAsync(default, 1, 1000)).Results.Map(t => t.Name);
        Assert.Equal(Records, serverOrder.Count);
        h.Emu.Requests.Reset();
        return (h, serverOrder);
    }

    private static async Task<List<Fin<T>>> Collect<T>(IAsyncEnumerable<Fin<T>> stream)
    {
        var items = new List<Fin<T>>();
        await foreach (var item in stream)
        {
            items.Add(item);
        }

        return items;
    }

    // 23 records, pages of 5, read-ahead 4: a first page tells the count, then the rest comes in
    // read-ahead parts of ceil(23 / 4) = 6 records side by side, not in five pages of 5.
    [Fact]
    public async Task Stream_yields_every_record_once_in_order_from_a_first_page_and_a_few_large_parts()
    {
        var (h, names) = await StartWithTypesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        var items = await Collect(client.ExecutableTaskTypes.Stream());
        Assert.Equal(names, items.Select(i => Ok(i).Name).ToSeq());
        Assert.Equal(1 + 4, h.Emu.Requests.Count("GET", Route));

        // The collected form is the same; without read-ahead the rest is one part.
        h.Emu.Requests.Reset();
        Assert.Equal(names, Ok(await client.ExecutableTaskTypes.ListAsync()).Map(t => t.Name));
        Assert.Equal(1 + 4, h.Emu.Requests.Count("GET", Route));
        h.Emu.Requests.Reset();
        var sequential = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 0));
        Assert.Equal(names, (await Collect(sequential.ExecutableTaskTypes.Stream())).Select(i => Ok(i).Name).ToSeq());
        Assert.Equal(1 + 1, h.Emu.Requests.Count("GET", Route));
    }

    [Fact]
    public async Task A_list_that_fits_the_first_page_costs_one_request()
    {
        var (h, names) = await StartWithTypesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 100));
        Assert.Equal(names, Ok(await client.ExecutableTaskTypes.ListAsync()).Map(t => t.Name));
        Assert.Equal(1, h.Emu.Requests.Count("GET", Route));
    }

    [Fact]
    public async Task Stream_of_a_filtered_or_empty_list()
    {
        var (h, _) = await StartWithTypesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5));
        var filtered = await Collect(client.ExecutableTaskTypes.Stream(Seq1(TaskTypeFilters<Executable>.Name.StartsWith("type-1"))));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"type-{i}").Order(), filtered.Select(i => Ok(i).Name).Order());
        Assert.Empty(await Collect(client.ContainerTaskTypes.Stream()));
    }

    [Fact]
    public async Task ListPage_gives_one_page_and_the_total_count()
    {
        var (h, names) = await StartWithTypesAsync();
        await using var _ = h;
        var page = Ok(await h.Client.ExecutableTaskTypes.ListPageAsync(default, 2, 5));
        Assert.Equal(Records, page.Count);
        Assert.Equal(names.Skip(5).Take(5), page.Results.Map(t => t.Name));
        Assert.True(page.Next.IsSome && page.Previous.IsSome);
        var last = Ok(await h.Client.ExecutableTaskTypes.ListPage(default, 5, 5).RunAsync());
        Assert.Equal(3, last.Results.Count);
        Assert.True(last.Next.IsNone);
        Fails<NotFound, Page<ExecutableTaskType>>(h.Observe(await h.Client.ExecutableTaskTypes.ListPageAsync(default, 6, 5)));
    }

    [Fact]
    public async Task Stream_fetches_parts_ahead_of_the_consumer()
    {
        var (h, _) = await StartWithTypesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        await using var e = client.ExecutableTaskTypes.Stream().GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());

        // Holding the first record: all four parts are requested without being asked for.
        await Eventually(() => h.Emu.Requests.Count("GET", Route) == 5, "the four parts requested ahead");

        // With read-ahead 2, two parts (of 12) are in flight at once, and no more.
        h.Emu.Requests.Reset();
        var two = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 2));
        await using var t = two.ExecutableTaskTypes.Stream().GetAsyncEnumerator();
        Assert.True(await t.MoveNextAsync());
        await Eventually(() => h.Emu.Requests.Count("GET", Route) == 3, "the first page and two parts");
    }

    [Fact]
    public async Task A_failing_part_ends_the_stream_with_a_Fail_item()
    {
        var (h, names) = await StartWithTypesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 2));
        h.Emu.Faults.Next(1, Fault.MalformedJson(), Route, "GET", query: "page=2");
        var items = new List<Fin<ExecutableTaskType>>();
        await foreach (var item in client.ExecutableTaskTypes.Stream())
        {
            items.Add(h.Observe(item));
        }

        // Parts of 12: the first arrives whole, then the second's failure.
        Assert.Equal(13, items.Count);
        Assert.Equal(names.Take(12), items.Take(12).Select(i => Ok(i).Name).ToSeq());
        var error = Fails<UndecodableBody, ExecutableTaskType>(items[^1]);
        Assert.Contains("page=2", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, h.Emu.Requests.Count("GET", Route));

        // The collected form fails as a whole.
        h.Emu.Faults.Next(1, Fault.MalformedJson(), Route, "GET", query: "page=2");
        Fails<UndecodableBody, Seq<ExecutableTaskType>>(h.Observe(await client.ExecutableTaskTypes.ListAsync()));
    }

    [Fact]
    public async Task A_failing_read_ahead_part_still_arrives_after_the_parts_before_it()
    {
        var (h, names) = await StartWithTypesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4, maxRetries: 0));

        // Every part after the first fails: the stream yields the first part and then one Fail.
        foreach (var page in new[] { "page=2", "page=3", "page=4" })
        {
            h.Emu.Faults.Add(Fault.GatewayError(503), Route, "GET", query: page);
        }

        var items = await Collect(client.ExecutableTaskTypes.Stream());
        items.ForEach(i => h.Observe(i));

        Assert.Equal(names.Take(6), items.Take(6).Select(i => Ok(i).Name).ToSeq());
        Assert.Equal(503, Fails<ServerFault, ExecutableTaskType>(items[^1]).Status);
        Assert.Equal(7, items.Count);
    }

    [Fact]
    public async Task Leaving_a_stream_early_is_quiet()
    {
        var (h, names) = await StartWithTypesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        h.Emu.Faults.Add(Fault.Latency(TimeSpan.FromMilliseconds(100)), Route, "GET");
        var taken = new List<string>();
        await foreach (var item in client.ExecutableTaskTypes.Stream())
        {
            taken.Add(Ok(item).Name);
            if (taken.Count == 7)
            {
                break;
            }
        }

        Assert.Equal(names.Take(7), taken.ToSeq());

        using var cts = new CancellationTokenSource();
        var items = new List<Fin<ExecutableTaskType>>();
        await foreach (var item in client.ExecutableTaskTypes.Stream(default, cts.Token))
        {
            items.Add(h.Observe(item));
            if (items.Count == 5)
            {
                await cts.CancelAsync();
            }
        }

        Assert.Equal(6, items.Count);
        Fails<Cancelled, ExecutableTaskType>(items[^1]);
    }

    [Fact]
    public async Task Instances_stream_newest_first_across_pages()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        var drafts = Enumerable.Range(0, 12).Select(i => TaskInstanceDraft.For(type.Id, queue.Id) with { Name = $"i{i}" });
        var created = Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(drafts)).Map(r => Ok(r)).ToArray();
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5));
        var streamed = (await Collect(client.ExecutableTaskInstances.Stream())).Select(i => Ok(i).Uuid).ToArray();
        Assert.Equal(12, streamed.Distinct().Count());
        Assert.Equal(created.Select(c => c.Uuid.Value).Order(), streamed.Select(u => u.Value).Order());
    }
}
