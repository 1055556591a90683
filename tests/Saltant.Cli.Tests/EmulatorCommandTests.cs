using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Saltant.Cli;
using Saltant.Emulator.Worker;
using Xunit;

namespace Saltant.Cli.Tests;

/// <summary><c>saltant emulator</c> run in-process until cancelled, as Ctrl+C would, and used over HTTP meanwhile.</summary>
public sealed partial class EmulatorCommandTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [GeneratedRegex(@"listening on (?<url>\S+)")]
    private static partial Regex ListeningRe();

    [GeneratedRegex(@"^  (?<name>\S+)(?: \(superuser\))?: token (?<token>\S+), password (?<password>.*)$", RegexOptions.Multiline)]
    private static partial Regex UserRe();

    /// <summary>A running <c>saltant emulator</c>: what it printed once ready, and how to stop it.</summary>
    /// <remarks>The writers are <see cref="TextWriter.Synchronized"/> ones, which lock on themselves, so reads lock on them too.</remarks>
    private sealed class Running(Task<int> exit, CancellationTokenSource stop, TextWriter error, StringWriter errorText, string banner)
    {
        public string Banner { get; } = banner;

        public Uri ApiUrl => new(ListeningRe().Match(Banner).Groups["url"].Value);

        public IReadOnlyDictionary<string, (string Token, string Password)> Users =>
            UserRe().Matches(Banner).ToDictionary(m => m.Groups["name"].Value, m => (m.Groups["token"].Value, m.Groups["password"].Value.TrimEnd('\r')));

        /// <summary>Cancels it as Ctrl+C does and returns its exit code and standard error.</summary>
        public async Task<(int Exit, string Error)> StopAsync()
        {
            await stop.CancelAsync();
            var code = await exit.WaitAsync(HangGuard);
            stop.Dispose();
            lock (error) return (code, errorText.ToString());
        }

        public static async Task<Running> StartAsync(params string[] args)
        {
            var outputText = new StringWriter { NewLine = "\n" };
            var errorText = new StringWriter { NewLine = "\n" };
            var output = TextWriter.Synchronized(outputText);
            var error = TextWriter.Synchronized(errorText);
            var host = new CliHost
            {
                Out = output,
                Error = error,
                In = new StringReader(""),
                Environment = new Dictionary<string, string?>(),
                Width = 250,
            };
            var stop = new CancellationTokenSource();
            var exit = Task.Run(() => CliApp.RunAsync(["emulator", .. args], host, stop.Token));
            using var guard = new CancellationTokenSource(HangGuard);
            while (true)
            {
                string printed;
                lock (output) printed = outputText.ToString();
                if (printed.Contains("Press Ctrl+C", StringComparison.Ordinal)) return new Running(exit, stop, error, errorText, printed);
                if (exit.IsCompleted)
                {
                    var code = await exit;
                    lock (error) throw new InvalidOperationException($"saltant emulator ended with {code}: {printed}{errorText}");
                }
                await Task.Delay(20, guard.Token);
            }
        }
    }

    [Fact]
    public async Task It_prints_each_seeded_users_password_and_the_password_obtains_a_jwt()
    {
        var running = await Running.StartAsync("--port", "0");
        Assert.Equal(["admin", "alice", "bob"], running.Users.Keys.Order());
        using var http = new HttpClient { BaseAddress = running.ApiUrl };
        foreach (var (name, (_, password)) in running.Users)
        {
            using var res = await http.PostAsync("token/", new FormUrlEncodedContent([new("username", name), new("password", password)]));
            Assert.Equal(200, (int)res.StatusCode);
            Assert.NotNull(JsonNode.Parse(await res.Content.ReadAsStringAsync())!["access"]);
        }
        var (exit, error) = await running.StopAsync();
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Emulator stopped.", error);
    }

    [Fact]
    public async Task The_printed_jwt_settings_work_as_they_are()
    {
        var running = await Running.StartAsync("--port", "0");
        var line = running.Banner.Split('\n').Single(l => l.Contains("with a JWT: export ", StringComparison.Ordinal));
        var env = line[(line.IndexOf("export ", StringComparison.Ordinal) + "export ".Length)..].Trim()
            .Split(' ')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => (string?)pair[1]);
        var home = Directory.CreateTempSubdirectory("saltant-cli-jwt-").FullName;
        env["XDG_CONFIG_HOME"] = env["HOME"] = home;

        var result = await CliRunner.RunAsync(env, "users", "list", "-q");
        Directory.Delete(home, recursive: true);

        result.AssertSuccess();
        Assert.Contains("alice", result.Out);
        Assert.False(env.ContainsKey("SALTANT_AUTH_TOKEN"));
        Assert.Equal(ExitCodes.Success, (await running.StopAsync()).Exit);
    }

    [Theory]
    [InlineData(OutcomePolicyNames.AlwaysFail, "true", "failed")]
    [InlineData(OutcomePolicyNames.AlwaysSucceed, "false", "successful")]
    [InlineData(OutcomePolicyNames.ByCommand, "false", "failed")]
    public async Task The_worker_policy_decides_how_an_instance_ends(string policy, string command, string expected)
    {
        var running = await Running.StartAsync("--port", "0", "--worker-policy", policy, "--user", "carol:caroltoken:carolpass");
        Assert.Equal(("caroltoken", "carolpass"), running.Users["carol"]);
        using var http = new HttpClient { BaseAddress = running.ApiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "caroltoken");

        var type = await PostAsync(http, "executabletasktypes/", $$"""{"name":"t","command_to_run":"{{command}}"}""");
        var whitelist = await PostAsync(http, "taskwhitelists/", $$"""{"name":"w","whitelisted_executable_task_types":[{{type["id"]}}]}""");
        var queue = await PostAsync(http, "taskqueues/", $$"""{"name":"q","whitelists":[{{whitelist["id"]}}]}""");
        var instance = await PostAsync(http, "executabletaskinstances/", $$"""{"task_type":{{type["id"]}},"task_queue":{{queue["id"]}}}""");

        using var guard = new CancellationTokenSource(HangGuard);
        string state;
        do
        {
            await Task.Delay(10, guard.Token);
            state = JsonNode.Parse(await http.GetStringAsync($"executabletaskinstances/{instance["uuid"]}/", guard.Token))!["state"]!.GetValue<string>();
        }
        while (state is "published" or "running");
        Assert.Equal(expected, state);
        Assert.Equal(ExitCodes.Success, (await running.StopAsync()).Exit);
    }

    [Fact]
    public async Task An_unknown_worker_policy_is_a_usage_error_naming_the_policies()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?>(), "emulator", "--worker-policy", "sometimes");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.All(OutcomePolicyNames.All, name => Assert.Contains(name, result.Err));
    }

    [Fact]
    public async Task Help_documents_the_worker_policies_and_the_cost_model()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?>(), "emulator", "--help");
        result.AssertSuccess();
        Assert.Contains("--worker-policy", result.Out);
        Assert.All(OutcomePolicyNames.All, name => Assert.Contains(name, result.Out));
        Assert.All(["--cost", "saltant", "--request-cost-ms", "--record-cost-ms", "--server-concurrency"], option => Assert.Contains(option, result.Out));
    }

    [Theory]
    [InlineData(new[] { "--cost", "saltant" }, "18 ms per request + 0.55 ms per record, 2 requests at a time")]
    [InlineData(new[] { "--cost", "saltant", "--record-cost-ms", "1" }, "18 ms per request + 1 ms per record, 2 requests at a time")]
    [InlineData(new[] { "--server-concurrency", "1" }, "0 ms per request + 0 ms per record, 1 requests at a time")]
    public async Task The_cost_options_set_the_model_the_emulator_runs_with(string[] options, string described)
    {
        var running = await Running.StartAsync(["--port", "0", .. options]);
        Assert.Contains("  server cost: " + described + "\n", running.Banner);
        Assert.Equal(ExitCodes.Success, (await running.StopAsync()).Exit);
    }

    [Theory]
    [InlineData("--cost", "cheap", "'saltant'")]
    [InlineData("--server-concurrency", "0", "--server-concurrency takes a whole number of at least 1")]
    [InlineData("--request-cost-ms", "-5", "--request-cost-ms takes a number of milliseconds from 0")]
    public async Task A_bad_cost_option_is_a_usage_error_saying_what_it_takes(string option, string value, string message)
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?>(), "emulator", "--port", "0", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Err);
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, string json)
    {
        using var res = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == 201, $"{path}: {(int)res.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
