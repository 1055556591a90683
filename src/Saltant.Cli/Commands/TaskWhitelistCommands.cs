using System.CommandLine;
using Saltant.Cli.Output;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary><c>task-whitelists</c>: list, get, create, put, patch.</summary>
internal static class TaskWhitelistCommands
{
    /// <summary>Builds the command group.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory) => new("task-whitelists", "Task whitelists: list, get, create, put, patch.")
    {
        factory.List<TaskWhitelist, TaskWhitelist>(Views.TaskWhitelist, (client, filters, ct) => client.TaskWhitelists.Stream(filters, ct)),
        factory.Get(Views.TaskWhitelist, "id", (invocation, key) =>
        {
            var id = new TaskWhitelistId(Inputs.Id("task whitelist", key));
            return invocation.Client.TaskWhitelists.GetAsync(id, invocation.CancellationToken);
        }),
        Create(factory),
        Put(factory),
        Patch(factory),
    };

    private static Command Create(CommandFactory factory)
    {
        var fields = new Fields(FieldMode.Create);
        return factory.Write(fields.AddTo(new Command("create", "Create a task whitelist.")), Views.TaskWhitelist, invocation =>
        {
            var draft = fields.Draft(invocation.Parse);
            return invocation.Client.TaskWhitelists.CreateAsync(draft, invocation.CancellationToken);
        });
    }

    private static Command Put(CommandFactory factory)
    {
        var fields = new Fields(FieldMode.Put);
        var key = new Argument<string>("id") { Description = "The task whitelist's id." };
        var command = fields.AddTo(new Command("put", "Replace every field of a task whitelist.") { key });
        return factory.Write(command, Views.TaskWhitelist, invocation =>
        {
            var id = new TaskWhitelistId(Inputs.Id("task whitelist", invocation.Parse.GetValue(key)!));
            var draft = fields.Draft(invocation.Parse);
            return invocation.Client.TaskWhitelists.PutAsync(id, draft, invocation.CancellationToken);
        });
    }

    private static Command Patch(CommandFactory factory)
    {
        var fields = new Fields(FieldMode.Patch);
        var key = new Argument<string>("id") { Description = "The task whitelist's id." };
        var command = fields.AddTo(new Command("patch", "Change only the given fields of a task whitelist.") { key });
        return factory.Write(command, Views.TaskWhitelist, invocation =>
        {
            var id = new TaskWhitelistId(Inputs.Id("task whitelist", invocation.Parse.GetValue(key)!));
            var patch = fields.Patch(invocation.Parse);
            return invocation.Client.TaskWhitelists.PatchAsync(id, patch, invocation.CancellationToken);
        });
    }

    /// <summary>The field options, as saltant-cli names them.</summary>
    private sealed class Fields
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

        public Command AddTo(Command command)
        {
            command.Add(name);
            command.Add(description);
            command.Add(container);
            command.Add(executable);
            return command;
        }

        public TaskWhitelistDraft Draft(ParseResult parse) => new(parse.GetValue(name)!)
        {
            Description = CommandFactory.Or(parse, description, "")!,
            WhitelistedContainerTaskTypes = TypeIds(container.Name, parse.GetValue(container)),
            WhitelistedExecutableTaskTypes = TypeIds(executable.Name, parse.GetValue(executable)),
        };

        public TaskWhitelistPatch Patch(ParseResult parse)
        {
            var patch = new TaskWhitelistPatch
            {
                Name = CommandFactory.Maybe(parse, name),
                Description = CommandFactory.Maybe(parse, description),
                WhitelistedContainerTaskTypes = CommandFactory.Maybe(parse, container).Map(v => TypeIds(container.Name, v)),
                WhitelistedExecutableTaskTypes = CommandFactory.Maybe(parse, executable).Map(v => TypeIds(executable.Name, v)),
            };
            return patch.ToJson().Count > 0 ? patch : throw CliFailure.Usage("patch needs at least one field to change, e.g. --description text.");
        }

        private static LanguageExt.Seq<TaskTypeId> TypeIds(string option, string[]? values) => Inputs.Ids(option, values ?? []).Map(i => new TaskTypeId(i));
    }
}
