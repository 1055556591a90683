using System.Globalization;
using Saltant.Emulator;

// Standalone: dotnet run --project src/Saltant.Emulator -- --port 8000 [--user NAME:TOKEN:PASSWORD[:superuser]]...
var options = new SaltantEmulatorOptions { Port = 8000 };
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length:
            options.Port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--user" when i + 1 < args.Length:
            options.Users.Add(EmulatorUser.Parse(args[++i]));
            break;
        case "--time-scale" when i + 1 < args.Length:
            options.TimeScale = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine("usage: Saltant.Emulator [--port N] [--time-scale X] [--user NAME:TOKEN:PASSWORD[:superuser]]...");
            return 2;
    }
}

await using var emulator = await SaltantEmulator.StartAsync(options);
Console.WriteLine($"saltant emulator listening on {emulator.ApiUrl}");
foreach (var user in emulator.Users)
    Console.WriteLine($"  {user.Username}{(user.IsSuperuser ? " (superuser)" : "")}: token {user.Token}");
Console.Out.Flush();

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
