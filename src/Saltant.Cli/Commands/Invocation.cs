using System.CommandLine;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Cli.Config;
using Saltant.Cli.Output;
using Saltant.Client;
using Saltant.Domain;
using Spectre.Console;

namespace Saltant.Cli.Commands;

/// <summary>One running command: its parse result, host, printer, and a client made on first use.</summary>
internal sealed class Invocation : IDisposable
{
    private readonly GlobalOptions globals;
    private SaltantClient? client;

    private Invocation(CliHost host, GlobalOptions globals, ParseResult parse, CancellationToken cancellationToken)
    {
        Host = host;
        this.globals = globals;
        Parse = parse;
        CancellationToken = cancellationToken;
        Console = host.MakeConsole();
        var mode = parse.GetValue(globals.Quiet) ? OutputMode.Quiet : parse.GetValue(globals.Output) switch
        {
            "json" => OutputMode.Json,
            "quiet" => OutputMode.Quiet,
            _ => OutputMode.Table,
        };
        Printer = new Printer(host, Console, mode);
    }

    /// <summary>The host.</summary>
    public CliHost Host { get; }

    /// <summary>The parse result.</summary>
    public ParseResult Parse { get; }

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The console tables and live displays are drawn on.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Prints results in the chosen mode.</summary>
    public Printer Printer { get; }

    /// <summary>The explicit profile, if any.</summary>
    public string? Profile => Parse.GetValue(globals.Profile);

    /// <summary>The explicit config file, if any.</summary>
    public string? ConfigPath => Parse.GetValue(globals.ConfigPath);

    /// <summary>The settings, resolved from the environment and the config file.</summary>
    public Settings Settings => Client.Settings;

    /// <summary>The client, made from the resolved settings on first use (without a round trip).</summary>
    public SaltantClient Client => client ??= SaltantClient.Create(SettingsResolver.Resolve(Host.Environment, ConfigPath, Profile));

    /// <summary>
    /// Makes the action of a command: runs <paramref name="body"/> and turns every way it can end
    /// into an exit code, with one sentence on standard error for failures.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="globals">The global options.</param>
    /// <param name="body">The command's work.</param>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(CliHost host, GlobalOptions globals, Func<Invocation, Task<int>> body) =>
        async (parse, cancellationToken) =>
        {
            using var invocation = new Invocation(host, globals, parse, cancellationToken);
            try
            {
                return await body(invocation).ConfigureAwait(false);
            }
            catch (CliFailure failure)
            {
                invocation.Fail(failure.Message);
                return failure.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                invocation.Fail("Interrupted.");
                return ExitCodes.Cancelled;
            }
        };

    /// <summary>The value of a successful result; a failure ends the command with its exit code and sentence.</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="result">The result.</param>
    public static T Unwrap<T>(Fin<T> result) => result.Match(
        Succ: value => value,
        Fail: error => throw CliFailure.From(error));

    /// <summary>Writes one failure sentence to standard error.</summary>
    /// <param name="message">The sentence.</param>
    public void Fail(string message)
    {
        Host.Error.WriteLine($"error: {message}");
        Host.Error.Flush();
    }

    /// <summary>Writes a failure of one item of a batch to standard error.</summary>
    /// <param name="what">The item.</param>
    /// <param name="error">Its failure.</param>
    public void Fail(string what, Error error) => Fail($"{what}: {error.Message}");

    /// <inheritdoc />
    public void Dispose() => client?.Dispose();
}
