using System.CommandLine;
using System.Globalization;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Cost;
using Saltant.Emulator.Worker;

namespace Saltant.Cli.Commands;

/// <summary><c>emulator</c>: runs the in-memory saltant server for local experiments until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on, on loopback; 0 picks a free one.", HelpName = "port", DefaultValueFactory = _ => 8000 };
        var timeScale = new Option<double>("--time-scale") { Description = "How fast simulated tasks run: 0.1 makes 'sleep 10' take 1 s.", HelpName = "factor", DefaultValueFactory = _ => 1.0 };
        var users = new Option<string[]>("--user") { Description = "A user NAME:TOKEN:PASSWORD[:superuser] instead of the seeded admin, alice and bob; repeat for more.", HelpName = "spec" };
        var workerPolicy = new Option<string>("--worker-policy")
        {
            Description = $"How simulated tasks end: {OutcomePolicyNames.ByCommand} ('false' and 'exit N' fail, 'sleep N' takes N s, the rest succeeds), "
                + $"{OutcomePolicyNames.NoContainerRuntime} (the same, but container tasks fail, as on a host without Docker or Singularity), "
                + $"{OutcomePolicyNames.AlwaysSucceed} or {OutcomePolicyNames.AlwaysFail}.",
            HelpName = "policy",
            DefaultValueFactory = _ => OutcomePolicyNames.ByCommand,
        };
        workerPolicy.AcceptOnlyFromAmong([.. OutcomePolicyNames.All]);
        var cost = new Option<string>("--cost")
        {
            Description = "A model of the real server's CPU cost: none (answers at once) or saltant (18 ms per request + 0.55 ms per record in a list page, 2 requests served at a time).",
            HelpName = "model",
            DefaultValueFactory = _ => "none",
        };
        cost.AcceptOnlyFromAmong([.. ServerCost.PresetNames]);
        var requestCost = new Option<double?>("--request-cost-ms") { Description = "Time every request holds a server slot, in ms (default 0, or the --cost model's).", HelpName = "ms" };
        var recordCost = new Option<double?>("--record-cost-ms") { Description = "Time added per record serialised in a list page, in ms (default 0, or the --cost model's).", HelpName = "ms" };
        var concurrency = new Option<int?>("--server-concurrency") { Description = "Requests the server serves at once; the rest wait (default no limit, or the --cost model's).", HelpName = "n" };
        var command = new Command("emulator", "Run the saltant emulator (an in-memory saltant server) for local experiments; prints its URL and users' tokens and passwords, stops on Ctrl+C.")
        {
            port, timeScale, workerPolicy, cost, requestCost, recordCost, concurrency, users,
        };
        return factory.WithAction(command, async invocation =>
        {
            var parse = invocation.Parse;
            var options = new SaltantEmulatorOptions
            {
                Port = parse.GetValue(port) is var p and >= 0 and <= 65535 ? p : throw CliFailure.Usage($"--port takes a port number from 0 to 65535, not {parse.GetValue(port)}."),
                TimeScale = parse.GetValue(timeScale) is var s && s >= 0 && double.IsFinite(s) ? s : throw CliFailure.Usage($"--time-scale takes a non-negative number, not {parse.GetValue(timeScale).ToString(CultureInfo.InvariantCulture)}."),
                // The parser accepts only the names, so the lookup cannot miss.
                OutcomePolicy = OutcomePolicyNames.TryGet(parse.GetValue(workerPolicy) ?? OutcomePolicyNames.ByCommand, out var policy) ? policy : OutcomePolicies.ByCommand,
                ServerCost = ServerCost.Override(
                    ServerCost.TryGetPreset(parse.GetValue(cost) ?? "none", out var preset) ? preset : null,
                    Milliseconds("--request-cost-ms", parse.GetValue(requestCost)),
                    Milliseconds("--record-cost-ms", parse.GetValue(recordCost)),
                    parse.GetValue(concurrency) is not { } slots ? null : slots >= 1 ? slots : throw CliFailure.Usage($"--server-concurrency takes a whole number of at least 1, not {slots}.")),
            };
            foreach (var spec in parse.GetValue(users) ?? [])
            {
                try
                {
                    options.Users.Add(EmulatorUser.Parse(spec));
                }
                catch (FormatException e)
                {
                    throw CliFailure.Usage($"--user {e.Message}");
                }
            }

            SaltantEmulator emulator;
            try
            {
                emulator = await SaltantEmulator.StartAsync(options, invocation.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
            {
                throw new CliFailure(ExitCodes.Failed, $"The emulator could not start on port {options.Port}: {e.Message}");
            }

            await using (emulator.ConfigureAwait(false))
            {
                var output = invocation.Host.Out;
                output.WriteLine($"saltant emulator listening on {emulator.ApiUrl}");
                if (emulator.CostMeter.Model is { } model)
                {
                    output.WriteLine($"  server cost: {model.Describe()}");
                }

                foreach (var user in emulator.Users)
                {
                    output.WriteLine($"  {user.Username}{(user.IsSuperuser ? " (superuser)" : "")}: token {user.Token}, password {user.Password}");
                }

                var first = emulator.Users.FirstOrDefault(u => !u.IsSuperuser) ?? emulator.Users.FirstOrDefault();
                if (first is not null)
                {
                    output.WriteLine($"To use it: export {SettingsVariables.ApiUrl}={emulator.ApiUrl} {SettingsVariables.AuthToken}={first.Token}");
                }

                output.WriteLine("Press Ctrl+C to stop.");
                output.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, invocation.CancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop cleanly.
                }
            }

            invocation.Host.Error.WriteLine("Emulator stopped.");
            return ExitCodes.Success;
        });
    }

    /// <summary>A cost option in milliseconds as a time: null when not given, a usage error outside 0 to a day.</summary>
    /// <param name="name">The option, for the error.</param>
    /// <param name="milliseconds">Its value.</param>
    private static TimeSpan? Milliseconds(string name, double? milliseconds) => milliseconds switch
    {
        null => null,
        >= 0 and <= 86_400_000 => TimeSpan.FromMilliseconds(milliseconds.Value),
        _ => throw CliFailure.Usage($"{name} takes a number of milliseconds from 0 to 86400000, not {milliseconds.Value.ToString(CultureInfo.InvariantCulture)}."),
    };
}
