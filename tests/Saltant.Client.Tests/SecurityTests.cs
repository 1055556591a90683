using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator.Faults;
using Xunit;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>A tiny real HTTP server that answers every request with a redirect and counts the connections it got.</summary>
internal sealed class RedirectServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly string status;
    private readonly Func<string, string> location;
    private int connections;

    public RedirectServer(IPAddress address, string status, Func<string, string> location)
    {
        this.status = status;
        this.location = location;
        listener = new TcpListener(address, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
                _ = Task.Run(() => AnswerAsync(socket));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task AnswerAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                var buffer = new byte[8192];
                var text = new StringBuilder();
                while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await stream.ReadAsync(buffer, stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    text.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                var path = text.ToString().Split(' ')[1];
                var answer = $"HTTP/1.1 {status}\r\nLocation: {location(path)}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}

/// <summary>Credentials stay private: no clear-text http to other hosts, no redirects followed, no secret in any printout.</summary>
public sealed class SecurityTests
{
    [Fact]
    public async Task Plain_http_to_another_host_is_refused_before_any_network_access()
    {
        await using var h = await Harness.StartAsync();
        var settings = Ok(Settings.Create("http://example.invalid/api/", Authentication.Token("secret-token-0123456789abcdef"), maxRetries: 0));
        Assert.True(settings.PlainHttpToRemoteHost);
        Assert.False(settings.MaySendCredentials);
        var client = h.NewClient(settings);
        using var network = new NetworkActivity();
        Assert.Equal("http://example.invalid", Fails<InsecureRequestRefused, Unit>(h.Observe(await client.TestAuthenticationAsync())).Url);
        Fails<InsecureRequestRefused, TaskQueue>(h.Observe(await client.TaskQueues.CreateAsync(new TaskQueueDraft("q"))));
        Fails<InsecureRequestRefused, SaltantClient>(h.Observe(await SaltantClient.ConnectAsync(settings)));

        // A JWT login would send the password in the body: refused just the same.
        var login = h.NewClient(Ok(Settings.Create("http://example.invalid/api/", Authentication.Login("alice", "hunter2-password"))));
        Fails<InsecureRequestRefused, Seq<User>>(h.Observe(await login.Users.ListAsync()));
        // No request was started and no name looked up: refused before any network access.
        Assert.DoesNotContain("example.invalid", network.Hosts);

        // Allowed explicitly, the request is attempted (and fails on the network, not on policy),
        // which the listener sees: its silence above is not blindness.
        var allowed = h.NewClient(settings.WithAllowInsecureHttp(true).WithTimeout(TimeSpan.FromSeconds(3)).Match(s => s, e => throw new InvalidOperationException(e.Message)));
        var error = Error(h.Observe(await allowed.TestAuthenticationAsync()));
        Assert.True(error is TransportFailed or TimedOut, error.ToString());
        Assert.Contains("example.invalid", network.Hosts);
    }

    [Fact]
    public async Task Plain_http_to_a_real_non_loopback_address_never_connects_unless_allowed()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (address is null)
        {
            return; // No non-loopback interface here; the example.invalid test covers the refusal.
        }

        await using var h = await Harness.StartAsync();
        await using var server = new RedirectServer(address, "302 Found", _ => "https://example.invalid/");
        var settings = Ok(Settings.Create($"http://{address}:{server.Port}/api/", Authentication.Token(h.Alice.Token), maxRetries: 0));
        var client = h.NewClient(settings);
        Fails<InsecureRequestRefused, Seq<User>>(h.Observe(await client.Users.ListAsync()));
        Fails<InsecureRequestRefused, ExecutableTaskInstance>(h.Observe(await client.ExecutableTaskInstances.CreateAsync(TaskInstanceDraft.For(new TaskTypeId<Executable>(1), new TaskQueueId(1)))));
        await Task.Delay(50);
        Assert.Equal(0, server.Connections);

        var allowed = h.NewClient(settings.WithAllowInsecureHttp(true));
        Fails<UnexpectedStatus, Unit>(h.Observe(await allowed.TestAuthenticationAsync()));
        Assert.Equal(1, server.Connections);
    }

    [Theory]
    [InlineData("301 Moved Permanently")]
    [InlineData("302 Found")]
    [InlineData("307 Temporary Redirect")]
    [InlineData("308 Permanent Redirect")]
    public async Task Redirects_are_never_followed(string status)
    {
        await using var h = await Harness.StartAsync();
        await using var server = new RedirectServer(IPAddress.Loopback, status, path => new Uri(h.Emu.ApiUrl, path.Replace("/api/", "", StringComparison.Ordinal)).AbsoluteUri);
        var root = $"http://127.0.0.1:{server.Port}/api/";

        var token = h.NewClient(Harness.SettingsFor(h.Emu).WithApiRoot(root).Match(s => s, e => throw new InvalidOperationException(e.Message)));
        var error = Fails<UnexpectedStatus, Seq<User>>(h.Observe(await token.Users.ListAsync()));
        Assert.Equal(int.Parse(status[..3], System.Globalization.CultureInfo.InvariantCulture), error.Status);
        Assert.Contains(h.Emu.ApiUrl.Authority, error.Message, StringComparison.Ordinal);
        Fails<UnexpectedStatus, TaskQueue>(h.Observe(await token.TaskQueues.CreateAsync(new TaskQueueDraft("redirected"))));

        var login = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", h.Alice.Password)).WithApiRoot(root).Match(s => s, e => throw new InvalidOperationException(e.Message)));
        Fails<UnexpectedStatus, Unit>(h.Observe(await login.TestAuthenticationAsync()));

        // The emulator the redirects point at never saw a request.
        Assert.Equal(0, h.Emu.Requests.Total);
        Assert.True(server.Connections >= 3);
    }

    [Fact]
    public async Task No_token_password_or_jwt_appears_in_errors_from_the_jwt_endpoints()
    {
        await using var h = await Harness.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5), manualClock: true, clientUsesManualClock: true);
        var settings = Harness.SettingsFor(h.Emu, Authentication.Login("alice", h.Alice.Password), maxRetries: 1);
        var faults = new[] { Fault.TruncatedBody(), Fault.MalformedJson(), Fault.ResetMidBody(), Fault.GatewayError(502), Fault.TooManyRequests(TimeSpan.Zero), Fault.ConnectionReset(true) };
        foreach (var fault in faults)
        {
            var client = h.NewClient(settings, h.Clock);
            h.Emu.Faults.Add(fault, "token/", "POST");
            var result = h.Observe(await client.TestAuthenticationAsync());
            Assert.True(result.IsFail, $"{fault}: expected a failure");
            Assert.IsAssignableFrom<SaltantError>(Error(result));
            h.Emu.Faults.Clear();

            // The same client recovers once the endpoint behaves.
            Ok(await client.TestAuthenticationAsync());

            // Now a refresh, damaged the same way.
            h.Clock!.Advance(TimeSpan.FromMinutes(5));
            h.Emu.Faults.Add(fault, "token/refresh/", "POST");
            h.Observe(await client.TestAuthenticationAsync());
            h.Emu.Faults.Clear();
            Ok(await client.TestAuthenticationAsync());
        }

        h.AssertNoSecretsSeen();
    }

    [Fact]
    public async Task Transient_faults_on_login_and_refresh_are_retried()
    {
        await using var h = await Harness.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5), manualClock: true, clientUsesManualClock: true);
        var client = h.NewClient(Harness.SettingsFor(h.Emu, Authentication.Login("alice", h.Alice.Password)), h.Clock);
        h.Emu.Faults.Next(1, Fault.GatewayError(503), "token/", "POST");
        Ok(await client.TestAuthenticationAsync());
        Assert.Equal(2, h.Emu.Requests.Count("POST", "token/"));

        h.Clock!.Advance(TimeSpan.FromMinutes(5));
        h.Emu.Faults.Next(1, Fault.ConnectionReset(), "token/refresh/", "POST");
        Ok(await client.TestAuthenticationAsync());
        Assert.Equal(2, h.Emu.Requests.Count("POST", "token/refresh/"));
    }

    [Fact]
    public async Task Printouts_show_no_credentials()
    {
        await using var h = await Harness.StartAsync();
        var secret = "pw-printout-" + Guid.NewGuid().ToString("N");
        Harness.AddSecret(secret);
        foreach (var auth in new[] { Authentication.Token(secret), Authentication.Login("alice", secret), Authentication.Jwt(secret, secret) })
        {
            var settings = Harness.SettingsFor(h.Emu, auth);
            var client = h.NewClient(settings);
            foreach (var text in new[] { auth.ToString(), settings.ToString(), client.ToString(), client.Settings.ToString(), $"{settings}" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Fails<AuthenticationFailed, Unit>(h.Observe(await client.TestAuthenticationAsync()));
        }
    }

    [Fact]
    public void States_and_errors_print_as_documented()
    {
        Assert.Equal("running", TaskState.RunningState.ToString());
        Assert.Equal("whatever", TaskState.Parse("whatever").ToString());
        var error = new TimedOut(new RequestInfo("GET", "https://saltant.example.org/api/users/"), TimeSpan.FromSeconds(2));
        Assert.Equal(error.Message, error.ToString());
        var problem = Settings.Create("nope", Authentication.Token("")).Match(_ => throw new InvalidOperationException(), e => e);
        Assert.All(problem.Problems, p => Assert.Equal(p.Message, p.ToString()));
    }
}
