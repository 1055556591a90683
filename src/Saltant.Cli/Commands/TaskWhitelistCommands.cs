using System.CommandLine;
using static LanguageExt.AffExtensions;
using Saltant.Cli.Output;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary><c>task-whitelists</c>: list, get, create, put, patch.</summary>
internal static class TaskWhitelistCommands
{
    /// <summary>Builds the command group.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory) =>
        PatchableResourceCommands.Build(
            factory,
            "task-whitelists",
            Views.TaskWhitelist,
            new PatchableCalls<TaskWhitelist, TaskWhitelistId, TaskWhitelistDraft, TaskWhitelistPatch>(
                (c, f, ct) => c.TaskWhitelists.Stream(f, ct),
                (c, id) => c.TaskWhitelists.Get(id),
                (c, d) => c.TaskWhitelists.Create(d),
                (c, id, d) => c.TaskWhitelists.Put(id, d),
                (c, id, p) => c.TaskWhitelists.Patch(id, p)),
            id => new TaskWhitelistId(id),
            mode => new Fields(mode));

    /// <summary>The field options, as saltant-cli names them.</summary>
    private sealed class Fields : IResourceFields<TaskWhitelistDraft, TaskWhitelistPatch>
    {
        private readonly Option<string> name;
        private readonly Option<string> description;
        private readonly Option<string[]> container;
        private readonly Option<string[]> executable;

        public Fields(FieldMode mode)
        {
            var put = mode == FieldMode.Put;
            name = CommandFactory.Text("--name", "The whitelist's name (unique).", mode != FieldMode.Patch);
            description = CommandFactory.Text("--description", "A description.", put);
            container = CommandFactory.ListOf("--whitelisted-container-task-types", "Ids of the container task types it allows.", put);
            executable = CommandFactory.ListOf("--whitelisted-executable-task-types", "Ids of the executable task types it allows.", put);
        }

        public IEnumerable<Option> Options => [name, description, container, executable];

        public LanguageExt.Fin<TaskWhitelistDraft> Draft(ParseResult parse) =>
            from containers in TypeIds<Container>(container.Name, parse.GetValue(container))
            from executables in TypeIds<Executable>(executable.Name, parse.GetValue(executable))
            select new TaskWhitelistDraft(parse.GetValue(name)!)
            {
                Description = CommandFactory.Or(parse, description, "")!,
                WhitelistedContainerTaskTypes = containers,
                WhitelistedExecutableTaskTypes = executables,
            };

        public LanguageExt.Fin<TaskWhitelistPatch> Patch(ParseResult parse) =>
            from containers in MaybeTypeIds<Container>(parse, container)
            from executables in MaybeTypeIds<Executable>(parse, executable)
            let patch = new TaskWhitelistPatch
            {
                Name = CommandFactory.Maybe(parse, name),
                Description = CommandFactory.Maybe(parse, description),
                WhitelistedContainerTaskTypes = containers,
                WhitelistedExecutableTaskTypes = executables,
            }
            from checkedPatch in PatchableResourceCommands.NotEmpty(patch, patch.ToJson())
            select checkedPatch;

        private static LanguageExt.Fin<LanguageExt.Option<LanguageExt.Seq<TaskTypeId<TKind>>>> MaybeTypeIds<TKind>(ParseResult parse, Option<string[]> option)
            where TKind : ITaskKind =>
            CommandFactory.Maybe(parse, option).Match(
                v => TypeIds<TKind>(option.Name, v).Map(LanguageExt.Prelude.Some),
                () => LanguageExt.Prelude.FinSucc(LanguageExt.Option<LanguageExt.Seq<TaskTypeId<TKind>>>.None));

        private static LanguageExt.Fin<LanguageExt.Seq<TaskTypeId<TKind>>> TypeIds<TKind>(string option, string[]? values)
            where TKind : ITaskKind =>
            Inputs.Ids(option, values ?? []).Map(ids => ids.Map(i => new TaskTypeId<TKind>(i)));
    }
}
