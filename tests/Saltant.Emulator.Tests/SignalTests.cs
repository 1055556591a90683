using Saltant.Emulator.Tests.Processes;
using Xunit;
using Xunit.Abstractions;

namespace Saltant.Emulator.Tests;

/// <summary>
/// Signals, with child processes: an application embedding the emulator keeps the runtime's own
/// handling of SIGTERM and SIGINT, and the standalone emulator stops cleanly on SIGINT, SIGTERM and SIGQUIT.
/// </summary>
public sealed class SignalTests(ITestOutputHelper output)
{
    private const int SigInt = 2, SigQuit = 3, SigTerm = 15;

    /// <summary>Runs the embedding host in a mode until it is ready, signals it, and returns how it exited.</summary>
    private static async Task<int> ExitOnSignalAsync(string mode, int signal)
    {
        await using var host = ChildProcess.Start("Saltant.Emulator.EmbeddingHost", [mode]);
        await host.ReadUntilAsync(line => line == "ready");
        host.Signal(signal);
        return await host.WaitForExitAsync();
    }

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigInt)]
    public async Task A_process_embedding_the_emulator_ends_on_a_signal_exactly_as_it_does_without_one(int signal)
    {
        var without = await ExitOnSignalAsync("plain", signal);
        var with = await ExitOnSignalAsync("embedded", signal);
        output.WriteLine($"signal {signal}: exit {without} without the emulator, {with} with it");
        Assert.Equal(without, with);
    }

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    [InlineData(SigQuit)]
    public async Task The_standalone_emulator_stops_cleanly_with_exit_code_0_on_a_signal(int signal)
    {
        await using var standalone = await StandaloneEmulator.StartAsync("--port", "0");
        using (var http = new HttpClient { BaseAddress = standalone.ApiUrl })
        {
            Assert.Equal(403, (int)(await http.GetAsync("users/")).StatusCode);
        }
        standalone.Process.Signal(signal);
        Assert.Equal(0, await standalone.Process.WaitForExitAsync());
    }
}
