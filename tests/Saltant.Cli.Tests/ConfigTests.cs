using System.Text.Json;
using Spectre.Console.Testing;
using Xunit;

namespace Saltant.Cli.Tests;

public sealed class ConfigTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("saltant-cli-config-").FullName;

    public void Dispose() => Directory.Delete(home, recursive: true);

    private string ConfigFile => Path.Combine(home, "saltant", "config.json");

    /// <summary>An environment with a config directory and no SALTANT_* variables.</summary>
    private Dictionary<string, string?> Bare() => new() { ["XDG_CONFIG_HOME"] = home, ["HOME"] = "/nonexistent" };

    private async Task Init(string profile, string user = "alice", params string[] extra)
    {
        var input = $"{fixture.Emulator.ApiUrl}\n{fixture.Emulator.User(user).Token}\n{profile}\n";
        (await CliRunner.RunWithInputAsync(Bare(), input, ["config", "init", .. extra])).AssertSuccess();
    }

    [Fact]
    public async Task Init_asks_checks_and_saves_a_file_only_its_owner_can_read()
    {
        var input = $"{fixture.Emulator.ApiUrl}\n{fixture.Emulator.User("alice").Token}\nwork\n";
        var checks = fixture.Emulator.Requests.Count("GET", "users/");

        var result = await CliRunner.RunWithInputAsync(Bare(), input, "config", "init");

        result.AssertSuccess();
        Assert.Contains("URL of the saltant server's API", result.Err);
        Assert.Contains("Auth token", result.Err);
        Assert.Contains("Profile name [default]", result.Err);
        Assert.Contains($"Saved profile \"work\" to {ConfigFile} (the default profile); {fixture.Emulator.ApiUrl} accepted the token.", result.Out);
        Assert.DoesNotContain(fixture.Emulator.User("alice").Token, result.Out + result.Err);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigFile));
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(ConfigFile));
        Assert.Equal("work", document.RootElement.GetProperty("default_profile").GetString());
        var work = document.RootElement.GetProperty("profiles").GetProperty("work");
        Assert.Equal(fixture.Emulator.ApiUrl.ToString(), work.GetProperty("api_url").GetString());
        Assert.Equal(fixture.Emulator.User("alice").Token, work.GetProperty("auth_token").GetString());
        Assert.Equal(checks + 1, fixture.Emulator.Requests.Count("GET", "users/")); // the check
    }

    [Fact]
    public async Task Saltant_clis_setup_flag_runs_config_init()
    {
        var input = $"{fixture.Emulator.ApiUrl}\n{fixture.Emulator.User("bob").Token}\nlegacy\n";

        var result = await CliRunner.RunWithInputAsync(Bare(), input, "--setup");

        result.AssertSuccess();
        Assert.Contains("Saved profile \"legacy\"", result.Out);
    }

    [Fact]
    public async Task At_a_terminal_init_asks_with_prompts_and_masks_the_token()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter(fixture.Emulator.ApiUrl.ToString());
        console.Input.PushTextWithEnter(fixture.Emulator.User("alice").Token);
        console.Input.PushTextWithEnter("");
        var output = new StringWriter();
        var host = new CliHost { Out = output, Error = new StringWriter(), In = new StringReader(""), Environment = Bare(), Interactive = true, Console = console };

        var exit = await CliApp.RunAsync(["config", "init"], host);

        Assert.Equal(0, exit);
        Assert.Contains("Auth token for the saltant server:", console.Output);
        Assert.DoesNotContain(fixture.Emulator.User("alice").Token, console.Output);
        Assert.Contains("Saved profile \"default\"", output.ToString());
        Assert.True(File.Exists(ConfigFile));
    }

    [Fact]
    public async Task Init_with_a_token_the_server_refuses_saves_nothing()
    {
        var input = $"{fixture.Emulator.ApiUrl}\nnot-a-real-token\nwork\n";

        var result = await CliRunner.RunWithInputAsync(Bare(), input, "config", "init");

        result.AssertFailure(5, "credentials were not accepted");
        Assert.False(File.Exists(ConfigFile));
    }

    [Fact]
    public async Task Init_with_a_refused_token_offers_to_enter_it_again_and_keeps_the_other_answers()
    {
        var good = fixture.Emulator.User("bob").Token;
        var input = $"{fixture.Emulator.ApiUrl}\nnot-a-real-token\nwork\ny\n{good}\n";

        var result = await CliRunner.RunWithInputAsync(Bare(), input, "config", "init");

        result.AssertSuccess();
        Assert.Contains("Enter it again? (y/N)", result.Err);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Err, "URL of the saltant server's API"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Err, "Profile name"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(result.Err, "Auth token for the saltant server").Count);
        Assert.Contains($"Saved profile \"work\" to {ConfigFile} (the default profile); {fixture.Emulator.ApiUrl} accepted the token.", result.Out);
        using var document = JsonDocument.Parse(File.ReadAllText(ConfigFile));
        Assert.Equal(good, document.RootElement.GetProperty("profiles").GetProperty("work").GetProperty("auth_token").GetString());
    }

    [Fact]
    public async Task Init_with_a_url_without_api_suggests_appending_it()
    {
        var root = fixture.Emulator.ApiUrl.ToString().Replace("api/", "", StringComparison.Ordinal);

        var result = await CliRunner.RunWithInputAsync(Bare(), $"{root}\n{fixture.Emulator.User("alice").Token}\nwork\n", "config", "init");

        result.AssertFailure(3, $"try {root}api/");
        Assert.False(File.Exists(ConfigFile));
    }

    [Fact]
    public async Task Config_list_in_json_prints_the_profiles_as_json()
    {
        await Init("work");
        await Init("other", "bob");

        var result = await CliRunner.RunAsync(Bare(), "config", "list", "-o", "json");

        result.AssertSuccess();
        using var document = JsonDocument.Parse(result.Out);
        var profiles = document.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("profile").GetString()!);
        Assert.True(profiles["work"].GetProperty("default").GetBoolean());
        Assert.False(profiles["other"].GetProperty("default").GetBoolean());
        Assert.Equal(fixture.Emulator.ApiUrl.ToString(), profiles["work"].GetProperty("api_url").GetString());
        Assert.DoesNotContain(fixture.Emulator.User("bob").Token, result.Out);
    }

    [Fact]
    public async Task Init_with_an_invalid_url_is_a_configuration_error()
    {
        var result = await CliRunner.RunWithInputAsync(Bare(), "not a url\ntoken\nwork\n", "config", "init");

        result.AssertFailure(3, "SALTANT_API_URL");
        Assert.False(File.Exists(ConfigFile));
    }

    [Fact]
    public async Task Init_asks_before_replacing_a_profile()
    {
        await Init("work");
        var before = await File.ReadAllTextAsync(ConfigFile);

        var declined = await CliRunner.RunWithInputAsync(Bare(), $"{fixture.Emulator.ApiUrl}\n{fixture.Emulator.User("bob").Token}\nwork\nn\n", "config", "init");

        declined.AssertSuccess();
        Assert.Contains("Nothing was changed.", declined.Err);
        Assert.Equal(before, await File.ReadAllTextAsync(ConfigFile));
    }

    [Fact]
    public async Task Profiles_are_used_by_name_and_by_default()
    {
        await Init("work", "alice");
        var scripted = await CliRunner.RunAsync(Bare(), "config", "init", "--url", fixture.Emulator.ApiUrl.ToString(), "--token", fixture.Emulator.User("bob").Token, "--name", "other");
        scripted.AssertSuccess();
        Assert.Equal("", scripted.Err); // nothing asked

        var byDefault = await CliRunner.RunAsync(Bare(), "task-queues", "create", "--name", EmulatorFixture.Unique("cfg"), "-o", "json");
        var byName = await CliRunner.RunAsync(Bare(), "task-queues", "create", "--name", EmulatorFixture.Unique("cfg"), "-o", "json", "--profile", "other");

        using (var document = JsonDocument.Parse(byDefault.Out))
        {
            Assert.Equal("alice", document.RootElement.GetProperty("user").GetString());
        }

        using (var document = JsonDocument.Parse(byName.Out))
        {
            Assert.Equal("bob", document.RootElement.GetProperty("user").GetString());
        }

        var listed = await CliRunner.RunAsync(Bare(), "config", "list");
        Assert.Matches(@"work\s+http://\S+\s+yes", listed.Out);
        Assert.DoesNotContain(fixture.Emulator.User("bob").Token, listed.Out);

        (await CliRunner.RunAsync(Bare(), "config", "use", "other")).AssertSuccess();
        var switched = await CliRunner.RunAsync(Bare(), "task-queues", "create", "--name", EmulatorFixture.Unique("cfg"), "-o", "json");
        using (var document = JsonDocument.Parse(switched.Out))
        {
            Assert.Equal("bob", document.RootElement.GetProperty("user").GetString());
        }
    }

    [Fact]
    public async Task The_environment_wins_over_the_default_profile_and_a_named_profile_wins_over_the_environment()
    {
        await Init("work", "alice");
        var env = Bare();
        env["SALTANT_AUTH_TOKEN"] = "a-token-the-server-refuses";

        var environmentWins = await CliRunner.RunAsync(env, "users", "list", "-q");
        environmentWins.AssertFailure(5, "credentials");

        var profileWins = await CliRunner.RunAsync(env, "users", "list", "-q", "--profile", "work");
        profileWins.AssertSuccess();

        env["SALTANT_PROFILE"] = "work";
        (await CliRunner.RunAsync(env, "users", "list", "-q")).AssertSuccess();
    }

    [Fact]
    public async Task An_unknown_profile_is_a_configuration_error_naming_the_known_ones()
    {
        await Init("work");

        var result = await CliRunner.RunAsync(Bare(), "users", "list", "--profile", "nope");

        result.AssertFailure(3, "There is no profile \"nope\"");
        Assert.Contains("\"work\"", result.Err);
    }

    [Fact]
    public async Task No_settings_at_all_is_a_configuration_error_that_says_what_to_do()
    {
        var result = await CliRunner.RunAsync(Bare(), "users", "list");

        result.AssertFailure(3, "SALTANT_API_URL");
        Assert.Contains("saltant config init", result.Err);
    }

    [Fact]
    public async Task A_malformed_config_file_is_a_configuration_error()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        await File.WriteAllTextAsync(ConfigFile, "{\"profiles\": {\"x\": {\"api_urll\": \"http://h/api/\"}}}");

        var result = await CliRunner.RunAsync(Bare(), "users", "list");

        result.AssertFailure(3, "unknown setting \"api_urll\"");
    }

    [Fact]
    public async Task The_config_directory_falls_back_to_home_dot_config()
    {
        var env = new Dictionary<string, string?> { ["HOME"] = home };

        var result = await CliRunner.RunAsync(env, "config", "path");

        Assert.Equal(Path.Combine(home, ".config", "saltant", "config.json") + "\n", result.Out);
    }
}
