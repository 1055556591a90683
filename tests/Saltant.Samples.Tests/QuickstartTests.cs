using Saltant.Quickstart;
using Xunit;

namespace Saltant.Samples.Tests;

public sealed class QuickstartTests
{
    [Fact]
    public async Task The_quickstart_runs_the_whole_pipeline_on_the_embedded_emulator_and_exits_zero()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SALTANT_API_URL")), "this test runs the emulator mode");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await QuickstartProgram.RunAsync(output, errors, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Equal("", errors.ToString());
        Assert.Contains("in-process emulator", text);
        Assert.Contains("\"times\":1", text); // the type's default filled into an instance's arguments
        Assert.Contains("-> successful", text); // the live display saw a change happen
        Assert.Matches(@"doomed-to-fail\s+failed", text);
        Assert.Matches(@"slow-sleeper\s+successful\s+\d+\.\d\d s", text);
        Assert.Contains("4 of 5 instances succeeded; 1 failed", text);
    }
}
