using System.Text.RegularExpressions;
using Saltant.SweepSample;
using Xunit;

namespace Saltant.Samples.Tests;

public sealed class SweepSampleTests
{
    [Fact]
    public async Task The_sweep_sample_resumes_a_cut_short_sweep_and_launches_each_set_once()
    {
        var output = new StringWriter();

        var exit = await SweepProgram.RunAsync(output, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("Run 1 was cut short", text, StringComparison.Ordinal);
        var resumed = Regex.Match(text, @"Run 2 found (\d+) sets on the server, launched the (\d+) missing, re-ran 4 failed\.");
        Assert.True(resumed.Success, text);
        var found = int.Parse(resumed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(found, 15, 39);
        Assert.Equal(40, found + int.Parse(resumed.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Run 2: 40 sets, 40 succeeded, 0 did not; 4 re-run after a failure (image-010, image-020, image-030, image-040).", text, StringComparison.Ordinal);
        Assert.Contains("Instances on the server: 44 for 40 sets", text, StringComparison.Ordinal);
    }
}
