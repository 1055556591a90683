using LanguageExt;
using LanguageExt.Effects.Traits;
using Microsoft.Extensions.Logging;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// The saltant client: one object per server and identity, with a sub-client per resource. Every
/// operation is an <c>Aff&lt;RT, T&gt;</c> generic in the runtime, so it composes with the caller's
/// own effects, and has a <c>…Async</c> twin returning <c>Task&lt;Fin&lt;T&gt;&gt;</c> (the same effect run
/// with <see cref="SaltantRuntime"/>); none of them throws. Thread-safe; share one per process, and
/// dispose it (or make it inside <c>use</c>) when done.
/// </summary>
public sealed class SaltantClient : IDisposable
{
    private readonly SaltantConnection connection;
    private readonly IDisposable? credentials;
    private readonly Api api;

    private SaltantClient(Settings settings, SaltantClientOptions options)
    {
        Settings = settings;
        var connectionOptions = new ConnectionOptions(settings.ApiRoot, settings.Timeout, settings.RetrySchedule, settings.AllowInsecureHttp, settings.UserAgent)
        {
            MaxRetryAfter = settings.MaxRetryAfter,
            MaxResponseBytes = settings.MaxResponseBytes,
            Clock = options.Clock,
        };
        SaltantConnection? self = null;
        var source = Credentials.For(settings.Authentication, () => self!, options.Clock);
        credentials = source as IDisposable;
        var logger = options.LoggerFactory?.CreateLogger(SaltantTelemetry.ConnectionLogCategory);
        connection = options.HttpClient is { } http
            ? new SaltantConnection(http, false, connectionOptions, source, logger)
            : SaltantConnection.Create(connectionOptions, source, logger);
        self = connection;
        api = new Api(connection, settings, options.Clock);

        Users = new UsersClient(api);
        TaskQueues = new TaskQueuesClient(api);
        TaskWhitelists = new TaskWhitelistsClient(api);
        ContainerTaskTypes = new(api, Decoders.ContainerTaskType, Decoders.ContainerTaskTypePage, Drafts.Of);
        ExecutableTaskTypes = new(api, Decoders.ExecutableTaskType, Decoders.ExecutableTaskTypePage, Drafts.Of);
        ContainerTaskInstances = new(api, Decoders.ContainerTaskInstance, Decoders.ContainerTaskInstancePage);
        ExecutableTaskInstances = new(api, Decoders.ExecutableTaskInstance, Decoders.ExecutableTaskInstancePage);
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
    public TaskTypesClient<Container, ContainerTaskType, ContainerTaskTypeDraft> ContainerTaskTypes { get; }

    /// <summary>Executable task types.</summary>
    public TaskTypesClient<Executable, ExecutableTaskType, ExecutableTaskTypeDraft> ExecutableTaskTypes { get; }

    /// <summary>Container task instances.</summary>
    public TaskInstancesClient<Container, ContainerTaskInstance> ContainerTaskInstances { get; }

    /// <summary>Executable task instances.</summary>
    public TaskInstancesClient<Executable, ExecutableTaskInstance> ExecutableTaskInstances { get; }

    /// <summary>Makes a client without contacting the server.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="options">The HTTP client, clock and logging to use; <see cref="SaltantClientOptions.Default"/> when null.</param>
    public static SaltantClient Create(Settings settings, SaltantClientOptions? options = null) =>
        new(settings, options ?? SaltantClientOptions.Default);

    /// <summary>
    /// Makes a client and, when <see cref="Settings.CheckAuthentication"/> is set (the default),
    /// checks the credentials with one read, so bad ones fail here with <see cref="AuthenticationFailed"/>
    /// (and the client is disposed). Compose its use with <c>use</c> to dispose it after.
    /// </summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="settings">Validated settings.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    public static Aff<RT, SaltantClient> Connect<RT>(Settings settings, SaltantClientOptions? options = null)
        where RT : struct, HasCancel<RT> =>
        from client in Eff(() => Create(settings, options))
        from _ in settings.CheckAuthentication
            ? client.TestAuthentication<RT>() | @catch(e => DisposeAndFail<RT>(client, e))
            : unitAff
        select client;

    /// <summary>Connects with settings still to be validated: a <see cref="ConfigError"/> is the effect's failure, nothing is sent.</summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="settings">The settings as <see cref="Settings.Create"/> or <see cref="Settings.FromEnvironment"/> gave them.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    public static Aff<RT, SaltantClient> Connect<RT>(Either<ConfigError, Settings> settings, SaltantClientOptions? options = null)
        where RT : struct, HasCancel<RT> =>
        settings.Match(Right: valid => Connect<RT>(valid, options), Left: FailAff<RT, SaltantClient>);

    /// <summary>Task form of <see cref="Connect{RT}(Settings, SaltantClientOptions?)"/>.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(Settings settings, SaltantClientOptions? options = null, CancellationToken cancellationToken = default) =>
        Connect<SaltantRuntime>(settings, options).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Connect{RT}(Either{ConfigError, Settings}, SaltantClientOptions?)"/>.</summary>
    /// <param name="settings">The settings as made, valid or not.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(Either<ConfigError, Settings> settings, SaltantClientOptions? options = null, CancellationToken cancellationToken = default) =>
        Connect<SaltantRuntime>(settings, options).RunAsync(cancellationToken);

    /// <summary>
    /// Settings from the process environment (<c>SALTANT_API_URL</c>, <c>SALTANT_AUTH_TOKEN</c>, or the
    /// JWT variables; see <see cref="SettingsVariables"/>), every problem reported at once, and a
    /// client made from them without contacting the server.
    /// </summary>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    public static Either<ConfigError, SaltantClient> FromEnvironment(SaltantClientOptions? options = null) =>
        Settings.FromEnvironment(EnvironmentSnapshot.Read()).Map(s => Create(s, options));

    /// <summary>
    /// Like <see cref="FromEnvironment"/>, then checks the credentials when the settings ask for it.
    /// The environment is read when the effect runs, not when it is made.
    /// </summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    public static Aff<RT, SaltantClient> ConnectFromEnvironment<RT>(SaltantClientOptions? options = null)
        where RT : struct, HasCancel<RT> =>
        from settings in Eff(() => Settings.FromEnvironment(EnvironmentSnapshot.Read()))
        from client in Connect<RT>(settings, options)
        select client;

    /// <summary>Task form of <see cref="ConnectFromEnvironment{RT}"/>.</summary>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectFromEnvironmentAsync(SaltantClientOptions? options = null, CancellationToken cancellationToken = default) =>
        ConnectFromEnvironment<SaltantRuntime>(options).RunAsync(cancellationToken);

    /// <summary>
    /// Checks the credentials with one cheap authenticated read (<c>GET users/?page_size=1</c>):
    /// fails with <see cref="AuthenticationFailed"/> when the server does not accept them.
    /// </summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    public Aff<RT, Unit> TestAuthentication<RT>()
        where RT : struct, HasCancel<RT> =>
        Users.ListPage<RT>(default, 1, 1).Map(_ => unit);

    /// <summary>Task form of <see cref="TestAuthentication{RT}"/>.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task<Fin<Unit>> TestAuthenticationAsync(CancellationToken cancellationToken = default) =>
        TestAuthentication<SaltantRuntime>().RunAsync(cancellationToken);

    /// <summary>
    /// Stores a state for an instance of either kind (<c>PATCH updatetaskinstancestatus/{uuid}/</c>),
    /// as saltant workers do. The server stores any state string; use the known states.
    /// </summary>
    /// <typeparam name="RT">The runtime.</typeparam>
    /// <param name="uuid">The instance.</param>
    /// <param name="state">The state to store.</param>
    public Aff<RT, InstanceStateUpdate> UpdateState<RT>(InstanceUuid uuid, TaskState state)
        where RT : struct, HasCancel<RT> =>
        Api.Given<RT, TaskState, InstanceStateUpdate>(state, nameof(state), s => api.Send<RT, InstanceStateUpdate>(InstanceStateRequests.Update(uuid, s), Decoders.InstanceStateUpdate));

    /// <summary>Task form of <see cref="UpdateState{RT}"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="state">The state to store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<InstanceStateUpdate>> UpdateStateAsync(InstanceUuid uuid, TaskState state, CancellationToken cancellationToken = default) =>
        UpdateState<SaltantRuntime>(uuid, state).RunAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"SaltantClient({Settings.ApiRoot}, {Settings.Authentication})";

    /// <inheritdoc />
    public void Dispose()
    {
        connection.Dispose();
        credentials?.Dispose();
    }

    private static Aff<RT, Unit> DisposeAndFail<RT>(SaltantClient client, LanguageExt.Common.Error error)
        where RT : struct, HasCancel<RT>
    {
        client.Dispose();
        return FailAff<RT, Unit>(error);
    }
}
