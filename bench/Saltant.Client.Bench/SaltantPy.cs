using System.Diagnostics;
using System.Globalization;

namespace Saltant.Client.Bench;

/// <summary>
/// saltant-py, the Python client, run from a local mirror of its repository (when this machine has
/// one) in a temporary folder, never from the project: the baseline the issue compares with.
/// </summary>
internal static class SaltantPy
{
    private const string Mirror = "/work/.mirror/saltant-org+saltant-py/repo";

    /// <summary>Whether saltant-py and python3 with requests can be used here.</summary>
    internal static bool Available => Directory.Exists(Mirror) && Checkout.Value is not null;

    private static readonly Lazy<string?> Checkout = new(MakeCheckout);

    /// <summary>The wall time of <c>executable_task_instances.list()</c> in a fresh Python process, measured inside it.</summary>
    internal static async Task<double> ListWallSecondsAsync(Uri apiRoot, string token)
    {
        var script = "import time,sys\nfrom saltant.client import Client\nc=Client(sys.argv[1],auth_token=sys.argv[2])\n" +
                     "t=time.perf_counter()\nn=len(c.executable_task_instances.list())\nprint(n, time.perf_counter()-t)\n";
        var output = await RunAsync(script, apiRoot.AbsoluteUri, token);
        return double.Parse(output.Trim().Split(' ')[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The CPU seconds (user and system) of the first <c>executable_task_instances.list()</c> in a fresh Python process.</summary>
    internal static async Task<double> ListCpuSecondsAsync(Uri apiRoot, string token)
    {
        var script = "import os,sys\nfrom saltant.client import Client\nc=Client(sys.argv[1],auth_token=sys.argv[2])\n" +
                     "t=os.times()\nn=len(c.executable_task_instances.list())\nu=os.times()\nprint(n, (u.user-t.user)+(u.system-t.system))\n";
        var output = await RunAsync(script, apiRoot.AbsoluteUri, token);
        return double.Parse(output.Trim().Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PYTHONPATH"] = Checkout.Value!;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException("saltant-py failed: " + error);
    }

    private static string? MakeCheckout()
    {
        try
        {
            var folder = Directory.CreateTempSubdirectory("saltant-py-").FullName;
            var archive = Process.Start(new ProcessStartInfo("sh", ["-c", $"git --git-dir={Mirror} archive HEAD | tar -x -C {folder}"]))!;
            archive.WaitForExit();
            var check = Process.Start(new ProcessStartInfo("python3", ["-c", "import requests, dateutil"]) { RedirectStandardError = true })!;
            check.WaitForExit();
            return archive.ExitCode == 0 && check.ExitCode == 0 && File.Exists(Path.Combine(folder, "saltant", "client.py")) ? folder : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
