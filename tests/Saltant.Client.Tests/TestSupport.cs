using System.Collections.Concurrent;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Worker;
using Xunit;
using Xunit.Sdk;
using static LanguageExt.Prelude;

namespace Saltant.Client.Tests;

/// <summary>Unwrapping and checking results without ever letting an exception stand for an error.</summary>
internal static class Check
{
    public static T Ok<T>(Fin<T> fin) =>
        fin.Match(v => v, e => throw new XunitException($"Expected success, got {e.GetType().Name}: {e}"));

    public static T Ok<T>(Either<ConfigError, T> either) =>
        either.Match(v => v, e => throw new XunitException($"Expected settings, got: {e}"));

    /// <summary>Asserts a failure of exactly this error type (never an exceptional error) and returns it.</summary>
    public static TError Fails<TError, T>(Fin<T> fin)
        where TError : SaltantError
    {
        var error = fin.Match(v => throw new XunitException($"Expected {typeof(TError).Name}, got success: {v}"), e => e);
        return error as TError ?? throw new XunitException($"Expected {typeof(TError).Name}, got {error.GetType().Name}: {error}");
    }

    public static Error Error<T>(Fin<T> fin) =>
        fin.Match(v => throw new XunitException($"Expected a failure, got success: {v}"), e => e);

    /// <summary>Every printable text an error carries: message, ToString, inner errors and exceptions.</summary>
    public static IEnumerable<string> Texts(Error error)
    {
        yield return error.Message;
        yield return error.ToString();
        yield return error.GetType().FullName ?? "";
        if (error.Exception.Case is Exception e)
        {
            yield return e.ToString();
        }

        if (error.Inner.Case is Error inner)
        {
            foreach (var t in Texts(inner))
            {
                yield return t;
            }
        }

        if (error is ManyErrors many)
        {
            foreach (var t in many.Errors.Bind(x => Texts(x).ToSeq()))
            {
                yield return t;
            }
        }
    }

    /// <summary>Polls until the condition holds (for things that happen in the background), failing only past the hang guard.</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + HangGuard.Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new XunitException($"Hang guard: still waiting after {HangGuard.Limit.TotalMinutes:F0} min for: {what}");
            }

            await Task.Delay(5);
        }
    }
}

/// <summary>
/// One emulator and one client, with users whose tokens and passwords are fresh and random. Every
/// error and printout a test hands to Observe is kept, and disposing asserts that no
/// token, password or JWT appears in any of them.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    private static readonly ConcurrentBag<string> Secrets = [];
    private readonly ConcurrentBag<string> seen = [];
    private readonly List<IDisposable> clients = [];

    private Harness(SaltantEmulator emulator) => Emu = emulator;

    public SaltantEmulator Emu { get; }

    public SaltantClient Client { get; private set; } = null!;

    public ManualClock? Clock { get; private set; }

    public EmulatorUser Alice => Emu.User("alice");

    /// <summary>
    /// Settings for the emulator with short retry delays; the token is alice's unless given. The
    /// request timeout is the hang guard unless a test sets its own: a loopback request takes
    /// milliseconds, seconds on a loaded machine, and none of these tests waits for it to expire.
    /// </summary>
    public static Settings SettingsFor(
        SaltantEmulator emu,
        Authentication? auth = null,
        TimeSpan? timeout = null,
        int maxRetries = 3,
        int pageSize = 100,
        int readAheadPages = 4,
        int batchConcurrency = 8,
        bool checkAuthentication = true) =>
        Check.Ok(Settings.Create(
            emu.ApiUrl.AbsoluteUri,
            auth ?? Authentication.Token(emu.User("alice").Token),
            timeout: timeout ?? HangGuard.Limit,
            checkAuthentication: checkAuthentication,
            maxRetries: maxRetries,
            retryBaseDelay: TimeSpan.FromMilliseconds(10),
            retryMaxDelay: TimeSpan.FromMilliseconds(50),
            pageSize: pageSize,
            readAheadPages: readAheadPages,
            batchConcurrency: batchConcurrency,
            waitRefreshPeriod: TimeSpan.FromMilliseconds(50)));

    /// <summary>Starts an emulator (manual worker unless told otherwise) and a client for alice.</summary>
    public static async Task<Harness> StartAsync(
        Action<SaltantEmulatorOptions>? configure = null,
        Func<SaltantEmulator, Settings>? settings = null,
        bool manualClock = false,
        bool clientUsesManualClock = false)
    {
        var options = new SaltantEmulatorOptions { WorkerMode = WorkerMode.Manual };
        foreach (var (name, superuser) in new[] { ("admin", true), ("alice", false), ("bob", false) })
        {
            var user = EmulatorUser.WithFreshToken(name, "pw-" + Guid.NewGuid().ToString("N"), superuser);
            options.Users.Add(user);
            Secrets.Add(user.Token);
            Secrets.Add(user.Password);
        }

        ManualClock? clock = null;
        if (manualClock)
        {
            clock = new ManualClock();
            options.Clock = clock;
        }

        configure?.Invoke(options);
        var emu = await SaltantEmulator.StartAsync(options);
        var harness = new Harness(emu) { Clock = clock };
        harness.Client = harness.NewClient(settings?.Invoke(emu) ?? SettingsFor(emu), clientUsesManualClock ? clock : null);
        return harness;
    }

    /// <summary>Remembers a secret this test obtained (e.g. a JWT) so that it too is looked for.</summary>
    public static void AddSecret(string secret) => Secrets.Add(secret);

    /// <summary>Another client on the same emulator; disposed with the harness, and its printout observed.</summary>
    public SaltantClient NewClient(Settings settings, TimeProvider? clock = null, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        var client = SaltantClient.Create(settings, new SaltantClientOptions { Clock = clock ?? TimeProvider.System, LoggerFactory = loggerFactory });
        lock (clients)
        {
            clients.Add(client);
        }

        seen.Add(client.ToString());
        seen.Add(settings.ToString());
        seen.Add(settings.Authentication.ToString());
        return client;
    }

    /// <summary>Keeps the error (if any) for the secret check and passes the result through.</summary>
    public Fin<T> Observe<T>(Fin<T> result)
    {
        if (result.IsFail)
        {
            foreach (var text in Check.Texts((Error)result))
            {
                seen.Add(text);
            }
        }
        else
        {
            seen.Add(result.ToString() ?? "");
        }

        return result;
    }

    /// <summary>Keeps any printable text.</summary>
    public void See(string? text) => seen.Add(text ?? "");

    public async Task<Fin<T>> Observe<T>(Task<Fin<T>> result) => Observe(await result);

    /// <summary>An executable task type, a whitelist holding it and a queue using the whitelist, all alice's, made through the client.</summary>
    public async Task<(ExecutableTaskType Type, TaskQueue Queue)> ExecutableSetupAsync(string command = "true", string? name = null)
    {
        name ??= "x" + Guid.NewGuid().ToString("N")[..8];
        var type = Check.Ok(await Client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft(name, command)));
        var wl = Check.Ok(await Client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft(name + "-wl") { WhitelistedExecutableTaskTypes = Seq1(type.Id) }));
        var queue = Check.Ok(await Client.TaskQueues.CreateAsync(new TaskQueueDraft(name + "-q") { Whitelists = Seq1(wl.Id) }));
        return (type, queue);
    }

    /// <summary>The container counterpart of <see cref="ExecutableSetupAsync"/>.</summary>
    public async Task<(ContainerTaskType Type, TaskQueue Queue)> ContainerSetupAsync(string command = "true", string? name = null)
    {
        name ??= "c" + Guid.NewGuid().ToString("N")[..8];
        var type = Check.Ok(await Client.ContainerTaskTypes.CreateAsync(new ContainerTaskTypeDraft(name, command, "docker://busybox:latest", ContainerType.Docker)));
        var wl = Check.Ok(await Client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft(name + "-wl") { WhitelistedContainerTaskTypes = Seq1(type.Id) }));
        var queue = Check.Ok(await Client.TaskQueues.CreateAsync(new TaskQueueDraft(name + "-q") { Whitelists = Seq1(wl.Id) }));
        return (type, queue);
    }

    /// <summary>Asserts that nothing observed holds a secret.</summary>
    public void AssertNoSecretsSeen()
    {
        var secrets = Secrets.Where(s => s.Length >= 8).ToArray();
        foreach (var text in seen)
        {
            // Any JWT (or piece of one: every JWT part starts "eyJ") would be a leaked credential.
            Assert.False(text.Contains("eyJ", StringComparison.Ordinal), $"Something like a JWT appeared in: {text}");
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A secret appeared in: {text}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            AssertNoSecretsSeen();
        }
        finally
        {
            lock (clients)
            {
                foreach (var c in clients)
                {
                    c.Dispose();
                }
            }

            await Emu.DisposeAsync();
        }
    }
}
