using Xunit;

namespace Saltant.Packaging.Tests;

/// <summary>The hang guard of ChildProcess: it kills a hung child and says that it was a hang guard, not a time limit.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task A_hung_child_is_killed_by_the_hang_guard_and_the_failure_says_so()
    {
        if (OperatingSystem.IsWindows()) return;   // no /bin/sh; the guard's code is the same everywhere

        // A child that would sleep ten minutes, against a one-second guard: the guard must fire.
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            ChildProcess.RunAsync("/bin/sh", ["-c", "echo started; exec sleep 600"], Path.GetTempPath(), TimeSpan.FromSeconds(1)));

        Assert.StartsWith("Hang guard: /bin/sh -c echo started; exec sleep 600 was still running after 1 s,", error.Message, StringComparison.Ordinal);
        Assert.Contains("taken to be hung and killed (this guard is not a time limit)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--- stdout\nstarted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_that_ends_returns_its_exit_code_and_output()
    {
        if (OperatingSystem.IsWindows()) return;

        var result = await ChildProcess.RunAsync("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], Path.GetTempPath(), TimeSpan.FromMinutes(5));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.Out);
        Assert.Equal("err\n", result.Err);
    }
}
