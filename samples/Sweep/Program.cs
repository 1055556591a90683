// A sweep: one task type over 40 argument sets on the embedded emulator. The first run is cut
// short after 15 launches, as a crash or Ctrl+C would; the second run reads what exists by name,
// launches only the missing sets, re-runs the flaky failures once, and ends with one result per set.
using Saltant.SweepSample;

return await SweepProgram.RunAsync(Console.Out, CancellationToken.None);
