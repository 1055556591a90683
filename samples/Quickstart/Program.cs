// The quickstart: one whole saltant pipeline through the client. With SALTANT_API_URL and
// SALTANT_AUTH_TOKEN (or the JWT variables) set it runs against that server; otherwise it starts
// the emulator in-process and runs against it.
using Saltant.Quickstart;

return await QuickstartProgram.RunAsync(QuickstartProgram.ReadEnvironment(), Console.Out, Console.Error, CancellationToken.None);
