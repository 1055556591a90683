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

    private const string Instances = "executabletaskinstances/";

    /// <summary>23 instances, and their order on the server (newest first).</summary>
    private static async Task<(Harness H, Seq<InstanceUuid> Uuids)> StartWithInstancesAsync()
    {
        var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        // One after another, so no two share a creation time (a tie would move a slice's cut).
        for (var i = 0; i < Records; i++)
        {
            Ok(await h.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(type.Id, queue.Id) with { Name = $"i{i:00}" }));
        }

        var serverOrder = Ok(await h.Client.ExecutableTaskInstances.ListPageAsync(default, 1, 1000)).Results.Map(i => i.Uuid);
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

    // A list in id order is read in a first page and, when there is more, one request for the rest:
    // one query is a snapshot that a field changed mid-read cannot shift.
    [Fact]
    public async Task A_list_in_id_order_is_a_first_page_and_one_read_of_the_rest()
    {
        var (h, names) = await StartWithTypesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        var items = await Collect(client.ExecutableTaskTypes.Stream());
        Assert.Equal(names, items.Select(i => Ok(i).Name).ToSeq());
        Assert.Equal(2, h.Emu.Requests.Count("GET", Route));
        h.Emu.Requests.Reset();
        Assert.Equal(names, Ok(await client.ExecutableTaskTypes.ListAsync()).Map(t => t.Name));
        Assert.Equal(2, h.Emu.Requests.Count("GET", Route));
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

    // 23 instances, pages of 5, read-ahead 4: a first page tells the count and the newest time, the
    // creation times at offsets 6, 12 and 18 cut the rest into four slices of about 6, and the slices
    // are read side by side: 1 + 3 + 4 requests, in order, each instance once.
    [Fact]
    public async Task Instances_stream_from_a_first_page_and_a_few_time_slices_side_by_side()
    {
        var (h, uuids) = await StartWithInstancesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        var items = await Collect(client.ExecutableTaskInstances.Stream());
        Assert.Equal(uuids, items.Select(i => Ok(i).Uuid).ToSeq());
        Assert.Equal(1 + 3 + 4, h.Emu.Requests.Count("GET", Instances));

        h.Emu.Requests.Reset();
        Assert.Equal(uuids, Ok(await client.ExecutableTaskInstances.ListAsync()).Map(i => i.Uuid));
        Assert.Equal(1 + 3 + 4, h.Emu.Requests.Count("GET", Instances));

        // Without read-ahead, the rest is one slice.
        h.Emu.Requests.Reset();
        var sequential = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 0));
        Assert.Equal(uuids, (await Collect(sequential.ExecutableTaskInstances.Stream())).Select(i => Ok(i).Uuid).ToSeq());
        Assert.Equal(2, h.Emu.Requests.Count("GET", Instances));
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
    public async Task Stream_fetches_slices_ahead_of_the_consumer()
    {
        var (h, _) = await StartWithInstancesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        await using var e = client.ExecutableTaskInstances.Stream().GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());

        // Holding the first record: all four slices were requested without being asked for.
        await Eventually(() => h.Emu.Requests.Count("GET", Instances) == 8, "the four slices requested ahead");

        // With read-ahead 2 the rest is two slices of 12.
        h.Emu.Requests.Reset();
        var two = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 2));
        await using var t = two.ExecutableTaskInstances.Stream().GetAsyncEnumerator();
        Assert.True(await t.MoveNextAsync());
        await Eventually(() => h.Emu.Requests.Count("GET", Instances) == 1 + 1 + 2, "the first page, one cut and two slices");
    }

    [Fact]
    public async Task A_failing_slice_arrives_after_the_slices_before_it_and_ends_the_stream()
    {
        var (h, uuids) = await StartWithInstancesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4, maxRetries: 0));

        // The last slice is the one with no lower bound; it fails, the three before it arrive whole first.
        h.Emu.Faults.Add(Fault.MalformedJson(), Instances, "GET", query: "^(?!.*__gt=).*__lte=.*page_size=1000");
        var items = await Collect(client.ExecutableTaskInstances.Stream());
        items.ForEach(i => h.Observe(i));

        Assert.Equal(uuids.Take(18), items.Take(items.Count - 1).Select(i => Ok(i).Uuid).ToSeq());
        Assert.Contains("page_size=1000", Fails<UndecodableBody, ExecutableTaskInstance>(items[^1]).Message, StringComparison.Ordinal);

        // The collected form fails as a whole.
        Fails<UndecodableBody, Seq<ExecutableTaskInstance>>(h.Observe(await client.ExecutableTaskInstances.ListAsync()));
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
