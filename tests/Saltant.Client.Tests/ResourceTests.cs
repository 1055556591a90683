using LanguageExt;
using Saltant.Domain;
using Xunit;
using static LanguageExt.Prelude;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>Users, queues, whitelists and task types: saltant-py's managers and model methods, over real HTTP.</summary>
public sealed class ResourceTests
{
    [Fact]
    public async Task Users_are_listed_filtered_and_read_by_username()
    {
        await using var h = await Harness.StartAsync();
        var users = h.Client.Users;
        Assert.Equal(["admin", "alice", "bob"], Ok(await users.ListAsync()).Map(u => u.Username.Value).ToArray());
        var filtered = Ok(await users.ListAsync(Seq1(UserFilters.Username.Is("bob"))));
        Assert.Equal(new User(new Username("bob"), "bob@example.com"), Assert.Single(filtered));
        Assert.Equal(2, Ok(await users.ListAsync(Seq1(UserFilters.Email.StartsWith("a")))).Count);

        var alice = Ok(await users.GetAsync(new Username("alice")));
        Assert.Equal("alice@example.com", alice.Email);
        Assert.Equal(alice, Ok(await users.SyncAsync(alice)));
        Fails<NotFound, User>(h.Observe(await users.GetAsync(new Username("nobody"))));
        var page = Ok(await users.ListPageAsync(default, 1, 2));
        Assert.Equal(3, page.Count);
        Assert.Equal(2, page.Results.Count);
    }

    [Fact]
    public async Task Queues_are_created_with_the_server_defaults_and_found_by_id_and_name()
    {
        await using var h = await Harness.StartAsync();
        var queues = h.Client.TaskQueues;
        var created = Ok(await queues.CreateAsync(new TaskQueueDraft("q-defaults")));
        Assert.Equal(new Username("alice"), created.User);
        Assert.Equal("", created.Description);
        Assert.False(created.Private);
        Assert.True(created.RunsExecutableTasks && created.RunsDockerContainerTasks && created.RunsSingularityContainerTasks && created.Active);
        Assert.True(created.Whitelists.IsEmpty);
        Assert.Equal(1, h.Emu.Requests.Count("POST", "taskqueues/"));

        Assert.Equal(created, Ok(await queues.GetAsync(created.Id)));
        Assert.Equal(created, Ok(await queues.GetByNameAsync("q-defaults")));
        Assert.Equal(Some(created), Ok(await queues.FindByNameAsync("q-defaults")));
        Assert.Equal(Option<TaskQueue>.None, Ok(await queues.FindByNameAsync("q-absent")));
        var missing = Fails<NameNotFound, TaskQueue>(h.Observe(await queues.GetByNameAsync("q-absent")));
        Assert.Equal("q-absent", missing.Name);
        Fails<NotFound, TaskQueue>(h.Observe(await queues.GetAsync(new TaskQueueId(9999))));
    }

    [Fact]
    public async Task Queues_are_listed_with_filters()
    {
        await using var h = await Harness.StartAsync();
        var bob = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Token(h.Emu.User("bob").Token)));
        Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft("alpha")));
        Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft("beta") { Active = false }));
        Ok(await bob.TaskQueues.CreateAsync(new TaskQueueDraft("gamma")));

        Assert.Equal(3, Ok(await h.Client.TaskQueues.ListAsync()).Count);
        Assert.Equal(["gamma"], Ok(await h.Client.TaskQueues.ListAsync(Seq1(TaskQueueFilters.Owner.Is("bob")))).Map(q => q.Name).ToArray());
        Assert.Equal(["beta"], Ok(await h.Client.TaskQueues.ListAsync(Seq1(TaskQueueFilters.Active.Is(false)))).Map(q => q.Name).ToArray());
        Assert.Equal(["alpha"], Ok(await h.Client.TaskQueues.ListAsync(Seq(TaskQueueFilters.Owner.Is("alice"), TaskQueueFilters.Name.StartsWith("al")))).Map(q => q.Name).ToArray());
    }

    [Fact]
    public async Task A_queue_patch_changes_only_the_given_fields()
    {
        await using var h = await Harness.StartAsync();
        var queues = h.Client.TaskQueues;
        var q = Ok(await queues.CreateAsync(new TaskQueueDraft("q-patch") { Description = "keep me", Private = true, RunsDockerContainerTasks = false }));
        var patched = Ok(await queues.PatchAsync(q.Id, new TaskQueuePatch { Active = false }));
        Assert.Equal(q with { Active = false }, patched);
        Assert.Equal(patched, Ok(await queues.SyncAsync(q)));
        Assert.Equal(1, h.Emu.Requests.Count("PATCH", $"taskqueues/{q.Id}/"));
    }

    [Fact]
    public async Task A_queue_put_replaces_every_field_and_a_record_in_hand_can_be_put_back()
    {
        await using var h = await Harness.StartAsync();
        var queues = h.Client.TaskQueues;
        var wl = Ok(await h.Client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft("wl-for-put")));
        var q = Ok(await queues.CreateAsync(new TaskQueueDraft("q-put") { Description = "old", Private = true }));
        var put = Ok(await queues.PutAsync(q.Id, new TaskQueueDraft("q-put-renamed")
        {
            Description = "new",
            Private = false,
            RunsExecutableTasks = false,
            RunsDockerContainerTasks = false,
            RunsSingularityContainerTasks = true,
            Active = false,
            Whitelists = Seq1(wl.Id),
        }));
        Assert.Equal(new TaskQueue(q.Id, q.User, "q-put-renamed", "new", false, false, false, true, false, Seq1(wl.Id)), put);

        // saltant-py's queue.put(): edit the record in hand, write it all back.
        var edited = put with { Description = "edited in hand", Active = true };
        Assert.Equal(edited, Ok(await queues.PutAsync(edited)));
        Assert.Equal(edited, Ok(await queues.Put(edited).Bind(_ => queues.Sync(edited)).RunAsync()));
    }

    [Fact]
    public async Task Whitelists_are_created_listed_found_patched_put_and_synced()
    {
        await using var h = await Harness.StartAsync();
        var (type, _) = await h.ExecutableSetupAsync(name: "wltype");
        var whitelists = h.Client.TaskWhitelists;
        var created = Ok(await whitelists.CreateAsync(new TaskWhitelistDraft("wl-a")));
        Assert.Equal(new TaskWhitelist(created.Id, new Username("alice"), "wl-a", "", Seq<TaskTypeId<Container>>(), Seq<TaskTypeId<Executable>>()), created);
        Assert.Equal(created, Ok(await whitelists.GetAsync(created.Id)));
        Assert.Equal(created, Ok(await whitelists.GetByNameAsync("wl-a")));
        Assert.True(Ok(await whitelists.FindByNameAsync("wl-none")).IsNone);
        Fails<NameNotFound, TaskWhitelist>(h.Observe(await whitelists.GetByNameAsync("wl-none")));
        Assert.Equal(["wl-a"], Ok(await whitelists.ListAsync(Seq1(TaskWhitelistFilters.Name.Contains("-a")))).Map(w => w.Name).ToArray());

        var patched = Ok(await whitelists.PatchAsync(created.Id, new TaskWhitelistPatch { WhitelistedExecutableTaskTypes = Seq1(type.Id) }));
        Assert.Equal(created with { WhitelistedExecutableTaskTypes = Seq1(type.Id) }, patched);

        var put = Ok(await whitelists.PutAsync(created.Id, new TaskWhitelistDraft("wl-b") { Description = "all new" }));
        Assert.Equal(created with { Name = "wl-b", Description = "all new" }, put);
        var edited = put with { Description = "in hand" };
        Assert.Equal(edited, Ok(await whitelists.PutAsync(edited)));
        Assert.Equal(edited, Ok(await whitelists.SyncAsync(put)));
    }

    [Fact]
    public async Task Executable_task_types_are_created_listed_found_put_and_synced()
    {
        await using var h = await Harness.StartAsync();
        var types = h.Client.ExecutableTaskTypes;
        var created = Ok(await types.CreateAsync(new ExecutableTaskTypeDraft("echo-type", "echo hi")));
        Assert.Equal("", created.Description);
        Assert.True(created.EnvironmentVariables.IsEmpty && created.RequiredArguments.IsEmpty);
        Assert.Equal(Json.EmptyObject, created.RequiredArgumentsDefaultValues);
        Assert.Null(created.JsonFileOption);
        Assert.Equal(new Username("alice"), created.User);

        Assert.Equal(created, Ok(await types.GetAsync(created.Id)));
        Assert.Equal(created, Ok(await types.GetByNameAsync("echo-type")));
        Fails<NameNotFound, ExecutableTaskType>(h.Observe(await types.GetByNameAsync("no-such-type")));
        Ok(await types.CreateAsync(new ExecutableTaskTypeDraft("other-type", "true")));
        Assert.Equal(2, Ok(await types.ListAsync()).Count);
        Assert.Equal(["echo-type"], Ok(await types.ListAsync(Seq1(TaskTypeFilters<Executable>.CommandToRun.Contains("echo")))).Map(t => t.Name).ToArray());

        var put = Ok(await types.PutAsync(created.Id, new ExecutableTaskTypeDraft("echo-type", "echo {n}")
        {
            Description = "counts",
            RequiredArguments = Seq1("n"),
            RequiredArgumentsDefaultValues = Json.Object(("n", Json.Of(3L))),
            JsonFileOption = "--json",
        }));
        Assert.Equal("echo {n}", put.CommandToRun);
        Assert.Equal("--json", put.JsonFileOption);
        Assert.Equal(Seq1("n"), put.RequiredArguments);
        var edited = put with { Description = "edited" };
        Assert.Equal(edited, Ok(await types.PutAsync(edited)));
        Assert.Equal(edited, Ok(await types.SyncAsync(put)));
    }

    [Fact]
    public async Task Container_task_types_are_created_listed_found_put_and_synced()
    {
        await using var h = await Harness.StartAsync();
        var types = h.Client.ContainerTaskTypes;
        var created = Ok(await types.CreateAsync(new ContainerTaskTypeDraft("busy", "echo hi", "docker://busybox:latest", ContainerType.Docker)));
        Assert.Null(created.LogsPath);
        Assert.Null(created.ResultsPath);
        Assert.Equal(ContainerType.Docker, created.ContainerType);
        Assert.Equal(created, Ok(await types.GetAsync(created.Id)));
        Assert.Equal(created, Ok(await types.GetByNameAsync("busy")));
        Assert.True(Ok(await types.FindByNameAsync("lazy")).IsNone);
        Assert.Equal([created], Ok(await types.ListAsync(Seq1(ContainerTaskTypeFilters.ContainerType.Is(ContainerType.Docker)))).ToArray());

        var put = Ok(await types.PutAsync(created.Id, new ContainerTaskTypeDraft("busy", "ls", "shub://vsoch/hello-world", ContainerType.Singularity)
        {
            LogsPath = "/logs",
            ResultsPath = "/results",
            EnvironmentVariables = Seq1("HOME"),
        }));
        Assert.Equal(ContainerType.Singularity, put.ContainerType);
        Assert.Equal("/logs", put.LogsPath);
        Assert.Equal(Seq1("HOME"), put.EnvironmentVariables);
        var edited = put with { Description = "edited", ResultsPath = null };
        Assert.Equal(edited, Ok(await types.PutAsync(edited)));
        Assert.Equal(edited, Ok(await types.SyncAsync(created)));
    }

    [Fact]
    public async Task Another_users_record_cannot_be_changed()
    {
        await using var h = await Harness.StartAsync();
        var bob = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Token(h.Emu.User("bob").Token)));
        var q = Ok(await h.Client.TaskQueues.CreateAsync(new TaskQueueDraft("alices")));
        Fails<PermissionDenied, TaskQueue>(h.Observe(await bob.TaskQueues.PatchAsync(q.Id, new TaskQueuePatch { Description = "mine now" })));
        var dup = Fails<ValidationFailed, TaskQueue>(h.Observe(await bob.TaskQueues.CreateAsync(new TaskQueueDraft("alices"))));
        Assert.NotEmpty(dup.MessagesFor("name"));
    }
}
