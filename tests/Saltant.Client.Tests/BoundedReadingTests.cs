using System.Diagnostics;
using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>
/// Reading ends, in bounded requests, memory and time, whatever a server sends: a next link that
/// loops, a body without end, a Retry-After given as a date.
/// </summary>
/// <remarks>
/// Serial: the memory bound is read off the process's allocation counter, which tests running
/// beside it would inflate (150 MB in 0.6 s was seen under a loaded CI run).
/// </remarks>
[Collection(SerialCollection.Name)]
public sealed class BoundedReadingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_next_link_that_points_back_ends_the_read_with_BrokenPagination(bool toFirstPage)
    {
        await using var h = await Harness.StartAsync(settings: emu => Harness.SettingsFor(emu, pageSize: 2));
        for (var i = 0; i < 3; i++)
        {
            Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft($"q{i}")));
        }

        h.Emu.Requests.Reset();
        h.Emu.Faults.Add(Fault.LoopingNext(toFirstPage), "taskqueues/", "GET");

        var listed = await HangGuard.Within(h.Client.TaskQueues.ListAsync(), "a list whose next link loops");
        var streamed = new List<Fin<TaskQueue>>();
        await foreach (var item in h.Client.TaskQueues.Stream())
        {
            streamed.Add(h.Observe(item));
        }

        Assert.Contains("does not point at page 2", Fails<BrokenPagination, Seq<TaskQueue>>(h.Observe(listed)).Message, StringComparison.Ordinal);
        Fails<BrokenPagination, TaskQueue>(Assert.Single(streamed));
        Assert.Equal(2, h.Emu.Requests.Count("GET", "taskqueues/"));
    }

    [Fact]
    public async Task Every_page_past_the_first_keeps_its_promises_or_the_read_ends()
    {
        await using var h = await Harness.StartAsync(settings: emu => Harness.SettingsFor(emu, pageSize: 2, readAheadPages: 2));
        var (type, queue) = await h.ExecutableSetupAsync();
        Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, 9).Select(_ => TaskInstanceDraft.For(type.Id, queue.Id))));
        h.Emu.Requests.Reset();

        // Instances are read in time slices, each from page 1: a slice page whose next link loops ends it.
        h.Emu.Faults.Add(Fault.LoopingNext(), "executabletaskinstances/", "GET", query: "datetime_created__lte");
        var listed = await HangGuard.Within(h.Client.ExecutableTaskInstances.ListAsync(), "an instance list whose slices loop");

        Fails<BrokenPagination, Seq<ExecutableTaskInstance>>(h.Observe(listed));
        Assert.True(h.Emu.Requests.Count("GET", "executabletaskinstances/") <= 1 + 2 + 3, "a bounded number of requests");
    }

    [Fact]
    public async Task An_endless_body_ends_with_ResponseTooLarge_in_bounded_memory()
    {
        await using var h = await Harness.StartAsync();
        var small = h.NewClient(Ok(Harness.SettingsFor(h.Emu).WithMaxResponseSize(2)));
        h.Emu.Faults.Add(Fault.EndlessBody(), "taskqueues/", "GET");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var page = await HangGuard.Within(small.TaskQueues.ListPageAsync(), "a list page whose body never ends");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var error = Fails<ResponseTooLarge, Page<TaskQueue>>(h.Observe(page));
        Assert.Equal(2L * 1024 * 1024, error.Limit);
        Assert.Equal(1, h.Emu.Requests.Count("GET", "taskqueues/"));

        // The limit is 2 MiB; reading grows one buffer to it (doubling), never the whole endless body.
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated:N0} bytes allocated while reading");
    }

    [Fact]
    public async Task A_body_longer_than_the_limit_that_says_so_is_refused_before_it_is_read()
    {
        await using var h = await Harness.StartAsync();
        var small = h.NewClient(Ok(Harness.SettingsFor(h.Emu).WithMaxResponseSize(1)));
        h.Emu.Faults.Next(1, Fault.EndlessBody(length: 3L * 1024 * 1024, declareLength: true), "taskqueues/", "GET");

        Fails<ResponseTooLarge, Page<TaskQueue>>(h.Observe(await HangGuard.Within(small.TaskQueues.ListPageAsync(), "a declared 3 MiB body")));
    }

    [Fact]
    public async Task A_retry_after_given_as_an_http_date_is_waited_for()
    {
        await using var h = await Harness.StartAsync();
        h.Emu.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds(2), asHttpDate: true), "users/", "GET");
        var clock = Stopwatch.StartNew();

        Ok(h.Observe(await h.Client.Users.ListPageAsync()));

        // The date is rounded up to the next whole second, so the server asked for at least one
        // second and up to three; the harness's retry delays are 10 to 50 ms, so only the date can
        // explain a wait of a second. (A lower bound: a slow machine cannot make it fail.)
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(2, h.Emu.Requests.Count("GET", "users/"));
    }
}
