using LanguageExt;
using Microsoft.Extensions.Logging;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// The saltant client: one object per server and identity, with a sub-client per resource. Every
/// operation is an <c>Aff&lt;SaltantRuntime, T&gt;</c> to compose, with a <c>…Async</c> twin that
/// returns <c>Task&lt;Fin&lt;T&gt;&gt;</c>; none of them throws. Thread-safe; share one per process.
/// </summary>
/// <example>
/// A pipeline as one composed effect (each step runs only if the one before succeeded):
/// <code>
/// var pipeline =
///     from client in SaltantClient.Connect(settings)
///     from queue in client.TaskQueues.GetByName("greetings")
///     from type in client.ExecutableTaskTypes.GetByName("greet")
///     from instance in client.ExecutableTaskInstances.Create(TaskInstanceDraft.For(type.Id, queue.Id) with
///     {
///         Arguments = Json.Object(("greeting", Json.Of("hello"))),
///     })
///     from finished in client.ExecutableTaskInstances.Wait(instance)
///     select finished;
/// Fin&lt;ExecutableTaskInstance&gt; result = await pipeline.RunAsync(cancellationToken);
/// </code>
/// The same from plain C#, without composing effects:
/// <code>
/// using var client = SaltantClient.Create(settings);
/// var queue = await client.TaskQueues.GetByNameAsync("greetings", cancellationToken);
/// Console.WriteLine(queue.Match(q =&gt; q.Name, e =&gt; e.Message));
/// </code>
/// </example>
public sealed class SaltantClient : IDisposable
{
    private readonly SaltantConnection connection;
    private readonly IDisposable? credentials;

    private SaltantClient(Settings settings, HttpClient? http, TimeProvider clock, ILoggerFactory? loggerFactory)
    {
        Settings = settings;
        var options = new ConnectionOptions(settings.ApiRoot, settings.Timeout, settings.RetrySchedule, settings.AllowInsecureHttp, settings.UserAgent)
        {
            MaxRetryAfter = settings.MaxRetryAfter,
            MaxResponseBytes = settings.MaxResponseBytes,
            Clock = clock,
        };
        SaltantConnection? self = null;
        var source = Credentials.For(settings.Authentication, () => self!, clock);
        credentials = source as IDisposable;
        var logger = loggerFactory?.CreateLogger(SaltantTelemetry.ConnectionLogCategory);
        connection = http is null ? SaltantConnection.Create(options, source, logger) : new SaltantConnection(http, false, options, source, logger);
        self = connection;

        Users = new UsersClient(connection, settings);
        TaskQueues = new TaskQueuesClient(connection, settings);
        TaskWhitelists = new TaskWhitelistsClient(connection, settings);
        ContainerTaskTypes = new ContainerTaskTypesClient(connection, settings);
        ExecutableTaskTypes = new ExecutableTaskTypesClient(connection, settings);
        ContainerTaskInstances = new TaskInstancesClient<Container, ContainerTaskInstance>(
            connection, settings, Decoders.ContainerTaskInstance, Decoders.ContainerTaskInstancePage, clock);
        ExecutableTaskInstances = new TaskInstancesClient<Executable, ExecutableTaskInstance>(
            connection, settings, Decoders.ExecutableTaskInstance, Decoders.ExecutableTaskInstancePage, clock);
    }

    /// <summary>The settings this client was made with (printing them never shows a credential).</summary>
    public Settings Settings { get; }

    /// <summary>Users.</summary>
    public UsersClient Users { get; }

    /// <summary>Task queues.</summary>
    public TaskQueuesClient TaskQueues { get; }

    /// <summary>Task whitelists.</summary>
    public TaskWhitelistsClient TaskWhitelists { get; }

    /// <summary>Container task types.</summary>
    public ContainerTaskTypesClient ContainerTaskTypes { get; }

    /// <summary>Executable task types.</summary>
    public ExecutableTaskTypesClient ExecutableTaskTypes { get; }

    /// <summary>Container task instances.</summary>
    public TaskInstancesClient<Container, ContainerTaskInstance> ContainerTaskInstances { get; }

    /// <summary>Executable task instances.</summary>
    public TaskInstancesClient<Executable, ExecutableTaskInstance> ExecutableTaskInstances { get; }

    /// <summary>
    /// Makes a client without contacting the server. Pass an <see cref="HttpClient"/> to share one
    /// (e.g. from <c>IHttpClientFactory</c>); otherwise the client owns a pooled one that never
    /// follows redirects.
    /// </summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="http">An HTTP client to send with, or null.</param>
    /// <param name="clock">The clock for JWT refreshes and waits; the system clock when null.</param>
    /// <param name="loggerFactory">
    /// Where exchanges, retries and failures are logged (category <see cref="SaltantTelemetry.ConnectionLogCategory"/>);
    /// nothing is logged when null. Credentials, passwords and bodies are never logged.
    /// </param>
    public static SaltantClient Create(Settings settings, HttpClient? http = null, TimeProvider? clock = null, ILoggerFactory? loggerFactory = null) =>
        new(settings, http, clock ?? TimeProvider.System, loggerFactory);

    /// <summary>
    /// Makes a client and, when <see cref="Settings.CheckAuthentication"/> is set (the default),
    /// checks the credentials with one read so bad ones fail here with <see cref="AuthenticationFailed"/>.
    /// </summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="http">An HTTP client to send with, or null.</param>
    /// <param name="clock">The clock for JWT refreshes and waits.</param>
    /// <param name="loggerFactory">Where exchanges, retries and failures are logged; nothing is logged when null.</param>
    public static Aff<SaltantRuntime, SaltantClient> Connect(Settings settings, HttpClient? http = null, TimeProvider? clock = null, ILoggerFactory? loggerFactory = null) =>
        from client in Eff(() => Create(settings, http, clock, loggerFactory))
        from _ in settings.CheckAuthentication
            ? client.TestAuthentication() | @catch(e => DisposeAndFail(client, e))
            : unitAff
        select client;

    /// <summary>Task form of <see cref="Connect"/>.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="http">An HTTP client to send with, or null.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(Settings settings, HttpClient? http = null, CancellationToken cancellationToken = default) =>
        Connect(settings, http).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Connect"/> with a clock for JWT refreshes and waits.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="http">An HTTP client to send with, or null.</param>
    /// <param name="clock">The clock for JWT refreshes and waits.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(Settings settings, HttpClient? http, TimeProvider clock, CancellationToken cancellationToken = default) =>
        Connect(settings, http, clock).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Connect"/> with a clock and a logger factory.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="http">An HTTP client to send with, or null.</param>
    /// <param name="clock">The clock for JWT refreshes and waits; the system clock when null.</param>
    /// <param name="loggerFactory">Where exchanges, retries and failures are logged; nothing is logged when null.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(
        Settings settings, HttpClient? http, TimeProvider? clock, ILoggerFactory? loggerFactory, CancellationToken cancellationToken = default) =>
        Connect(settings, http, clock, loggerFactory).RunAsync(cancellationToken);

    /// <summary>
    /// Settings from the process environment (<c>SALTANT_API_URL</c>, <c>SALTANT_AUTH_TOKEN</c>, or the
    /// JWT variables; see <see cref="SettingsVariables"/>), every problem reported at once, and a
    /// client made from them without contacting the server.
    /// </summary>
    /// <param name="loggerFactory">Where the client logs, if anywhere.</param>
    public static Either<ConfigError, SaltantClient> FromEnvironment(ILoggerFactory? loggerFactory = null) =>
        Settings.FromEnvironment(EnvironmentSnapshot.Read()).Map(s => Create(s, loggerFactory: loggerFactory));

    /// <summary>
    /// Like <see cref="FromEnvironment"/>, then checks the credentials when the settings ask for it.
    /// The environment is read when the effect runs, not when it is made.
    /// </summary>
    /// <param name="loggerFactory">Where the client logs, if anywhere.</param>
    public static Aff<SaltantRuntime, SaltantClient> ConnectFromEnvironment(ILoggerFactory? loggerFactory = null) =>
        from settings in Eff(() => Settings.FromEnvironment(EnvironmentSnapshot.Read()))
        from client in settings.Match(
            Right: s => Connect(s, loggerFactory: loggerFactory),
            Left: e => FailAff<SaltantRuntime, SaltantClient>(e))
        select client;

    /// <summary>
    /// Checks the credentials with one cheap authenticated read (<c>GET users/?page_size=1</c>):
    /// fails with <see cref="AuthenticationFailed"/> when the server does not accept them.
    /// </summary>
    public Aff<SaltantRuntime, Unit> TestAuthentication() =>
        Users.ListPage(default, 1, 1).Map(_ => unit);

    /// <summary>Task form of <see cref="TestAuthentication"/>.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task<Fin<Unit>> TestAuthenticationAsync(CancellationToken cancellationToken = default) => TestAuthentication().RunAsync(cancellationToken);

    /// <summary>
    /// Stores a state for an instance of either kind (<c>PATCH updatetaskinstancestatus/{uuid}/</c>),
    /// as saltant workers do. The server stores any state string; use the known states.
    /// </summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="state">The state to store.</param>
    public Aff<SaltantRuntime, InstanceStateUpdate> UpdateState(InstanceUuid uuid, TaskState state) =>
        Calls.Given(state, nameof(state), s => connection.Send<SaltantRuntime, InstanceStateUpdate>(InstanceStateRequests.Update(uuid, s), Decoders.InstanceStateUpdate));

    /// <summary>Task form of <see cref="UpdateState"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="state">The state to store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<InstanceStateUpdate>> UpdateStateAsync(InstanceUuid uuid, TaskState state, CancellationToken cancellationToken = default) =>
        UpdateState(uuid, state).RunAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"SaltantClient({Settings.ApiRoot}, {Settings.Authentication})";

    /// <inheritdoc />
    public void Dispose()
    {
        connection.Dispose();
        credentials?.Dispose();
    }

    private static Aff<SaltantRuntime, Unit> DisposeAndFail(SaltantClient client, LanguageExt.Common.Error error)
    {
        client.Dispose();
        return FailAff<SaltantRuntime, Unit>(error);
    }
}
