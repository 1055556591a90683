using System.CommandLine;
using Saltant.Cli.Output;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary><c>task-queues</c>: list, get, create, put, patch.</summary>
internal static class TaskQueueCommands
{
    /// <summary>Builds the command group.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory) => new("task-queues", "Task queues: list, get, create, put, patch.")
    {
        factory.List<TaskQueue, TaskQueue>(Views.TaskQueue, (client, filters, ct) => client.TaskQueues.Stream(filters, ct)),
        factory.Get(Views.TaskQueue, "id", (invocation, key) =>
        {
            var id = new TaskQueueId(Inputs.Id("task queue", key));
            return invocation.Client.TaskQueues.GetAsync(id, invocation.CancellationToken);
        }),
        Create(factory),
        Put(factory),
        Patch(factory),
    };

    private static Command Create(CommandFactory factory)
    {
        var fields = new Fields(FieldMode.Create);
        return factory.Write(fields.AddTo(new Command("create", "Create a task queue.")), Views.TaskQueue, invocation =>
        {
            var draft = fields.Draft(invocation.Parse);
            return invocation.Client.TaskQueues.CreateAsync(draft, invocation.CancellationToken);
        });
    }

    private static Command Put(CommandFactory factory)
    {
        var fields = new Fields(FieldMode.Put);
        var key = new Argument<string>("id") { Description = "The task queue's id." };
        var command = fields.AddTo(new Command("put", "Replace every field of a task queue.") { key });
        return factory.Write(command, Views.TaskQueue, invocation =>
        {
            var id = new TaskQueueId(Inputs.Id("task queue", invocation.Parse.GetValue(key)!));
            var draft = fields.Draft(invocation.Parse);
            return invocation.Client.TaskQueues.PutAsync(id, draft, invocation.CancellationToken);
        });
    }

    private static Command Patch(CommandFactory factory)
    {
        var fields = new Fields(FieldMode.Patch);
        var key = new Argument<string>("id") { Description = "The task queue's id." };
        var command = fields.AddTo(new Command("patch", "Change only the given fields of a task queue.") { key });
        return factory.Write(command, Views.TaskQueue, invocation =>
        {
            var id = new TaskQueueId(Inputs.Id("task queue", invocation.Parse.GetValue(key)!));
            var patch = fields.Patch(invocation.Parse);
            return invocation.Client.TaskQueues.PatchAsync(id, patch, invocation.CancellationToken);
        });
    }

    /// <summary>The field options, as saltant-cli names them.</summary>
    private sealed class Fields
    {
        private readonly Option<string> name;
        private readonly Option<string> description;
        private readonly Option<bool> isPrivate;
        private readonly Option<bool> runsExecutable;
        private readonly Option<bool> runsDocker;
        private readonly Option<bool> runsSingularity;
        private readonly Option<bool> active;
        private readonly Option<string[]> whitelists;

        public Fields(FieldMode mode)
        {
            var put = mode == FieldMode.Put;
            name = CommandFactory.Text("--name", "The queue's name (unique).", mode != FieldMode.Patch);
            description = CommandFactory.Text("--description", "A description." + (mode == FieldMode.Create ? " Default: empty." : ""), put);
            isPrivate = CommandFactory.Flag("--private", "Whether only its creator may use it." + Default(mode, "false"), put);
            runsExecutable = CommandFactory.Flag("--runs-executable-tasks", "Whether it runs executable tasks." + Default(mode, "true"), put);
            runsDocker = CommandFactory.Flag("--runs-docker-container-tasks", "Whether it runs Docker container tasks." + Default(mode, "true"), put);
            runsSingularity = CommandFactory.Flag("--runs-singularity-container-tasks", "Whether it runs Singularity container tasks." + Default(mode, "true"), put);
            active = CommandFactory.Flag("--active", "Whether it is active." + Default(mode, "true"), put);
            whitelists = CommandFactory.ListOf("--whitelists", "Ids of its task whitelists." + Default(mode, "none"), put);
        }

        public Command AddTo(Command command)
        {
            command.Add(name);
            command.Add(description);
            command.Add(isPrivate);
            command.Add(runsExecutable);
            command.Add(runsDocker);
            command.Add(runsSingularity);
            command.Add(active);
            command.Add(whitelists);
            return command;
        }

        public TaskQueueDraft Draft(ParseResult parse) => new(parse.GetValue(name)!)
        {
            Description = CommandFactory.Or(parse, description, "")!,
            Private = CommandFactory.Or(parse, isPrivate, false),
            RunsExecutableTasks = CommandFactory.Or(parse, runsExecutable, true),
            RunsDockerContainerTasks = CommandFactory.Or(parse, runsDocker, true),
            RunsSingularityContainerTasks = CommandFactory.Or(parse, runsSingularity, true),
            Active = CommandFactory.Or(parse, active, true),
            Whitelists = Inputs.Ids("--whitelists", parse.GetValue(whitelists) ?? []).Map(i => new TaskWhitelistId(i)),
        };

        public TaskQueuePatch Patch(ParseResult parse)
        {
            var patch = new TaskQueuePatch
            {
                Name = CommandFactory.Maybe(parse, name),
                Description = CommandFactory.Maybe(parse, description),
                Private = CommandFactory.Maybe(parse, isPrivate),
                RunsExecutableTasks = CommandFactory.Maybe(parse, runsExecutable),
                RunsDockerContainerTasks = CommandFactory.Maybe(parse, runsDocker),
                RunsSingularityContainerTasks = CommandFactory.Maybe(parse, runsSingularity),
                Active = CommandFactory.Maybe(parse, active),
                Whitelists = CommandFactory.Maybe(parse, whitelists).Map(v => Inputs.Ids("--whitelists", v).Map(i => new TaskWhitelistId(i))),
            };
            return patch.ToJson().Count > 0 ? patch : throw CliFailure.Usage("patch needs at least one field to change, e.g. --description text.");
        }

        private static string Default(FieldMode mode, string value) => mode == FieldMode.Create ? $" Default: {value}." : "";
    }
}
