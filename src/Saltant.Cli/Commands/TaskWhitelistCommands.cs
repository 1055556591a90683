using System.CommandLine;
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
                (c, id, ct) => c.TaskWhitelists.GetAsync(id, ct),
                (c, d, ct) => c.TaskWhitelists.CreateAsync(d, ct),
                (c, id, d, ct) => c.TaskWhitelists.PutAsync(id, d, ct),
                (c, id, p, ct) => c.TaskWhitelists.PatchAsync(id, p, ct)),
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

        public TaskWhitelistDraft Draft(ParseResult parse) => new(parse.GetValue(name)!)
        {
            Description = CommandFactory.Or(parse, description, "")!,
            WhitelistedContainerTaskTypes = TypeIds<Container>(container.Name, parse.GetValue(container)),
            WhitelistedExecutableTaskTypes = TypeIds<Executable>(executable.Name, parse.GetValue(executable)),
        };

        public TaskWhitelistPatch Patch(ParseResult parse)
        {
            var patch = new TaskWhitelistPatch
            {
                Name = CommandFactory.Maybe(parse, name),
                Description = CommandFactory.Maybe(parse, description),
                WhitelistedContainerTaskTypes = CommandFactory.Maybe(parse, container).Map(v => TypeIds<Container>(container.Name, v)),
                WhitelistedExecutableTaskTypes = CommandFactory.Maybe(parse, executable).Map(v => TypeIds<Executable>(executable.Name, v)),
            };
            return PatchableResourceCommands.NotEmpty(patch, patch.ToJson());
        }

        private static LanguageExt.Seq<TaskTypeId<TKind>> TypeIds<TKind>(string option, string[]? values)
            where TKind : ITaskKind =>
            Inputs.Ids(option, values ?? []).Map(i => new TaskTypeId<TKind>(i));
    }
}
