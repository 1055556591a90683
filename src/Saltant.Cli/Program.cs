using System.Runtime.InteropServices;
using Saltant.Cli;

// The saltant tool. Ctrl+C (SIGINT), SIGTERM and SIGQUIT cancel the running command (exit 130,
// or 0 for `saltant emulator`, which runs until stopped); a second Ctrl+C ends the process at once.
// The Native AOT build has no emulator of its own and becomes the framework-dependent build packed
// beside it for `saltant emulator …`; this build runs it itself (EmulatorCommand.HandOff).
if (Saltant.Cli.Commands.EmulatorCommand.HandOff(args, Console.Error) is { } handedOff)
{
    return handedOff;
}

using var interrupt = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    if (!interrupt.IsCancellationRequested)
    {
        context.Cancel = true;
        interrupt.Cancel();
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);

return await CliApp.RunAsync(args, CliHost.FromProcess(), interrupt.Token);
