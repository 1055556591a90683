using System.CommandLine;
using System.Runtime.InteropServices;
using LanguageExt;

namespace Saltant.Cli.Commands;

/// <summary>
/// <c>emulator</c> in the Native AOT build of the tool. That build cannot hold the emulator:
/// ILCompiler compiles LanguageExt.Core only with its IL scanner off, and with the scanner off it
/// crashes on ASP.NET Core's logging, which the emulator's Kestrel server needs. So the native
/// package carries the framework-dependent build in <c>emulator/</c> beside the executable, and
/// <c>saltant emulator …</c> becomes that build, arguments, terminal and signals included
/// (<see cref="HandOff"/>). The command itself stays for what is left: the help listing, and a
/// clear failure where that build is missing or no <c>dotnet</c> can run it.
/// </summary>
internal static partial class EmulatorCommand
{
    /// <summary>The folder, beside the executable, that holds the framework-dependent build.</summary>
    internal const string Folder = "emulator";

    /// <summary>The sentence the command fails with when the framework-dependent build is not beside it.</summary>
    internal const string Unavailable =
        "This saltant is the Native AOT build, which has no emulator of its own (ASP.NET Core and LanguageExt cannot be compiled ahead of time into one executable), "
        + "and the framework-dependent build it runs instead is not beside it (" + Folder + "/saltant.dll): "
        + "install the tool with 'dotnet tool install --global Saltant.Cli', or run 'dotnet run --project src/Saltant.Emulator'.";

    /// <summary>
    /// Replaces this process with the framework-dependent build running <paramref name="args"/>,
    /// when they start with <c>emulator</c> (help included) and that build is beside the executable.
    /// Returns only if it did not: null when the arguments are not the emulator's or the build is
    /// missing (the command then says so), or the exit code after reporting why <c>dotnet</c>
    /// could not be started.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="errors">Where to report a failed start.</param>
    internal static int? HandOff(IReadOnlyList<string> args, TextWriter errors)
    {
        var build = Path.Combine(AppContext.BaseDirectory, Folder, "saltant.dll");
        if (args.Count == 0 || args[0] != "emulator" || !File.Exists(build))
        {
            return null;
        }

        // The dotnet in DOTNET_ROOT where that names one (as it does for a runtime outside the default
        // places); otherwise the dotnet on PATH, which execvp looks up.
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var named = string.IsNullOrEmpty(root) ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        var host = named is not null && File.Exists(named) ? named : "dotnet";
        if (OperatingSystem.IsWindows())
        {
            return RunAsChild(host, build, args, errors);
        }

        string[] argv = [host, build, .. args];
        var pointers = new nint[argv.Length + 1];
        try
        {
            for (var i = 0; i < argv.Length; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
            }

            // execvp returns only on failure; on success the emulator owns the process from here.
            Execvp(pointers[0], pointers);
            var errno = Marshal.GetLastPInvokeError();
            errors.WriteLine(Cannot(host, build, $"errno {errno}"));
            return ExitCodes.Failed;
        }
        finally
        {
            foreach (var pointer in pointers)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>Builds the command.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory)
    {
        var command = new Command("emulator", "Run the saltant emulator (an in-memory saltant server) for local experiments; this Native AOT build runs the framework-dependent one beside it, which prints its URL and users' tokens and passwords and stops on Ctrl+C.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        return factory.WithAction(command, _ => Steps.Sync(() => Steps.Setup<Outcome>(Unavailable)));
    }

    private static string Cannot(string host, string build, string why) =>
        $"saltant emulator runs the framework-dependent build {build} with '{host}', which could not be started ({why}): it needs the .NET 10 runtime with ASP.NET Core.";

    /// <summary>Where no exec exists: the build as a child sharing this console, its exit code ours.</summary>
    private static int RunAsChild(string host, string build, IReadOnlyList<string> args, TextWriter errors)
    {
        var start = new System.Diagnostics.ProcessStartInfo(host) { UseShellExecute = false };
        start.ArgumentList.Add(build);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var child = System.Diagnostics.Process.Start(start);
            if (child is null)
            {
                errors.WriteLine(Cannot(host, build, "no process"));
                return ExitCodes.Failed;
            }

            // Ctrl+C reaches the child through the console; this process only waits for its end.
            Console.CancelKeyPress += (_, e) => e.Cancel = true;
            child.WaitForExit();
            return child.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            errors.WriteLine(Cannot(host, build, e.Message));
            return ExitCodes.Failed;
        }
    }

    [LibraryImport("libc", EntryPoint = "execvp", SetLastError = true)]
    private static partial int Execvp(nint file, nint[] argv);
}
