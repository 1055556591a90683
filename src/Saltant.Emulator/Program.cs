using System.Globalization;
using Saltant.Emulator;
using Saltant.Emulator.Worker;

// Standalone: dotnet run --project src/Saltant.Emulator -- --port 8000 [--time-scale X] [--worker-policy NAME] [--user NAME:TOKEN:PASSWORD[:superuser]]...
// The emulator takes no packages beyond ASP.NET Core (its issue says so), so its few options are
// read here; the saltant CLI offers the same as `saltant emulator` with a full parser.
var usage = string.Join(Environment.NewLine,
[
    "usage: Saltant.Emulator [--port N] [--time-scale X] [--worker-policy NAME] [--user NAME:TOKEN:PASSWORD[:superuser]]...",
    "  --port N              loopback port (default 8000; 0 picks a free one)",
    "  --time-scale X        clock seconds per task second (0.1 makes 'sleep 10' take 1 s; default 1)",
    $"  --worker-policy NAME  how simulated tasks end (default {OutcomePolicyNames.ByCommand}):",
    .. OutcomePolicyNames.Descriptions.Select(line => "                          " + line),
    "  --user SPEC           a user NAME:TOKEN:PASSWORD[:superuser] instead of the seeded admin, alice and bob; repeat for more",
]);
var options = new SaltantEmulatorOptions { Port = 8000 };
for (int i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    string? problem = (args[i], value) switch
    {
        ("--help" or "-h", _) => "",
        (_, null) => $"{args[i]} needs a value or is not an option.",
        ("--port", _) when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 => Set(() => options.Port = port),
        ("--port", _) => $"--port takes a port number from 0 to 65535, not '{value}'.",
        ("--time-scale", _) when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale >= 0 && double.IsFinite(scale) => Set(() => options.TimeScale = scale),
        ("--time-scale", _) => $"--time-scale takes a non-negative number, not '{value}'.",
        ("--worker-policy", _) when OutcomePolicyNames.TryGet(value, out var policy) => Set(() => options.OutcomePolicy = policy),
        ("--worker-policy", _) => $"--worker-policy takes one of {string.Join(", ", OutcomePolicyNames.All)}, not '{value}'.",
        ("--user", _) => AddUser(value),
        _ => $"unknown option '{args[i]}'.",
    };
    if (problem is not null)
    {
        if (problem.Length > 0) Console.Error.WriteLine(problem);
        (problem.Length > 0 ? Console.Error : Console.Out).WriteLine(usage);
        return problem.Length > 0 ? 2 : 0;
    }
    i++;
}

SaltantEmulator emulator;
try
{
    emulator = await SaltantEmulator.StartAsync(options);
}
catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"The emulator could not start on port {options.Port}: {e.Message}");
    return 1;
}

await using (emulator)
{
    Console.WriteLine($"saltant emulator listening on {emulator.ApiUrl}");
    foreach (var user in emulator.Users)
        Console.WriteLine($"  {user.Username}{(user.IsSuperuser ? " (superuser)" : "")}: token {user.Token}, password {user.Password}");
    Console.WriteLine("Press Ctrl+C to stop.");
    Console.Out.Flush();

    // Ctrl+C, SIGTERM and SIGQUIT all stop it cleanly; taking the signals here keeps the runtime from
    // exiting underneath the disposal below (a ProcessExit handler would wait on it and hang).
    var stop = new TaskCompletionSource();
    using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
    using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
    using var quit = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGQUIT, Stop);
    await stop.Task;

    void Stop(System.Runtime.InteropServices.PosixSignalContext context)
    {
        context.Cancel = true;
        stop.TrySetResult();
    }
}
return 0;

static string? Set(Action apply)
{
    apply();
    return null;
}

string? AddUser(string spec)
{
    try
    {
        options.Users.Add(EmulatorUser.Parse(spec));
        return null;
    }
    catch (FormatException e)
    {
        return "--user " + e.Message;
    }
}
