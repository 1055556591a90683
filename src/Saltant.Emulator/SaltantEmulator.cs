using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saltant.Emulator.Auth;
using Saltant.Emulator.Cost;
using Microsoft.Extensions.Hosting;
using Saltant.Emulator.Faults;
using Saltant.Emulator.Hosting;
using Saltant.Emulator.Http;
using Saltant.Emulator.Resources;
using Saltant.Emulator.Store;
using Saltant.Emulator.Worker;

namespace Saltant.Emulator;

/// <summary>
/// An in-memory saltant server on loopback (Kestrel). Start one per test with port 0; each has its own
/// store, users, JWT key, worker, faults and counters, and stops on dispose. It registers no signal
/// or console handling: the process that embeds it keeps its own (Ctrl+C and SIGTERM end it as they
/// would without an emulator).
/// </summary>
public sealed class SaltantEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;

    private SaltantEmulator(WebApplication app, CancellationTokenSource stopping, Uri apiUrl, IReadOnlyList<EmulatorUser> users, SimulatedWorker worker, FaultController faults, RequestCounter requests, ServerCostMeter costMeter)
    {
        _app = app;
        _stopping = stopping;
        CostMeter = costMeter;
        ApiUrl = apiUrl;
        Users = users;
        Worker = worker;
        Faults = faults;
        Requests = requests;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:8000/api/</c>.</summary>
    public Uri ApiUrl { get; }

    /// <summary>The seeded users with their tokens and passwords.</summary>
    public IReadOnlyList<EmulatorUser> Users { get; }

    /// <summary>The simulated Celery worker.</summary>
    public SimulatedWorker Worker { get; }

    /// <summary>Fault injection.</summary>
    public FaultController Faults { get; }

    /// <summary>Requests received per method and path.</summary>
    public RequestCounter Requests { get; }

    /// <summary>What the <see cref="SaltantEmulatorOptions.ServerCost"/> model charged (all zero without a model).</summary>
    public ServerCostMeter CostMeter { get; }

    /// <summary>The seeded user with this name.</summary>
    public EmulatorUser User(string username) => Users.First(u => u.Username == username);

    /// <summary>Starts an emulator and returns once it accepts connections.</summary>
    public static async Task<SaltantEmulator> StartAsync(SaltantEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SaltantEmulatorOptions();
        var users = options.Users.Count > 0
            ? options.Users.ToList()
            : [EmulatorUser.WithFreshToken("admin", "adminpassword", true), EmulatorUser.WithFreshToken("alice", "alicepassword"), EmulatorUser.WithFreshToken("bob", "bobpassword")];
        if (users.Select(u => u.Username).Distinct().Count() != users.Count) throw new ArgumentException("Usernames must be unique.", nameof(options));
        if (users.Select(u => u.Token).Distinct().Count() != users.Count) throw new ArgumentException("Tokens must be unique.", nameof(options));

        var store = new EmulatorStore();
        int id = 1;
        foreach (var u in users)
        {
            var record = new UserRecord { Id = id++, Username = u.Username, Email = u.Email, Password = u.Password, Token = u.Token, IsSuperuser = u.IsSuperuser };
            store.Users.Add(record);
            store.UsersByToken.Add(u.Token, record);
        }

        var worker = new SimulatedWorker(store, options.Clock, options.WorkerMode, options.TimeScale, options.OutcomePolicy, options.WorkerPollInterval);
        var jwt = new JwtService(options.Clock, options.AccessTokenLifetime, options.RefreshTokenLifetime);
        var faults = new FaultController();
        var requests = new RequestCounter();
        var costMeter = new ServerCostMeter(options.ServerCost);
        // Cancelled first on dispose: ends what would otherwise outlive the server (cost delays, endless bodies).
        var stopping = new CancellationTokenSource();
        var pipeline = new EmulatorPipeline(new ApiDispatcher(new ApiContext(store, worker, options.Clock, jwt), new Authenticator(store, jwt)), faults, requests, costMeter, options.Clock, stopping.Token);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Registered after the defaults, so it replaces the console lifetime: no signal handlers.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        var app = builder.Build();
        app.Run(pipeline.InvokeAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new SaltantEmulator(app, stopping, new Uri($"http://127.0.0.1:{port}/api/"), users, worker, faults, requests, costMeter);
    }

    /// <summary>Stops the server and the worker.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await Worker.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
