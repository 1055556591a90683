using System.CommandLine;
using static LanguageExt.AffExtensions;
using Saltant.Cli.Output;
using Saltant.Client;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary>What a command's options ask of a write: every field with defaults (create), every field required (put), or only those given (patch).</summary>
internal enum FieldMode
{
    /// <summary>Create: the required fields, the rest at their defaults.</summary>
    Create,

    /// <summary>Put: every field, since PUT replaces the whole record.</summary>
    Put,

    /// <summary>Patch: only the fields given change.</summary>
    Patch,
}

/// <summary>Builds commands that share the host, the global options and the generic list and get.</summary>
internal sealed class CommandFactory
{
    /// <summary>Makes the factory.</summary>
    /// <param name="host">The host.</param>
    /// <param name="globals">The global options.</param>
    public CommandFactory(CliHost host, GlobalOptions globals)
    {
        Host = host;
        Globals = globals;
    }

    /// <summary>The host.</summary>
    public CliHost Host { get; }

    /// <summary>The global options.</summary>
    public GlobalOptions Globals { get; }

    /// <summary>Sets a command's action, wrapped to map every ending to an exit code.</summary>
    /// <param name="command">The command.</param>
    /// <param name="body">Its work.</param>
    public Command WithAction(Command command, Func<Invocation, LanguageExt.Aff<SaltantRuntime, Outcome>> body)
    {
        command.SetAction(Invocation.Action(Host, Globals, body));
        return command;
    }

    /// <summary>
    /// <c>list</c>: every record matching the filters (<c>--filters</c> JSON, <c>--filters-file</c>,
    /// repeatable <c>--where field__lookup=value</c>), streamed page by page.
    /// </summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <typeparam name="TFilter">The type its filters are typed on.</typeparam>
    /// <param name="view">How to show it.</param>
    /// <param name="stream">The client's stream for this resource.</param>
    public Command List<T, TFilter>(ResourceView<T> view, Func<SaltantClient, LanguageExt.Seq<Filter<TFilter>>, CancellationToken, IAsyncEnumerable<LanguageExt.Fin<T>>> stream)
    {
        var filters = new Option<string?>("--filters") { Description = "Filters as a JSON object, e.g. '{\"name__contains\": \"x\"}'.", HelpName = "json" };
        var filtersFile = new Option<string?>("--filters-file") { Description = "Filters as a JSON object in a file.", HelpName = "path" };
        var where = new Option<string[]>("--where", "-w") { Description = "One filter, field__lookup=value (e.g. state=failed); repeat for more.", HelpName = "field=value" };
        var command = new Command("list", $"List the {view.Noun}s matching the filters (all of them without filters).") { filters, filtersFile, where };
        LanguageExt.Fin<LanguageExt.Seq<Filter<TFilter>>> Chosen(ParseResult parse) =>
            Inputs.Filters<TFilter>(parse.GetValue(filters), parse.GetValue(filtersFile), parse.GetValue(where) ?? []);
        return WithAction(command, invocation =>
            from chosen in Chosen(invocation.Parse).Lift()
            from items in invocation.Call(client => Steps.Async(ct => Steps.CollectAsync(stream(client, chosen, ct))))
            select Outcome.Of(i => i.Printer.Many(view, items)));
    }

    /// <summary><c>get KEY</c>: one record.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="view">How to show it.</param>
    /// <param name="keyName">The key's name in help (id, uuid, username).</param>
    /// <param name="get">Reads the record (a usage error first when the key is malformed).</param>
    public Command Get<T>(ResourceView<T> view, string keyName, Func<Invocation, string, LanguageExt.Aff<SaltantRuntime, T>> get)
    {
        var key = new Argument<string>(keyName) { Description = $"The {view.Noun}'s {keyName}." };
        var command = new Command("get", $"Show one {view.Noun} by {keyName}.") { key };
        return WithAction(command, invocation =>
            from record in get(invocation, invocation.Parse.GetValue(key)!)
            select Outcome.Of(i => i.Printer.One(view, record)));
    }

    /// <summary>A command that writes one record and prints it.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="command">The command, with its options.</param>
    /// <param name="view">How to show the result.</param>
    /// <param name="write">Reads the options (usage errors first) and sends the write.</param>
    public Command Write<T>(Command command, ResourceView<T> view, Func<Invocation, LanguageExt.Aff<SaltantRuntime, T>> write) =>
        WithAction(command, invocation =>
            from record in write(invocation)
            select Outcome.Of(i => i.Printer.One(view, record)));

    /// <summary>A text field option.</summary>
    /// <param name="name">The option.</param>
    /// <param name="description">Its help.</param>
    /// <param name="required">Whether it must be given.</param>
    public static Option<string> Text(string name, string description, bool required) =>
        new(name) { Description = description, Required = required, HelpName = "text" };

    /// <summary>A boolean field option: <c>--x</c> alone is true, or <c>--x true|false</c>.</summary>
    /// <param name="name">The option.</param>
    /// <param name="description">Its help.</param>
    /// <param name="required">Whether it must be given.</param>
    public static Option<bool> Flag(string name, string description, bool required) =>
        new(name) { Description = description, Required = required, HelpName = "true|false" };

    /// <summary>A list option: repeated, comma-separated or a JSON list.</summary>
    /// <param name="name">The option.</param>
    /// <param name="description">Its help.</param>
    /// <param name="required">Whether it must be given.</param>
    /// <param name="aliases">Other names (saltant-cli's).</param>
    public static Option<string[]> ListOf(string name, string description, bool required, params string[] aliases) =>
        new(name, aliases) { Description = description + " Repeat the option, separate with commas, or give a JSON list.", Required = required, HelpName = "a,b" };

    /// <summary>Whether an option was given on the command line.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="option">The option.</param>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>The option's value when given, else the fallback.</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="parse">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <param name="fallback">The default.</param>
    public static T Or<T>(ParseResult parse, Option<T> option, T fallback) => Given(parse, option) ? parse.GetValue(option)! : fallback;

    /// <summary>The option's value when given, else None (for patches).</summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="parse">The parse result.</param>
    /// <param name="option">The option.</param>
    public static LanguageExt.Option<T> Maybe<T>(ParseResult parse, Option<T> option) => Given(parse, option) ? LanguageExt.Prelude.Some(parse.GetValue(option)!) : LanguageExt.Prelude.None;
}
