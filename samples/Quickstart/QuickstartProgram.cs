using LanguageExt;
using LanguageExt.Common;
using Saltant.Client;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Worker;
using static LanguageExt.Prelude;

namespace Saltant.Quickstart;

/// <summary>Chooses the server, runs the pipeline, and turns any failure into one sentence and exit code 1.</summary>
internal static class QuickstartProgram
{
    internal static async Task<int> RunAsync(
        IReadOnlyDictionary<string, string?> environment,
        TextWriter output,
        TextWriter errors,
        CancellationToken cancellationToken,
        Spectre.Console.IAnsiConsole? live = null)
    {
        try
        {
            var configured = environment.TryGetValue(SettingsVariables.ApiUrl, out var url) && !string.IsNullOrEmpty(url);
            if (configured)
            {
                return await RunWithSettings(Settings.FromEnvironment(environment), "the server in SALTANT_API_URL", output, errors, live, cancellationToken);
            }

            // Sleeps run four times faster than written, so the demo's slow task (sleep 4) takes one second.
            await using var emulator = await SaltantEmulator.StartAsync(
                new SaltantEmulatorOptions { TimeScale = 0.25, WorkerPollInterval = TimeSpan.FromMilliseconds(20) },
                cancellationToken);
            var admin = emulator.User("admin");
            var settings = Settings.Create(emulator.ApiUrl.ToString(), Authentication.Token(admin.Token), waitRefreshPeriod: TimeSpan.FromMilliseconds(250));
            return await RunWithSettings(settings, $"the in-process emulator at {emulator.ApiUrl}", output, errors, live, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only the emulator's start can throw (a port it cannot bind); the client never does.
            await errors.WriteLineAsync($"The quickstart could not start: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunWithSettings(
        Either<ConfigError, Settings> settings, string where, TextWriter output, TextWriter errors, Spectre.Console.IAnsiConsole? live, CancellationToken cancellationToken)
    {
        var quickstart =
            from valid in settings.ToAff(problems => problems)   // bad settings end it here
            from done in use(SaltantClient.Connect(valid), client =>  // checks the token; disposed at the end
                from _ in Aff(async () => { await output.WriteLineAsync($"Running the saltant quickstart against {where}."); return unit; })
                from ran in new Pipeline(client, output, TimeProvider.System, live).Run()
                select ran)
            select done;

        var outcome = await quickstart.RunAsync(cancellationToken);
        await outcome.Match(Succ: _ => Task.CompletedTask, Fail: error => errors.WriteLineAsync(error.Message));
        return outcome.IsSucc ? 0 : 1;
    }

    /// <summary>The saltant variables of the process environment.</summary>
    internal static Dictionary<string, string?> ReadEnvironment() =>
        SettingsVariables.All.ToDictionary(name => name, Environment.GetEnvironmentVariable);
}
