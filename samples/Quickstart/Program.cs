// The quickstart: one whole saltant pipeline through the client. With SALTANT_API_URL and
// SALTANT_AUTH_TOKEN (or the JWT variables) set it runs against that server; otherwise it starts
// the emulator in-process and runs against it.
using Saltant.Quickstart;
using Spectre.Console;

// On a terminal, progress is a live table; piped or redirected, one line per change.
var live = Console.IsOutputRedirected ? null : AnsiConsole.Console;
return await QuickstartProgram.RunAsync(QuickstartProgram.ReadEnvironment(), Console.Out, Console.Error, CancellationToken.None, live);
