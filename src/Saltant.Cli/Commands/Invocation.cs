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
    private Fin<SaltantClient>? client;

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

    /// <summary>The client, made from the resolved settings on first use (without a round trip), or why it cannot be.</summary>
    public Fin<SaltantClient> Client => client ??= SettingsResolver.Resolve(Host.Environment, ConfigPath, Profile).Map(settings => SaltantClient.Create(settings));

    /// <summary>
    /// A call on the client: fails with the configuration error when there is no client, and turns
    /// a 404 from a URL that does not look like the API's into a hint to fix the URL.
    /// </summary>
    /// <typeparam name="T">The call's value.</typeparam>
    /// <param name="call">The call.</param>
    public Aff<SaltantRuntime, T> Call<T>(Func<SaltantClient, Aff<SaltantRuntime, T>> call) =>
        Client.Lift().Bind(c => call(c).MapFail(error => UrlHint.For(c.Settings.ApiRoot, error)));

    /// <summary>
    /// Makes the action of a command: runs its pipeline, then renders how it ended in one place —
    /// the result on standard output, each failure as one sentence on standard error — and
    /// returns the exit code.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="globals">The global options.</param>
    /// <param name="body">The command's pipeline.</param>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(CliHost host, GlobalOptions globals, Func<Invocation, Aff<SaltantRuntime, Outcome>> body) =>
        async (parse, cancellationToken) =>
        {
            using var invocation = new Invocation(host, globals, parse, cancellationToken);
            var pipeline = globals.Check(parse).Lift().Bind(_ => body(invocation));
            return invocation.Render(await RunAsync(pipeline, cancellationToken).ConfigureAwait(false));
        };

    /// <summary>
    /// Runs a pipeline on a runtime cancelled by Ctrl+C. Not through the client's runner, which
    /// names every failure after a cancellation "cancelled": a wait that stopped says so itself.
    /// </summary>
    private static async Task<Fin<Outcome>> RunAsync(Aff<SaltantRuntime, Outcome> pipeline, CancellationToken cancellationToken)
    {
        var runtime = SaltantRuntime.New(cancellationToken);
        try
        {
            return await pipeline.Run(runtime).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error.New(e);
        }
        finally
        {
            runtime.CancellationTokenSource.Dispose();
        }
    }

    /// <summary>Writes how the command ended and returns its exit code.</summary>
    /// <param name="result">The pipeline's result.</param>
    public int Render(Fin<Outcome> result)
    {
        var problems = result.Match(
            Succ: outcome =>
            {
                outcome.Show(this);
                Host.Out.Flush();
                return outcome.Problems;
            },
            Fail: LanguageExt.Prelude.Seq1);
        var shown = problems.Map(Settle);
        foreach (var problem in shown)
        {
            Report(problem);
        }

        return shown.HeadOrNone().Match(ExitCodes.For, () => ExitCodes.Success);
    }

    /// <summary>Ctrl+C surfaces as a cancelled request, or as an exception from a display: both are an interruption.</summary>
    private Error Settle(Error error) => error switch
    {
        CliError => error,
        Cancelled when CancellationToken.IsCancellationRequested => new Interrupted(),
        Exceptional e when e.Exception.Case is OperationCanceledException && CancellationToken.IsCancellationRequested => new Interrupted(),
        Exceptional e => new LocalFailure($"unexpected failure ({e.Exception.Case?.GetType().Name ?? "error"}): {e.Message}"),
        _ => error,
    };

    private void Report(Error error)
    {
        Host.Error.WriteLine(error is CliError { IsError: false } ? error.Message : $"error: {error.Message}");
        Host.Error.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => client?.IfSucc(c => c.Dispose());
}
