using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Xunit;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>What one operation under test is: its request, how to run it, and what success returns.</summary>
/// <param name="Method">The HTTP method it sends.</param>
/// <param name="Path">The path it sends to (below the API root, no query).</param>
/// <param name="Run">Runs it once through the client; the result is summarized as text.</param>
/// <param name="Expected">The summary a success must have.</param>
/// <param name="Records">Counts the records the operation could create (for create and clone).</param>
public sealed record Target(string Method, string Path, Func<Task<Fin<string>>> Run, string Expected, Func<Task<int>>? Records);

/// <summary>
/// One emulator per operation class, with short retry delays. Every fault the emulator can inject is
/// run against the operation; the outcome is success after retry or the right typed error, never an
/// exception, and unsafe requests reach the server exactly once.
/// </summary>
public abstract class FaultMatrix : IAsyncLifetime
{
    /// <summary>
    /// The per-request timeout of the client that meets the long latency, which holds a request for
    /// an hour: every attempt times out however slow the machine. Seconds, so that on a loaded
    /// machine each attempt still reaches the server before its timeout and is counted.
    /// </summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private const int MaxRetries = 2;

    private SaltantClient patient = null!;

    private SaltantClient impatient = null!;

    private protected Harness H { get; private set; } = null!;

    /// <summary>
    /// The client under test, two retries: for the long latency one with <see cref="Timeout"/>, for
    /// every other fault one whose timeout is the hang guard, so that no slowness of the machine can
    /// turn a fault that should succeed into a timeout and a resend (setup uses the harness's client).
    /// </summary>
    protected SaltantClient C { get; private set; } = null!;

    protected ExecutableTaskType Type { get; private set; } = null!;

    protected TaskQueue Queue { get; private set; } = null!;

    public static TheoryData<string> Faults { get; } =
    [
        "latency-short", "latency-long", "gateway-502", "gateway-503", "gateway-504", "too-many-requests",
        "reset-before", "reset-after", "reset-mid-body", "truncated", "malformed-json", "wrong-content-type",

        // A clean close (FIN, not a byte of answer) and a reset, before and after the server acted, on a
        // fresh connection and on one from a warm pool (where SocketsHttpHandler once resent a request
        // without content on its own), once or on every attempt.
        "close-before", "close-after", "close-before-pooled", "close-after-pooled", "reset-before-pooled", "reset-after-pooled",
        "close-after-always", "reset-after-always",
    ];

    /// <summary>Whether the operation may be repeated (reads, PUT, PATCH, terminate) or must be sent once (create, clone).</summary>
    protected abstract bool Safe { get; }

    /// <summary>Makes a fresh target for one fault case.</summary>
    protected abstract Task<Target> PrepareAsync();

    public async Task InitializeAsync()
    {
        H = await Harness.StartAsync();
        (Type, Queue) = await H.ExecutableSetupAsync();
        patient = H.NewClient(Harness.SettingsFor(H.Emu, maxRetries: MaxRetries));
        impatient = H.NewClient(Harness.SettingsFor(H.Emu, timeout: Timeout, maxRetries: MaxRetries));
    }

    public async Task DisposeAsync() => await H.DisposeAsync();

    private static Fault FaultFor(string name) => name switch
    {
        "latency-short" => Fault.Latency(TimeSpan.FromMilliseconds(50)),
        "latency-long" => Fault.Latency(TimeSpan.FromHours(1)),
        "gateway-502" => Fault.GatewayError(502),
        "gateway-503" => Fault.GatewayError(503),
        "gateway-504" => Fault.GatewayError(504),
        "too-many-requests" => Fault.TooManyRequests(TimeSpan.Zero),
        "reset-before" or "reset-before-pooled" => Fault.ConnectionReset(),
        "reset-after" or "reset-after-pooled" or "reset-after-always" => Fault.ConnectionReset(afterProcessing: true),
        "close-before" or "close-before-pooled" => Fault.ConnectionClose(),
        "close-after" or "close-after-pooled" or "close-after-always" => Fault.ConnectionClose(afterProcessing: true),
        "reset-mid-body" => Fault.ResetMidBody(),
        "truncated" => Fault.TruncatedBody(),
        "malformed-json" => Fault.MalformedJson(),
        "wrong-content-type" => Fault.WrongContentType(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_fault_ends_in_success_or_the_right_typed_error(string fault)
    {
        C = fault == "latency-long" ? impatient : patient;
        var target = await PrepareAsync();
        if (fault.EndsWith("-pooled", StringComparison.Ordinal))
        {
            await WarmPoolAsync();
        }

        var recordsBefore = target.Records is null ? 0 : await target.Records();
        var sentBefore = H.Emu.Requests.Count(target.Method, target.Path);
        var processedBefore = H.Emu.Requests.Processed(target.Method, target.Path);

        // Long latency and the "always" faults stay until removed (every attempt meets them); the others hit one request.
        var always = fault is "latency-long" || fault.EndsWith("-always", StringComparison.Ordinal);
        var rule = always
            ? H.Emu.Faults.Add(FaultFor(fault), target.Path, target.Method)
            : H.Emu.Faults.Next(1, FaultFor(fault), target.Path, target.Method);
        Fin<string> result;
        try
        {
            result = H.Observe(await target.Run());
        }
        finally
        {
            H.Emu.Faults.Remove(rule);
        }

        var sent = H.Emu.Requests.Count(target.Method, target.Path) - sentBefore;
        var processedCount = H.Emu.Requests.Processed(target.Method, target.Path) - processedBefore;
        var processed = fault.StartsWith("reset-after", StringComparison.Ordinal) || fault.StartsWith("close-after", StringComparison.Ordinal)
            || fault is "reset-mid-body" or "truncated" or "malformed-json";

        // Whatever the fault, the server acts on an unsafe request at most once, and on any request at
        // most once per attempt the client chose to make: never more than 1 + MaxRetries.
        Assert.True(sent <= (Safe ? MaxRetries + 1 : 1), $"{sent} requests reached the server");
        Assert.True(processedCount <= (Safe ? MaxRetries + 1 : 1), $"the server acted {processedCount} times");
        switch (fault)
        {
            case "close-after-always" or "reset-after-always":
                Fails<TransportFailed, string>(result);
                Assert.Equal(Safe ? MaxRetries + 1 : 1, sent);
                Assert.Equal(Safe ? MaxRetries + 1 : 1, processedCount);
                break;
            case "latency-short" or "wrong-content-type":
                Assert.Equal(target.Expected, Ok(result));
                Assert.Equal(1, sent);
                break;
            case "latency-long":
                Assert.Equal(Timeout, Fails<TimedOut, string>(result).Timeout);
                Assert.Equal(Safe ? MaxRetries + 1 : 1, sent);
                break;
            case "truncated" or "malformed-json":
                Fails<UndecodableBody, string>(result);
                Assert.Equal(1, sent);
                break;
            case var _ when Safe:
                Assert.Equal(target.Expected, Ok(result));
                Assert.Equal(2, sent);
                break;
            case "gateway-502" or "gateway-503" or "gateway-504":
                Assert.Equal(int.Parse(fault[^3..], System.Globalization.CultureInfo.InvariantCulture), Fails<ServerFault, string>(result).Status);
                Assert.Equal(1, sent);
                break;
            case "too-many-requests":
                Fails<RateLimited, string>(result);
                Assert.Equal(1, sent);
                break;
            default:
                Fails<TransportFailed, string>(result);
                Assert.Equal(1, sent);
                break;
        }

        // Unsafe requests are never resent: at most the one the server processed exists.
        if (target.Records is not null && fault != "latency-long")
        {
            var expected = result.IsSucc || processed ? 1 : 0;
            Assert.Equal(expected, await target.Records() - recordsBefore);
        }

        H.AssertNoSecretsSeen();
    }

    /// <summary>
    /// Opens several pooled connections to the server (concurrent reads the server holds a moment), so
    /// the operation under test goes out on a connection that already served a request.
    /// </summary>
    private async Task WarmPoolAsync()
    {
        var hold = H.Emu.Faults.Add(Fault.Latency(TimeSpan.FromMilliseconds(100)), "users/", "GET");
        try
        {
            var reads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => C.Users.GetAsync(new Username("alice"))));
            Assert.All(reads, r => Ok(r));
        }
        finally
        {
            H.Emu.Faults.Remove(hold);
        }
    }

    protected static Func<Task<Fin<string>>> Run<T>(Func<Task<Fin<T>>> run, Func<T, string> summary) =>
        async () => (await run()).Map(summary);

    protected async Task<ExecutableTaskInstance> NewInstanceAsync() =>
        Ok(await H.Client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(Type.Id, Queue.Id)));

    protected async Task<int> InstanceCountAsync() =>
        Ok(await H.Client.ExecutableTaskInstances.ListPageAsync(default, 1, 1)).Count;
}

public sealed class GetFaultTests : FaultMatrix
{
    protected override bool Safe => true;

    protected override Task<Target> PrepareAsync() => Task.FromResult(new Target(
        "GET", $"taskqueues/{Queue.Id}/", Run(() => C.TaskQueues.GetAsync(Queue.Id), q => q.Name), Queue.Name, null));
}

public sealed class ListFaultTests : FaultMatrix
{
    protected override bool Safe => true;

    protected override Task<Target> PrepareAsync() => Task.FromResult(new Target(
        "GET", "executabletasktypes/", Run(() => C.ExecutableTaskTypes.ListAsync(), ts => string.Join(",", ts.Map(t => t.Name))), Type.Name, null));
}

public sealed class CreateFaultTests : FaultMatrix
{
    protected override bool Safe => false;

    protected override Task<Target> PrepareAsync() => Task.FromResult(new Target(
        "POST", "executabletaskinstances/", Run(() => C.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(Type.Id, Queue.Id) with { Name = "faulty" }), i => i.Name), "faulty", InstanceCountAsync));
}

public sealed class CloneFaultTests : FaultMatrix
{
    protected override bool Safe => false;

    protected override async Task<Target> PrepareAsync()
    {
        var source = await NewInstanceAsync();
        return new Target("POST", $"executabletaskinstances/{source.Uuid}/clone/", Run(() => C.ExecutableTaskInstances.CloneAsync(source.Uuid), i => i.TaskType.ToString()), Type.Id.ToString(), InstanceCountAsync);
    }
}

public sealed class TerminateFaultTests : FaultMatrix
{
    protected override bool Safe => true;

    protected override async Task<Target> PrepareAsync()
    {
        var instance = await NewInstanceAsync();
        return new Target("POST", $"executabletaskinstances/{instance.Uuid}/terminate/", Run(() => C.ExecutableTaskInstances.TerminateAsync(instance.Uuid), i => i.Uuid.ToString()), instance.Uuid.ToString(), null);
    }
}

public sealed class PutFaultTests : FaultMatrix
{
    protected override bool Safe => true;

    protected override async Task<Target> PrepareAsync()
    {
        var queue = Ok(await H.Client.TaskQueues.CreateAsync(new TaskQueueDraft("put-" + Guid.NewGuid().ToString("N")[..8])));
        var edited = queue with { Description = "put under faults", Private = true };
        return new Target("PUT", $"taskqueues/{queue.Id}/", Run(() => C.TaskQueues.PutAsync(edited), q => $"{q.Description}/{q.Private}"), "put under faults/True", null);
    }
}

public sealed class PatchFaultTests : FaultMatrix
{
    protected override bool Safe => true;

    protected override async Task<Target> PrepareAsync()
    {
        var wl = Ok(await H.Client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft("patch-" + Guid.NewGuid().ToString("N")[..8]) { Description = "kept" }));
        return new Target("PATCH", $"taskwhitelists/{wl.Id}/", Run(() => C.TaskWhitelists.PatchAsync(wl.Id, new TaskWhitelistPatch { WhitelistedExecutableTaskTypes = LanguageExt.Prelude.Seq1(Type.Id) }), w => $"{w.Description}/{w.WhitelistedExecutableTaskTypes.Count}"), "kept/1", null);
    }
}

public sealed class UpdateStateFaultTests : FaultMatrix
{
    protected override bool Safe => true;

    protected override async Task<Target> PrepareAsync()
    {
        var instance = await NewInstanceAsync();
        return new Target("PATCH", $"updatetaskinstancestatus/{instance.Uuid}/", Run(() => C.UpdateStateAsync(instance.Uuid, TaskState.RunningState), u => $"{u.Uuid}/{u.State}"), $"{instance.Uuid}/running", null);
    }
}
