using System.CommandLine;
using System.Globalization;
using LanguageExt;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Emulator.Cost;
using Saltant.Emulator.Worker;

namespace Saltant.Cli.Commands;

/// <summary><c>emulator</c>: runs the in-memory saltant server for local experiments until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    /// <summary>
    /// Nothing to hand off: this build runs the emulator itself. (The Native AOT build, which cannot,
    /// hands <c>emulator …</c> to the framework-dependent build packed beside it.)
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="errors">Where a failed hand-off would be reported.</param>
    internal static int? HandOff(IReadOnlyList<string> args, TextWriter errors) => null;

    /// <summary>Builds the command.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory)
    {
        var port = new System.CommandLine.Option<int>("--port") { Description = "The port to listen on, on loopback; 0 picks a free one.", HelpName = "port", DefaultValueFactory = _ => 8000 };
        var timeScale = new System.CommandLine.Option<double>("--time-scale") { Description = "How fast simulated tasks run: 0.1 makes 'sleep 10' take 1 s.", HelpName = "factor", DefaultValueFactory = _ => 1.0 };
        var users = new System.CommandLine.Option<string[]>("--user") { Description = "A user NAME:TOKEN:PASSWORD[:superuser] instead of the seeded admin, alice and bob; repeat for more.", HelpName = "spec" };
        var workerPolicy = new System.CommandLine.Option<string>("--worker-policy")
        {
            Description = $"How simulated tasks end: {OutcomePolicyNames.ByCommand} ('false' and 'exit N' fail, 'sleep N' takes N s, the rest succeeds), "
                + $"{OutcomePolicyNames.NoContainerRuntime} (the same, but container tasks fail, as on a host without Docker or Singularity), "
                + $"{OutcomePolicyNames.AlwaysSucceed} or {OutcomePolicyNames.AlwaysFail}.",
            HelpName = "policy",
            DefaultValueFactory = _ => OutcomePolicyNames.ByCommand,
        };
        workerPolicy.AcceptOnlyFromAmong([.. OutcomePolicyNames.All]);
        var cost = new System.CommandLine.Option<string>("--cost")
        {
            Description = "A model of the real server's CPU cost: none (answers at once) or saltant (18 ms per request + 0.55 ms per record in a list page, 2 requests served at a time).",
            HelpName = "model",
            DefaultValueFactory = _ => "none",
        };
        cost.AcceptOnlyFromAmong([.. ServerCost.PresetNames]);
        var requestCost = new System.CommandLine.Option<double?>("--request-cost-ms") { Description = "Time every request holds a server slot, in ms (default 0, or the --cost model's).", HelpName = "ms" };
        var recordCost = new System.CommandLine.Option<double?>("--record-cost-ms") { Description = "Time added per record serialised in a list page, in ms (default 0, or the --cost model's).", HelpName = "ms" };
        var concurrency = new System.CommandLine.Option<int?>("--server-concurrency") { Description = "Requests the server serves at once; the rest wait (default no limit, or the --cost model's).", HelpName = "n" };
        var command = new Command("emulator", "Run the saltant emulator (an in-memory saltant server) for local experiments; prints its URL and users' tokens and passwords, stops on Ctrl+C.")
        {
            port, timeScale, workerPolicy, cost, requestCost, recordCost, concurrency, users,
        };
        return factory.WithAction(command, invocation =>
        {
            var parse = invocation.Parse;
            return
                from options in Options(
                    parse.GetValue(port),
                    parse.GetValue(timeScale),
                    parse.GetValue(workerPolicy) ?? OutcomePolicyNames.ByCommand,
                    parse.GetValue(cost) ?? "none",
                    (parse.GetValue(requestCost), parse.GetValue(recordCost), parse.GetValue(concurrency)),
                    parse.GetValue(users) ?? []).Lift()
                from stopped in Steps.Async(ct => RunAsync(invocation, options, ct))
                select Outcome.Nothing;
        });
    }

    /// <summary>The emulator's options, or a usage error for the first bad value.</summary>
    private static Fin<SaltantEmulatorOptions> Options(int port, double timeScale, string policyName, string costName, (double? Request, double? Record, int? Slots) costs, string[] users)
    {
        if (port is < 0 or > 65535)
        {
            return Steps.Usage<SaltantEmulatorOptions>($"--port takes a port number from 0 to 65535, not {port}.");
        }

        if (timeScale < 0 || !double.IsFinite(timeScale))
        {
            return Steps.Usage<SaltantEmulatorOptions>($"--time-scale takes a non-negative number, not {timeScale.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (costs.Slots is < 1)
        {
            return Steps.Usage<SaltantEmulatorOptions>($"--server-concurrency takes a whole number of at least 1, not {costs.Slots}.");
        }

        return
            from request in Milliseconds("--request-cost-ms", costs.Request)
            from record in Milliseconds("--record-cost-ms", costs.Record)
            from seeded in users.Select(User).All()
            select Build(port, timeScale, policyName, costName, (request, record, costs.Slots), seeded);
    }

    private static SaltantEmulatorOptions Build(int port, double timeScale, string policyName, string costName, (LanguageExt.Option<TimeSpan> Request, LanguageExt.Option<TimeSpan> Record, int? Slots) costs, Seq<EmulatorUser> users)
    {
        var options = new SaltantEmulatorOptions
        {
            Port = port,
            TimeScale = timeScale,
            // The parser accepts only the names, so the lookups cannot miss.
            OutcomePolicy = OutcomePolicyNames.TryGet(policyName, out var policy) ? policy : OutcomePolicies.ByCommand,
            ServerCost = ServerCost.Override(
                ServerCost.TryGetPreset(costName, out var preset) ? preset : null,
                costs.Request.Map(t => (TimeSpan?)t).IfNoneUnsafe((TimeSpan?)null),
                costs.Record.Map(t => (TimeSpan?)t).IfNoneUnsafe((TimeSpan?)null),
                costs.Slots),
        };
        foreach (var user in users)
        {
            options.Users.Add(user);
        }

        return options;
    }

    private static Fin<EmulatorUser> User(string spec)
    {
        try
        {
            return EmulatorUser.Parse(spec);
        }
        catch (FormatException e)
        {
            return Steps.Usage<EmulatorUser>($"--user {e.Message}");
        }
    }

    /// <summary>Starts the emulator, prints how to use it (every user's token and password), and runs it until Ctrl+C.</summary>
    private static async Task<Fin<Unit>> RunAsync(Invocation invocation, SaltantEmulatorOptions options, CancellationToken cancellationToken)
    {
        SaltantEmulator emulator;
        try
        {
            emulator = await SaltantEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            return new LocalFailure($"The emulator could not start on port {options.Port}: {e.Message}");
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
                output.WriteLine($"  or, with a JWT: export {SettingsVariables.ApiUrl}={emulator.ApiUrl} {SettingsVariables.Username}={first.Username} {SettingsVariables.Password}={first.Password}");
            }

            output.WriteLine("Press Ctrl+C to stop.");
            output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop cleanly.
            }
        }

        invocation.Host.Error.WriteLine("Emulator stopped.");
        return Prelude.unit;
    }

    /// <summary>A cost option in milliseconds as a time: none when not given, a usage error outside 0 to a day.</summary>
    /// <param name="name">The option, for the error.</param>
    /// <param name="milliseconds">Its value.</param>
    private static Fin<LanguageExt.Option<TimeSpan>> Milliseconds(string name, double? milliseconds) => milliseconds switch
    {
        null => LanguageExt.Option<TimeSpan>.None,
        >= 0 and <= 86_400_000 => Prelude.Some(TimeSpan.FromMilliseconds(milliseconds.Value)),
        _ => Steps.Usage<LanguageExt.Option<TimeSpan>>($"{name} takes a number of milliseconds from 0 to 86400000, not {milliseconds.Value.ToString(CultureInfo.InvariantCulture)}."),
    };
}
