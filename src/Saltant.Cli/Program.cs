using Saltant.Cli;

// The saltant tool: Ctrl+C cancels the running command (exit 130), a second Ctrl+C ends the process.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!interrupt.IsCancellationRequested)
    {
        e.Cancel = true;
        interrupt.Cancel();
    }
};

return await CliApp.RunAsync(args, CliHost.FromProcess(), interrupt.Token);
