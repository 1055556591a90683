using LanguageExt;
using LanguageExt.Effects.Traits;
using Microsoft.Extensions.Logging;
using Saltant.Domain;
using Saltant.Http;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// A saltant client whose effects run in the runtime <typeparamref name="RT"/>: one object per
/// server and identity, with a sub-client per resource. Every operation is an <c>Aff&lt;RT, T&gt;</c>,
/// so it composes with the caller's own effects in <typeparamref name="RT"/>, and has a
/// <c>…Async</c> twin returning <c>Task&lt;Fin&lt;T&gt;&gt;</c> (the same effect run with a fresh
/// runtime from the client's factory); none of them throws. Thread-safe; dispose it (or make it
/// inside <c>use</c>) when done. <see cref="SaltantClient"/> is the one for <see cref="SaltantRuntime"/>.
/// </summary>
/// <typeparam name="RT">The runtime: any struct with <see cref="HasCancel{RT}"/>, e.g. <see cref="SaltantRuntime"/> or one of the caller's.</typeparam>
public class SaltantClient<RT> : IDisposable
    where RT : struct, HasCancel<RT>
{
    private readonly SaltantConnection connection;
    private readonly IDisposable? credentials;
    private readonly Api api;
    private readonly Runner<RT> runner;

    internal SaltantClient(Settings settings, SaltantClientOptions options, Func<CancellationToken, RT> makeRuntime)
    {
        Settings = settings;
        var connectionOptions = new ConnectionOptions(settings.ApiRoot, settings.Timeout, settings.RetrySchedule, settings.AllowInsecureHttp, settings.UserAgent)
        {
            MaxRetryAfter = settings.MaxRetryAfter,
            MaxResponseBytes = settings.MaxResponseBytes,
            Clock = options.Clock,
            InsecureHttpAllowance = settings.InsecureHttpAllowance,
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
        runner = new Runner<RT>(makeRuntime);

        Users = new(api, runner);
        TaskQueues = new(api, runner);
        TaskWhitelists = new(api, runner);
        ContainerTaskTypes = new(api, runner, Decoders.ContainerTaskType, Decoders.ContainerTaskTypePage, Drafts.Of);
        ExecutableTaskTypes = new(api, runner, Decoders.ExecutableTaskType, Decoders.ExecutableTaskTypePage, Drafts.Of);
        ContainerTaskInstances = new(api, runner, Decoders.ContainerTaskInstance, Decoders.ContainerTaskInstancePage, id => ContainerTaskTypes.Get(id).Map(t => (TaskType<Container>)t));
        ExecutableTaskInstances = new(api, runner, Decoders.ExecutableTaskInstance, Decoders.ExecutableTaskInstancePage, id => ExecutableTaskTypes.Get(id).Map(t => (TaskType<Executable>)t));
    }

    /// <summary>The settings this client was made with (printing them never shows a credential).</summary>
    public Settings Settings { get; }

    /// <summary>Users.</summary>
    public UsersClient<RT> Users { get; }

    /// <summary>Task queues.</summary>
    public TaskQueuesClient<RT> TaskQueues { get; }

    /// <summary>Task whitelists.</summary>
    public TaskWhitelistsClient<RT> TaskWhitelists { get; }

    /// <summary>Container task types.</summary>
    public TaskTypesClient<RT, Container, ContainerTaskType, ContainerTaskTypeDraft> ContainerTaskTypes { get; }

    /// <summary>Executable task types.</summary>
    public TaskTypesClient<RT, Executable, ExecutableTaskType, ExecutableTaskTypeDraft> ExecutableTaskTypes { get; }

    /// <summary>Container task instances.</summary>
    public TaskInstancesClient<RT, Container, ContainerTaskInstance> ContainerTaskInstances { get; }

    /// <summary>Executable task instances.</summary>
    public TaskInstancesClient<RT, Executable, ExecutableTaskInstance> ExecutableTaskInstances { get; }

    /// <summary>
    /// Checks the credentials with one cheap authenticated read (<c>GET users/?page_size=1</c>):
    /// fails with <see cref="AuthenticationFailed"/> when the server does not accept them.
    /// </summary>
    public Aff<RT, Unit> TestAuthentication() => Users.ListPage(default, 1, 1).Map(_ => unit);

    /// <summary>Task form of <see cref="TestAuthentication"/>.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task<Fin<Unit>> TestAuthenticationAsync(CancellationToken cancellationToken = default) =>
        runner.RunAsync(TestAuthentication(), cancellationToken);

    /// <summary>
    /// Stores a state for an instance of either kind (<c>PATCH updatetaskinstancestatus/{uuid}/</c>),
    /// as saltant workers do. The server stores any state string; use the known states.
    /// </summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="state">The state to store.</param>
    public Aff<RT, InstanceStateUpdate> UpdateState(InstanceUuid uuid, TaskState state) =>
        Api.Given<RT, TaskState, InstanceStateUpdate>(state, nameof(state), s => api.Send<RT, InstanceStateUpdate>(InstanceStateRequests.Update(uuid, s), Decoders.InstanceStateUpdate));

    /// <summary>Task form of <see cref="UpdateState"/>.</summary>
    /// <param name="uuid">The instance.</param>
    /// <param name="state">The state to store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Fin<InstanceStateUpdate>> UpdateStateAsync(InstanceUuid uuid, TaskState state, CancellationToken cancellationToken = default) =>
        runner.RunAsync(UpdateState(uuid, state), cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"SaltantClient({Settings.ApiRoot}, {Settings.Authentication})";

    /// <inheritdoc />
    public void Dispose()
    {
        connection.Dispose();
        credentials?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Checks the credentials when the settings ask for it, disposing the client if they are refused.</summary>
    internal Aff<RT, Unit> CheckedIfAsked() =>
        Settings.CheckAuthentication
            ? TestAuthentication() | @catch(e =>
            {
                Dispose();
                return FailAff<RT, Unit>(e);
            })
            : unitAff;
}

/// <summary>
/// The saltant client for <see cref="SaltantRuntime"/>, the runtime that carries only a
/// cancellation: what plain C# callers and most pipelines use. <see cref="Create(Settings, SaltantClientOptions?)"/>
/// makes one without a round trip, <see cref="ConnectAsync(Either{ConfigError, Settings}, SaltantClientOptions?, CancellationToken)"/>
/// checks the credentials first; a client for a runtime of the caller's comes from
/// <see cref="Create{RT}(Settings, Func{CancellationToken, RT}, SaltantClientOptions?)"/>.
/// </summary>
public sealed class SaltantClient : SaltantClient<SaltantRuntime>
{
    private SaltantClient(Settings settings, SaltantClientOptions options)
        : base(settings, options, SaltantRuntime.New)
    {
    }

    /// <summary>Makes a client without contacting the server.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="options">The HTTP client, clock and logging to use; <see cref="SaltantClientOptions.Default"/> when null.</param>
    public static SaltantClient Create(Settings settings, SaltantClientOptions? options = null) =>
        new(settings, options ?? SaltantClientOptions.Default);

    /// <summary>
    /// Makes a client whose effects run in a runtime of the caller's, without contacting the server,
    /// so they compose with the caller's own effects in it.
    /// </summary>
    /// <typeparam name="RT">The caller's runtime.</typeparam>
    /// <param name="settings">Validated settings.</param>
    /// <param name="makeRuntime">Makes a fresh runtime, cancelled with the token, for each <c>…Async</c> call (its cancellation source is disposed after).</param>
    /// <param name="options">The HTTP client, clock and logging to use; <see cref="SaltantClientOptions.Default"/> when null.</param>
    public static SaltantClient<RT> Create<RT>(Settings settings, Func<CancellationToken, RT> makeRuntime, SaltantClientOptions? options = null)
        where RT : struct, HasCancel<RT> =>
        new(settings, options ?? SaltantClientOptions.Default, makeRuntime);

    /// <summary>
    /// Makes a client and, when <see cref="Settings.CheckAuthentication"/> is set (the default),
    /// checks the credentials with one read, so bad ones fail here with <see cref="AuthenticationFailed"/>
    /// (and the client is disposed). Make it inside <c>use</c> to dispose it after.
    /// </summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    public static Aff<SaltantRuntime, SaltantClient> Connect(Settings settings, SaltantClientOptions? options = null) =>
        from client in Eff(() => Create(settings, options))
        from _ in client.CheckedIfAsked()
        select client;

    /// <summary>Connects with settings still to be validated: a <see cref="ConfigError"/> is the effect's failure, and nothing is sent.</summary>
    /// <param name="settings">The settings as <see cref="Settings.Create"/> or <see cref="Settings.FromEnvironment"/> gave them.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    public static Aff<SaltantRuntime, SaltantClient> Connect(Either<ConfigError, Settings> settings, SaltantClientOptions? options = null) =>
        settings.Match(Right: valid => Connect(valid, options), Left: FailAff<SaltantRuntime, SaltantClient>);

    /// <summary>Connects a client whose effects run in a runtime of the caller's; see <see cref="Connect(Settings, SaltantClientOptions?)"/>.</summary>
    /// <typeparam name="RT">The caller's runtime.</typeparam>
    /// <param name="settings">The settings as made, valid or not.</param>
    /// <param name="makeRuntime">Makes a fresh runtime for each <c>…Async</c> call.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    public static Aff<RT, SaltantClient<RT>> Connect<RT>(Either<ConfigError, Settings> settings, Func<CancellationToken, RT> makeRuntime, SaltantClientOptions? options = null)
        where RT : struct, HasCancel<RT> =>
        from valid in settings.Match(Right: SuccessAff<RT, Settings>, Left: FailAff<RT, Settings>)
        from client in Eff<RT, SaltantClient<RT>>(_ => Create(valid, makeRuntime, options))
        from _ in client.CheckedIfAsked()
        select client;

    /// <summary>Task form of <see cref="Connect(Settings, SaltantClientOptions?)"/>.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(Settings settings, SaltantClientOptions? options = null, CancellationToken cancellationToken = default) =>
        Connect(settings, options).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Connect(Settings, SaltantClientOptions?)"/> with the default options.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(Settings settings, CancellationToken cancellationToken) => ConnectAsync(settings, null, cancellationToken);

    /// <summary>Task form of <see cref="Connect(Either{ConfigError, Settings}, SaltantClientOptions?)"/>.</summary>
    /// <param name="settings">The settings as made, valid or not.</param>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(Either<ConfigError, Settings> settings, SaltantClientOptions? options = null, CancellationToken cancellationToken = default) =>
        Connect(settings, options).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="Connect(Either{ConfigError, Settings}, SaltantClientOptions?)"/> with the default options.</summary>
    /// <param name="settings">The settings as made, valid or not.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectAsync(Either<ConfigError, Settings> settings, CancellationToken cancellationToken) => ConnectAsync(settings, null, cancellationToken);

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
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    public static Aff<SaltantRuntime, SaltantClient> ConnectFromEnvironment(SaltantClientOptions? options = null) =>
        from settings in Eff(() => Settings.FromEnvironment(EnvironmentSnapshot.Read()))
        from client in Connect(settings, options)
        select client;

    /// <summary>Task form of <see cref="ConnectFromEnvironment"/>.</summary>
    /// <param name="options">The HTTP client, clock and logging to use.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectFromEnvironmentAsync(SaltantClientOptions? options = null, CancellationToken cancellationToken = default) =>
        ConnectFromEnvironment(options).RunAsync(cancellationToken);

    /// <summary>Task form of <see cref="ConnectFromEnvironment"/> with the default options.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static Task<Fin<SaltantClient>> ConnectFromEnvironmentAsync(CancellationToken cancellationToken) => ConnectFromEnvironmentAsync(null, cancellationToken);
}
