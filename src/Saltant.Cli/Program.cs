using System.Runtime.InteropServices;
using Saltant.Cli;

// The saltant tool. Ctrl+C (SIGINT), SIGTERM and SIGQUIT cancel the running command (exit 130,
// or 0 for `saltant emulator`, which runs until stopped); a second Ctrl+C ends the process at once.
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
