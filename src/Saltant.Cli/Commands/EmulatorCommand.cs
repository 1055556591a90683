using System.CommandLine;
using System.Globalization;
using Saltant.Domain;
using Saltant.Emulator;
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
        var command = new Command("emulator", "Run the saltant emulator (an in-memory saltant server) for local experiments; prints its URL and users' tokens and passwords, stops on Ctrl+C.")
        {
            port, timeScale, workerPolicy, users,
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
}
