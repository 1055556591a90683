using System.CommandLine;
using static LanguageExt.AffExtensions;
using Saltant.Cli.Output;
using Saltant.Client;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary>The options of one patchable resource's writable fields, made for one <see cref="FieldMode"/>.</summary>
/// <typeparam name="TDraft">Every writable field (create and put).</typeparam>
/// <typeparam name="TPatch">The fields to change (patch).</typeparam>
internal interface IResourceFields<TDraft, TPatch>
{
    /// <summary>The options, in the order help lists them.</summary>
    IEnumerable<Option> Options { get; }

    /// <summary>Every field: those given, the rest at their defaults (a usage error for a malformed value).</summary>
    /// <param name="parse">The parse result.</param>
    LanguageExt.Fin<TDraft> Draft(ParseResult parse);

    /// <summary>Only the fields given (a usage error for a malformed value, or for none at all).</summary>
    /// <param name="parse">The parse result.</param>
    LanguageExt.Fin<TPatch> Patch(ParseResult parse);
}

/// <summary>The calls the commands of one patchable resource make.</summary>
/// <typeparam name="TRecord">The record.</typeparam>
/// <typeparam name="TKey">Its id.</typeparam>
/// <typeparam name="TDraft">Every writable field.</typeparam>
/// <typeparam name="TPatch">The fields to change.</typeparam>
/// <param name="Stream">Lists the records.</param>
/// <param name="Get">Reads one.</param>
/// <param name="Create">Creates one.</param>
/// <param name="Put">Replaces one.</param>
/// <param name="Patch">Changes one.</param>
internal sealed record PatchableCalls<TRecord, TKey, TDraft, TPatch>(
    Func<SaltantClient, LanguageExt.Seq<Filter<TRecord>>, CancellationToken, IAsyncEnumerable<LanguageExt.Fin<TRecord>>> Stream,
    Func<SaltantClient, TKey, LanguageExt.Aff<SaltantRuntime, TRecord>> Get,
    Func<SaltantClient, TDraft, LanguageExt.Aff<SaltantRuntime, TRecord>> Create,
    Func<SaltantClient, TKey, TDraft, LanguageExt.Aff<SaltantRuntime, TRecord>> Put,
    Func<SaltantClient, TKey, TPatch, LanguageExt.Aff<SaltantRuntime, TRecord>> Patch);

/// <summary>
/// The command group of a resource with numeric ids that is listed, read, created, replaced and
/// patched — task queues and task whitelists, which differ only in their fields.
/// </summary>
internal static class PatchableResourceCommands
{
    /// <summary>Builds the group: list, get, create, put, patch.</summary>
    /// <typeparam name="TRecord">The record.</typeparam>
    /// <typeparam name="TKey">Its id.</typeparam>
    /// <typeparam name="TDraft">Every writable field.</typeparam>
    /// <typeparam name="TPatch">The fields to change.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="name">The group's name, e.g. <c>task-queues</c>.</param>
    /// <param name="view">How records are shown; its noun names them in help and errors.</param>
    /// <param name="calls">The calls on the client for this resource.</param>
    /// <param name="key">Makes an id from a checked positive number.</param>
    /// <param name="fields">Makes the field options for a mode.</param>
    public static Command Build<TRecord, TKey, TDraft, TPatch>(
        CommandFactory factory,
        string name,
        ResourceView<TRecord> view,
        PatchableCalls<TRecord, TKey, TDraft, TPatch> calls,
        Func<int, TKey> key,
        Func<FieldMode, IResourceFields<TDraft, TPatch>> fields)
    {
        var noun = view.Noun;
        return new Command(name, $"{char.ToUpperInvariant(noun[0])}{noun[1..]}s: list, get, create, put, patch.")
        {
            factory.List<TRecord, TRecord>(view, (client, filters, ct) => calls.Stream(client, filters, ct)),
            factory.Get(view, "id", (invocation, text) =>
                from id in Inputs.Id(noun, text).Map(key).Lift()
                from record in invocation.Call(client => calls.Get(client, id))
                select record),
            Create(factory, view, calls, fields(FieldMode.Create)),
            Change(factory, view, new Command("put", $"Replace every field of a {noun}."), fields(FieldMode.Put), (invocation, set, text) =>
                from id in Inputs.Id(noun, text).Map(key).Lift()
                from draft in set.Draft(invocation.Parse).Lift()
                from record in invocation.Call(client => calls.Put(client, id, draft))
                select record),
            Change(factory, view, new Command("patch", $"Change only the given fields of a {noun}."), fields(FieldMode.Patch), (invocation, set, text) =>
                from id in Inputs.Id(noun, text).Map(key).Lift()
                from patch in set.Patch(invocation.Parse).Lift()
                from record in invocation.Call(client => calls.Patch(client, id, patch))
                select record),
        };
    }

    /// <summary>The patch, or a usage error when it changes nothing.</summary>
    /// <typeparam name="TPatch">The patch.</typeparam>
    /// <param name="patch">The patch read from the options.</param>
    /// <param name="body">Its JSON body.</param>
    public static LanguageExt.Fin<TPatch> NotEmpty<TPatch>(TPatch patch, Json.JObject body) =>
        body.Count > 0 ? patch : Steps.Usage<TPatch>("patch needs at least one field to change, e.g. --description text.");

    private static Command Create<TRecord, TKey, TDraft, TPatch>(
        CommandFactory factory,
        ResourceView<TRecord> view,
        PatchableCalls<TRecord, TKey, TDraft, TPatch> calls,
        IResourceFields<TDraft, TPatch> set)
    {
        var command = WithOptions(new Command("create", $"Create a {view.Noun}."), set);
        return factory.Write(command, view, invocation =>
            from draft in set.Draft(invocation.Parse).Lift()
            from record in invocation.Call(client => calls.Create(client, draft))
            select record);
    }

    /// <summary>put or patch: the id argument and the fields; the write reads the id, then the fields, then makes the client.</summary>
    private static Command Change<TRecord, TDraft, TPatch>(
        CommandFactory factory,
        ResourceView<TRecord> view,
        Command command,
        IResourceFields<TDraft, TPatch> set,
        Func<Invocation, IResourceFields<TDraft, TPatch>, string, LanguageExt.Aff<SaltantRuntime, TRecord>> write)
    {
        var id = new Argument<string>("id") { Description = $"The {view.Noun}'s id." };
        command.Add(id);
        return factory.Write(WithOptions(command, set), view, invocation => write(invocation, set, invocation.Parse.GetValue(id)!));
    }

    private static Command WithOptions<TDraft, TPatch>(Command command, IResourceFields<TDraft, TPatch> set)
    {
        foreach (var option in set.Options)
        {
            command.Add(option);
        }

        return command;
    }
}
