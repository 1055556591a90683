using LanguageExt;
using LanguageExt.Common;

namespace Saltant.Cli;

/// <summary>
/// A failure the tool itself finds (not the client): a wrong command line, an unusable config file,
/// an unfinished wait. Each is an <see cref="Expected"/> error with one sentence and its exit code.
/// </summary>
internal abstract record CliError : Expected
{
    /// <summary>Makes the error.</summary>
    /// <param name="message">One sentence, without secrets.</param>
    /// <param name="exitCode">The exit code it ends the command with.</param>
    private protected CliError(string message, int exitCode)
        : base(message, exitCode, Option<Error>.None)
    {
    }

    /// <summary>The exit code it ends the command with.</summary>
    public virtual int ExitCode => Code;

    /// <summary>Whether it is printed as <c>error: …</c> (false for calm notices such as a stopped wait).</summary>
    public virtual bool IsError => true;
}

/// <summary>The command line is wrong: a malformed value, options that exclude each other.</summary>
internal sealed record UsageError(string Sentence) : CliError(Sentence, ExitCodes.Usage);

/// <summary>No usable configuration: the config file, a profile or the settings.</summary>
internal sealed record SetupError(string Sentence) : CliError(Sentence, ExitCodes.Config);

/// <summary>Something the tool did locally failed (writing a file, starting the emulator).</summary>
internal sealed record LocalFailure(string Sentence) : CliError(Sentence, ExitCodes.Failed);

/// <summary>Instances waited for finished without succeeding.</summary>
/// <param name="Unsuccessful">Each one that did not succeed, as "uuid (state)".</param>
/// <param name="Total">How many were waited for.</param>
internal sealed record InstancesUnsuccessful(Seq<string> Unsuccessful, int Total)
    : CliError($"{Unsuccessful.Count} of {Total} instance(s) did not succeed: {string.Join(", ", Unsuccessful)}.", ExitCodes.Failed);

/// <summary>One item of a batch failed; the others went ahead.</summary>
/// <param name="Item">The item (a UUID).</param>
/// <param name="Cause">Its failure, which gives the exit code.</param>
internal sealed record ItemFailed(string Item, Error Cause) : CliError($"{Item}: {Cause.Message}", ExitCodes.For(Cause));

/// <summary>Ctrl+C during a wait: the instances keep running, only the watching stopped.</summary>
/// <param name="Unfinished">How many had not finished.</param>
internal sealed record StoppedWaiting(int Unfinished)
    : CliError($"Stopped waiting{(Unfinished > 0 ? $"; {Unfinished} instance(s) keep running on the server" : "")}.", ExitCodes.Cancelled)
{
    /// <inheritdoc />
    public override bool IsError => false;
}

/// <summary>Ctrl+C during any other command.</summary>
internal sealed record Interrupted() : CliError("Interrupted.", ExitCodes.Cancelled)
{
    /// <inheritdoc />
    public override bool IsError => false;
}
