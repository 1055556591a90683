using System.CommandLine;
using static LanguageExt.AffExtensions;
using Saltant.Cli.Output;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary><c>task-queues</c>: list, get, create, put, patch.</summary>
internal static class TaskQueueCommands
{
    /// <summary>Builds the command group.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory) =>
        PatchableResourceCommands.Build(
            factory,
            "task-queues",
            Views.TaskQueue,
            new PatchableCalls<TaskQueue, TaskQueueId, TaskQueueDraft, TaskQueuePatch>(
                (c, f, ct) => c.TaskQueues.Stream(f, ct),
                (c, id) => c.TaskQueues.Get(id),
                (c, d) => c.TaskQueues.Create(d),
                (c, id, d) => c.TaskQueues.Put(id, d),
                (c, id, p) => c.TaskQueues.Patch(id, p)),
            id => new TaskQueueId(id),
            mode => new Fields(mode));

    /// <summary>The field options, as saltant-cli names them.</summary>
    private sealed class Fields : IResourceFields<TaskQueueDraft, TaskQueuePatch>
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

        public IEnumerable<Option> Options => [name, description, isPrivate, runsExecutable, runsDocker, runsSingularity, active, whitelists];

        public LanguageExt.Fin<TaskQueueDraft> Draft(ParseResult parse) =>
            from ids in Inputs.Ids("--whitelists", parse.GetValue(whitelists) ?? [])
            select new TaskQueueDraft(parse.GetValue(name)!)
        {
            Description = CommandFactory.Or(parse, description, "")!,
            Private = CommandFactory.Or(parse, isPrivate, false),
            RunsExecutableTasks = CommandFactory.Or(parse, runsExecutable, true),
            RunsDockerContainerTasks = CommandFactory.Or(parse, runsDocker, true),
            RunsSingularityContainerTasks = CommandFactory.Or(parse, runsSingularity, true),
            Active = CommandFactory.Or(parse, active, true),
            Whitelists = ids.Map(i => new TaskWhitelistId(i)),
        };

        public LanguageExt.Fin<TaskQueuePatch> Patch(ParseResult parse) =>
            from ids in CommandFactory.Maybe(parse, whitelists).Match(v => Inputs.Ids("--whitelists", v).Map(LanguageExt.Prelude.Some), () => LanguageExt.Prelude.FinSucc(LanguageExt.Option<LanguageExt.Seq<int>>.None))
            let patch = new TaskQueuePatch
            {
                Name = CommandFactory.Maybe(parse, name),
                Description = CommandFactory.Maybe(parse, description),
                Private = CommandFactory.Maybe(parse, isPrivate),
                RunsExecutableTasks = CommandFactory.Maybe(parse, runsExecutable),
                RunsDockerContainerTasks = CommandFactory.Maybe(parse, runsDocker),
                RunsSingularityContainerTasks = CommandFactory.Maybe(parse, runsSingularity),
                Active = CommandFactory.Maybe(parse, active),
                Whitelists = ids.Map(v => v.Map(i => new TaskWhitelistId(i))),
            }
            from checkedPatch in PatchableResourceCommands.NotEmpty(patch, patch.ToJson())
            select checkedPatch;

        private static string Default(FieldMode mode, string value) => mode == FieldMode.Create ? $" Default: {value}." : "";
    }
}
