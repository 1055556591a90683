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

    /// <summary>A filter on the state, which changes: the list is then read in time slices.</summary>
    private static readonly Filter<TaskInstance<Executable>> Unfinished =
        TaskInstanceFilters<Executable>.State.In(TaskState.CreatedState, TaskState.PublishedState, TaskState.RunningState);

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

    // 23 instances, pages of 5, read-ahead 4: a first page of five tells the count and its last
    // creation time; the 19 created at or before it (the fifth again, dropped as seen) cannot change,
    // so they are read by page number in parts of 5 (19 spread over the read-ahead, at least a page),
    // four side by side.
    [Fact]
    public async Task Instances_stream_from_a_first_page_and_parts_side_by_side()
    {
        var (h, uuids) = await StartWithInstancesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        var items = await Collect(client.ExecutableTaskInstances.Stream());
        Assert.Equal(uuids, items.Select(i => Ok(i).Uuid).ToSeq());
        Assert.Equal(1 + 4, h.Emu.Requests.Count("GET", Instances));

        h.Emu.Requests.Reset();
        Assert.Equal(uuids, Ok(await client.ExecutableTaskInstances.ListAsync()).Map(i => i.Uuid));
        Assert.Equal(1 + 4, h.Emu.Requests.Count("GET", Instances));

        // Without read-ahead, one part of all 23.
        h.Emu.Requests.Reset();
        var sequential = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 0));
        Assert.Equal(uuids, (await Collect(sequential.ExecutableTaskInstances.Stream())).Select(i => Ok(i).Uuid).ToSeq());
        Assert.Equal(1 + 1, h.Emu.Requests.Count("GET", Instances));
    }

    // A first page that holds the whole list ends the read, unless it is full: the real server counts
    // and reads the page in two queries, so a full page without a next link may have lost its oldest
    // record to one created between them, and the records at or before its last are read again.
    [Fact]
    public async Task A_full_first_page_is_read_on_from_its_last_record_and_a_short_one_is_the_list()
    {
        var (h, uuids) = await StartWithInstancesAsync();
        await using var _ = h;
        var whole = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: Records, readAheadPages: 4));
        Assert.Equal(uuids, Ok(await whole.ExecutableTaskInstances.ListAsync()).Map(i => i.Uuid));
        Assert.Equal(1 + 1, h.Emu.Requests.Count("GET", Instances));

        h.Emu.Requests.Reset();
        var larger = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: Records + 1, readAheadPages: 4));
        Assert.Equal(uuids, Ok(await larger.ExecutableTaskInstances.ListAsync()).Map(i => i.Uuid));
        Assert.Equal(1, h.Emu.Requests.Count("GET", Instances));
    }

    // Filtered by state, which changes while the list is read, the 19 at or before the first page's
    // last are cut into time slices at the creation times at offsets 6, 11 and 16 (three one-record
    // reads), and the four slices are read by their times: 1 + 3 + 4 requests.
    [Fact]
    public async Task Instances_filtered_by_state_stream_in_time_slices()
    {
        var (h, uuids) = await StartWithInstancesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        var items = await Collect(client.ExecutableTaskInstances.Stream(Seq1(Unfinished)));
        Assert.Equal(uuids, items.Select(i => Ok(i).Uuid).ToSeq());
        Assert.Equal(1 + 3 + 4, h.Emu.Requests.Count("GET", Instances));
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
        var (h, _) = await StartWithInstancesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4));
        await using var e = client.ExecutableTaskInstances.Stream().GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());

        // Holding the first record (of the first page, read already): the four parts after it (the
        // read-ahead) were requested without being asked for, and no more.
        await Eventually(() => h.Emu.Requests.Count("GET", Instances) == 1 + 4, "four parts requested ahead");
        await Task.Delay(50);
        Assert.Equal(1 + 4, h.Emu.Requests.Count("GET", Instances));

        // With read-ahead 2 (parts of 10), two parts, no more.
        h.Emu.Requests.Reset();
        var two = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 2));
        await using var t = two.ExecutableTaskInstances.Stream().GetAsyncEnumerator();
        Assert.True(await t.MoveNextAsync());
        await Eventually(() => h.Emu.Requests.Count("GET", Instances) == 1 + 2, "the first page and two parts");
        await Task.Delay(50);
        Assert.Equal(1 + 2, h.Emu.Requests.Count("GET", Instances));
    }

    [Fact]
    public async Task A_failing_slice_arrives_after_the_slices_before_it_and_ends_the_stream()
    {
        var (h, uuids) = await StartWithInstancesAsync();
        await using var _ = h;
        var client = h.NewClient(Harness.SettingsFor(h.Emu, pageSize: 5, readAheadPages: 4, maxRetries: 0));

        // The last slice is the one with no lower bound; it fails, the slices before it arrive whole first.
        h.Emu.Faults.Add(Fault.MalformedJson(), Instances, "GET", query: "^(?!.*__gt=).*__lte=.*page_size=1000");
        var items = await Collect(client.ExecutableTaskInstances.Stream(Seq1(Unfinished)));
        items.ForEach(i => h.Observe(i));

        Assert.Equal(uuids.Take(items.Count - 1), items.Take(items.Count - 1).Select(i => Ok(i).Uuid).ToSeq());
        Assert.InRange(items.Count - 1, 15, 22);
        Assert.Contains("page_size=1000", Fails<UndecodableBody, ExecutableTaskInstance>(items[^1]).Message, StringComparison.Ordinal);

        // The collected form fails as a whole.
        Fails<UndecodableBody, Seq<ExecutableTaskInstance>>(h.Observe(await client.ExecutableTaskInstances.ListAsync(Seq1(Unfinished))));
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
