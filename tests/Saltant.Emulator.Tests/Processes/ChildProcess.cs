using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;

namespace Saltant.Emulator.Tests.Processes;

/// <summary>
/// A .NET program from this test's output folder run as a child process (<c>dotnet X.dll args</c>),
/// with its output lines readable as they come, POSIX signals to send, and a kill on dispose so no
/// test leaves one behind.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>Hang guard for anything a child is waited for: generous, never a speed claim.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _transcript = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Everything the child printed so far (stdout and stderr), for failure messages.</summary>
    public string Transcript
    {
        get { lock (_transcript) return _transcript.ToString(); }
    }

    /// <summary>Starts <c>dotnet &lt;assembly&gt;.dll args</c> from the test's output folder.</summary>
    /// <remarks>
    /// A test run started in the background of a non-interactive shell inherits SIGINT and SIGQUIT
    /// ignored, and so would the child, which then could not be tested on them; such signals are
    /// reset to their default for the child (GNU env's <c>--default-signal</c>, which then execs it,
    /// keeping the process id).
    /// </remarks>
    public static ChildProcess Start(string assembly, IEnumerable<string> args)
    {
        var ignored = IgnoredSignals();
        var resetting = ignored.Count > 0 && File.Exists("/usr/bin/env");
        var info = new ProcessStartInfo(resetting ? "/usr/bin/env" : DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (resetting)
        {
            info.ArgumentList.Add("--default-signal=" + string.Join(",", ignored));
            info.ArgumentList.Add(DotnetHost());
        }
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Received(e.Data, toLines: true);
        process.ErrorDataReceived += (_, e) => child.Received(e.Data, toLines: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Received(string? line, bool toLines)
    {
        if (line is null)
        {
            if (toLines) _lines.Writer.TryComplete();
            return;
        }
        lock (_transcript) _transcript.AppendLine(line);
        if (toLines) _lines.Writer.TryWrite(line);
    }

    /// <summary>The next line of standard output, or null once the child closed it.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            return await _lines.Reader.ReadAsync(guard.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Reads standard output up to and including the first line <paramref name="last"/> accepts.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilAsync(Func<string, bool> last)
    {
        var lines = new List<string>();
        while (await ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (last(line)) return lines;
        }
        throw new InvalidOperationException($"The child ended its output before the expected line:\n{Transcript}");
    }

    /// <summary>Every line of standard output until the child closes it.</summary>
    public async Task<IReadOnlyList<string>> ReadToEndAsync()
    {
        var lines = new List<string>();
        while (await ReadLineAsync() is { } line) lines.Add(line);
        return lines;
    }

    /// <summary>Sends a POSIX signal (SIGINT 2, SIGQUIT 3, SIGTERM 15).</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits for the child to exit and returns its exit code; fails (and kills it) past the hang guard.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await _process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The child {_process.Id} did not exit within {HangGuard.TotalSeconds} s:\n{Transcript}");
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the child (only this process, by its id) if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started or has already gone.
        }
        _process.Dispose();
    }

    /// <summary>Which of SIGINT (2), SIGQUIT (3) and SIGTERM (15) this process ignores, from Linux's <c>/proc/self/status</c>.</summary>
    private static List<int> IgnoredSignals()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return [];
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (line is null || !ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)) return [];
        return [.. new[] { 2, 3, 15 }.Where(signal => (mask & (1UL << (signal - 1))) != 0)];
    }

    /// <summary>The <c>dotnet</c> that runs this test, so the child uses the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
