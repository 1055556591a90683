using Saltant.Emulator;
using Xunit;

namespace Saltant.Client.Tests;

/// <summary>
/// The examples of the site's client pages (docs/articles/*-client.md), run against the emulator.
/// Like the README's, they are generated from the Markdown before every compile, so what runs here
/// is what the pages show.
/// </summary>
public sealed class DocsClientPageTests
{
    private static CancellationTokenSource HangGuard() => new(TimeSpan.FromMinutes(2));

    private static async Task<string> Run(Func<SaltantClient, CancellationToken, Task<string>> example, Action<SaltantEmulator>? check = null)
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var client = SaltantClient.Create(Harness.SettingsFor(emulator));
        using var guard = HangGuard();
        var report = await example(client, guard.Token);
        check?.Invoke(emulator);
        return report;
    }

    [Fact]
    public async Task The_users_page_reads_a_user_and_lists_by_email() =>
        Assert.Equal("alice@example.com; 3 users at example.com", await Run(UsersClientSnippets.UsersExample));

    [Fact]
    public async Task The_task_queues_page_makes_pauses_and_finds_a_queue() =>
        Assert.Equal("nightly is paused", await Run(TaskQueuesClientSnippets.TaskQueuesExample)); // read back after the patch

    [Fact]
    public async Task The_task_whitelists_page_widens_a_whitelist_with_a_container_type() =>
        Assert.Equal("tools: 1 executable, 1 container task types", await Run(TaskWhitelistsClientSnippets.TaskWhitelistsExample));

    [Fact]
    public async Task The_task_types_page_makes_one_type_of_each_kind() =>
        Assert.Equal("1 container type(s) from example/; greet is executable type 1", await Run(TaskTypesClientSnippets.TaskTypesExample));

    [Fact]
    public async Task The_task_instances_page_launches_three_and_waits_for_all() =>
        Assert.Equal("3 of 3 greetings succeeded", await Run(TaskInstancesClientSnippets.TaskInstancesExample,
            emulator => Assert.Equal(3, emulator.Requests.Count("POST", "executabletaskinstances/"))));

    [Fact]
    public async Task A_failing_step_is_the_pages_report_not_an_exception()
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        using var client = SaltantClient.Create(Harness.SettingsFor(emulator));
        using var guard = HangGuard();
        Assert.Equal("nightly is paused", await TaskQueuesClientSnippets.TaskQueuesExample(client, guard.Token));

        // Again: the name is taken now, so the server refuses the create and the report says so.
        var again = await TaskQueuesClientSnippets.TaskQueuesExample(client, guard.Token);

        Assert.Contains("name", again, StringComparison.Ordinal);
        Assert.Equal(2, emulator.Requests.Count("POST", "taskqueues/"));
    }
}
