using System.Globalization;
using Saltant.Emulator;
using Saltant.Emulator.Cost;
using Saltant.Emulator.Worker;

// Standalone: dotnet run --project src/Saltant.Emulator -- --port 8000 [--time-scale X] [--worker-policy NAME] [--cost none|saltant] [--user NAME:TOKEN:PASSWORD[:superuser]]...
// The emulator takes no packages beyond ASP.NET Core (its issue says so), so its few options are
// read here; the saltant CLI offers the same as `saltant emulator` with a full parser.
var usage = string.Join(Environment.NewLine,
[
    "usage: Saltant.Emulator [--port N] [--time-scale X] [--worker-policy NAME] [--cost none|saltant]",
    "         [--request-cost-ms MS] [--record-cost-ms MS] [--server-concurrency N] [--user NAME:TOKEN:PASSWORD[:superuser]]...",
    Line("--port N", "loopback port (default 8000; 0 picks a free one)"),
    Line("--time-scale X", "clock seconds per task second (0.1 makes 'sleep 10' take 1 s; default 1)"),
    Line("--worker-policy NAME", $"how simulated tasks end (default {OutcomePolicyNames.ByCommand}):"),
    .. OutcomePolicyNames.Descriptions.Select(line => Line("", "  " + line)),
    Line("--cost NAME", "a model of the real server's CPU cost: none (the default: answers at once) or saltant"),
    Line("", "(18 ms per request + 0.55 ms per record in a list page, 2 requests served at a time)"),
    Line("--request-cost-ms MS", "time every request holds a server slot (default 0, or the --cost preset's)"),
    Line("--record-cost-ms MS", "time added per record serialised in a list page (default 0, or the preset's)"),
    Line("--server-concurrency N", "requests served at once, the rest wait (default no limit, or the preset's)"),
    Line("--user SPEC", "a user NAME:TOKEN:PASSWORD[:superuser] instead of the seeded admin, alice and bob; repeat for more"),
]);
var options = new SaltantEmulatorOptions { Port = 8000 };
ServerCost? costPreset = null;
TimeSpan? requestCost = null, recordCost = null;
int? serverConcurrency = null;
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
        ("--cost", _) when ServerCost.TryGetPreset(value, out var preset) => Set(() => costPreset = preset),
        ("--cost", _) => $"--cost takes one of {string.Join(", ", ServerCost.PresetNames)}, not '{value}'.",
        ("--request-cost-ms", _) when Milliseconds(value) is { } ms => Set(() => requestCost = ms),
        ("--request-cost-ms", _) => $"--request-cost-ms takes a number of milliseconds from 0 to 86400000, not '{value}'.",
        ("--record-cost-ms", _) when Milliseconds(value) is { } ms => Set(() => recordCost = ms),
        ("--record-cost-ms", _) => $"--record-cost-ms takes a number of milliseconds from 0 to 86400000, not '{value}'.",
        ("--server-concurrency", _) when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var slots) && slots >= 1 => Set(() => serverConcurrency = slots),
        ("--server-concurrency", _) => $"--server-concurrency takes a whole number of at least 1, not '{value}'.",
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

options.ServerCost = ServerCost.Override(costPreset, requestCost, recordCost, serverConcurrency);

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
    if (emulator.CostMeter.Model is { } model) Console.WriteLine($"  server cost: {model.Describe()}");
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

static string Line(string option, string text) => $"  {option,-24}{text}";

// A cost up to a day: anything larger is a typo, and TimeSpan arithmetic stays far from overflow.
static TimeSpan? Milliseconds(string? text) =>
    double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && ms <= TimeSpan.FromDays(1).TotalMilliseconds ? TimeSpan.FromMilliseconds(ms) : null;

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
