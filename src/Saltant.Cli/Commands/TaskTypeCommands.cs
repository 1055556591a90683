using System.CommandLine;
using static LanguageExt.AffExtensions;
using Saltant.Cli.Output;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary><c>container-task-types</c> and <c>executable-task-types</c>: list, get, create, put (the API has no PATCH for task types).</summary>
internal static class TaskTypeCommands
{
    /// <summary>Builds <c>container-task-types</c>.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Container(CommandFactory factory)
    {
        var command = new Command("container-task-types", "Container task types: list, get, create, put.")
        {
            factory.List<ContainerTaskType, TaskType<Container>>(Views.ContainerTaskType, (client, filters, ct) => client.ContainerTaskTypes.Stream(filters, ct)),
            factory.Get(Views.ContainerTaskType, "id", (invocation, key) =>
                from id in Inputs.Id("task type", key).Lift()
                from record in invocation.Call(client => client.ContainerTaskTypes.Get(new TaskTypeId<Domain.Container>(id)))
                select record),
        };

        foreach (var mode in new[] { FieldMode.Create, FieldMode.Put })
        {
            var common = new CommonFields(mode);
            var image = CommandFactory.Text("--container-image", "The container image and tag, e.g. docker://user/image:tag.", true);
            var type = new Option<string>("--container-type") { Description = "The kind of container.", Required = true, HelpName = "docker|singularity" };
            type.AcceptOnlyFromAmong("docker", "singularity");
            var logs = CommandFactory.Text("--logs-path", "The logs directory inside the container; none when omitted or empty.", false);
            var results = CommandFactory.Text("--results-path", "The results directory inside the container; none when omitted or empty.", false);
            var (sub, key) = Subcommand(mode, "container task type");
            common.AddTo(sub);
            sub.Add(image);
            sub.Add(type);
            sub.Add(logs);
            sub.Add(results);
            command.Add(factory.Write(sub, Views.ContainerTaskType, invocation =>
                from id in Key<Domain.Container>(invocation.Parse, key).Lift()
                from draft in common.Apply(invocation.Parse, new ContainerTaskTypeDraft(
                    invocation.Parse.GetValue(common.Name)!,
                    invocation.Parse.GetValue(common.Command)!,
                    invocation.Parse.GetValue(image)!,
                    TaskKindNames.ParseContainerType(invocation.Parse.GetValue(type)).IfNone(ContainerType.Docker))
                {
                    LogsPath = Inputs.Nullable(invocation.Parse.GetValue(logs)),
                    ResultsPath = Inputs.Nullable(invocation.Parse.GetValue(results)),
                }).Lift()
                from record in invocation.Call(client => id.Match(
                    existing => client.ContainerTaskTypes.Put(existing, draft),
                    () => client.ContainerTaskTypes.Create(draft)))
                select record));
        }

        return command;
    }

    /// <summary>Builds <c>executable-task-types</c>.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Executable(CommandFactory factory)
    {
        var command = new Command("executable-task-types", "Executable task types: list, get, create, put.")
        {
            factory.List<ExecutableTaskType, TaskType<Executable>>(Views.ExecutableTaskType, (client, filters, ct) => client.ExecutableTaskTypes.Stream(filters, ct)),
            factory.Get(Views.ExecutableTaskType, "id", (invocation, key) =>
                from id in Inputs.Id("task type", key).Lift()
                from record in invocation.Call(client => client.ExecutableTaskTypes.Get(new TaskTypeId<Domain.Executable>(id)))
                select record),
        };

        foreach (var mode in new[] { FieldMode.Create, FieldMode.Put })
        {
            var common = new CommonFields(mode);
            var jsonFile = CommandFactory.Text("--json-file-option", "The option of the command that takes the arguments as a JSON file; none when omitted or empty.", false);
            var (sub, key) = Subcommand(mode, "executable task type");
            common.AddTo(sub);
            sub.Add(jsonFile);
            command.Add(factory.Write(sub, Views.ExecutableTaskType, invocation =>
                from id in Key<Domain.Executable>(invocation.Parse, key).Lift()
                from draft in common.Apply(invocation.Parse, new ExecutableTaskTypeDraft(invocation.Parse.GetValue(common.Name)!, invocation.Parse.GetValue(common.Command)!)
                {
                    JsonFileOption = Inputs.Nullable(invocation.Parse.GetValue(jsonFile)),
                }).Lift()
                from record in invocation.Call(client => id.Match(
                    existing => client.ExecutableTaskTypes.Put(existing, draft),
                    () => client.ExecutableTaskTypes.Create(draft)))
                select record));
        }

        return command;
    }

    /// <summary>The id a put replaces, or none for a create (no id argument).</summary>
    private static LanguageExt.Fin<LanguageExt.Option<TaskTypeId<TKind>>> Key<TKind>(ParseResult parse, Argument<string>? key)
        where TKind : ITaskKind =>
        key is null
            ? LanguageExt.Option<TaskTypeId<TKind>>.None
            : Inputs.Id("task type", parse.GetValue(key)!).Map(id => LanguageExt.Prelude.Some(new TaskTypeId<TKind>(id)));

    private static (Command Command, Argument<string>? Key) Subcommand(FieldMode mode, string noun)
    {
        if (mode == FieldMode.Create)
        {
            return (new Command("create", $"Create {Article(noun)} {noun}."), null);
        }

        var key = new Argument<string>("id") { Description = $"The {noun}'s id." };
        return (new Command("put", $"Replace every field of a {noun} (fields left out are reset: PUT replaces the whole record).") { key }, key);
    }

    /// <summary>The options both kinds share, with saltant-cli's <c>--json-…</c> names as aliases.</summary>
    private sealed class CommonFields
    {
        private readonly Option<string> description;
        private readonly Option<string[]> environment;
        private readonly Option<string[]> required;
        private readonly Option<string> defaults;

        public CommonFields(FieldMode mode)
        {
            var put = mode == FieldMode.Put;
            Name = CommandFactory.Text("--name", "The task type's name (unique).", true);
            Command = CommandFactory.Text("--command-to-run", "The command that runs the task.", true);
            description = CommandFactory.Text("--description", "A description.", put);
            environment = CommandFactory.ListOf("--environment-variables", "Environment variables the host must provide.", put, "--json-environment-variables");
            required = CommandFactory.ListOf("--required-arguments", "Names of the arguments an instance must give.", put, "--json-required-arguments");
            defaults = new Option<string>("--required-arguments-default-values", "--json-required-arguments-default-values")
            {
                Description = "Default values of required arguments, as a JSON object, e.g. '{\"times\": 1}'.",
                Required = put,
                HelpName = "json",
            };
        }

        public Option<string> Name { get; }

        public Option<string> Command { get; }

        public void AddTo(Command command)
        {
            command.Add(Name);
            command.Add(description);
            command.Add(Command);
            command.Add(environment);
            command.Add(required);
            command.Add(defaults);
        }

        public LanguageExt.Fin<ContainerTaskTypeDraft> Apply(ParseResult parse, ContainerTaskTypeDraft draft) =>
            from env in Inputs.List(environment.Name, parse.GetValue(environment) ?? [])
            from names in Inputs.List(required.Name, parse.GetValue(required) ?? [])
            from values in Defaults(parse)
            select draft with
            {
                Description = CommandFactory.Or(parse, description, "")!,
                EnvironmentVariables = env,
                RequiredArguments = names,
                RequiredArgumentsDefaultValues = values,
            };

        public LanguageExt.Fin<ExecutableTaskTypeDraft> Apply(ParseResult parse, ExecutableTaskTypeDraft draft) =>
            from env in Inputs.List(environment.Name, parse.GetValue(environment) ?? [])
            from names in Inputs.List(required.Name, parse.GetValue(required) ?? [])
            from values in Defaults(parse)
            select draft with
            {
                Description = CommandFactory.Or(parse, description, "")!,
                EnvironmentVariables = env,
                RequiredArguments = names,
                RequiredArgumentsDefaultValues = values,
            };

        private LanguageExt.Fin<Json.JObject> Defaults(ParseResult parse) =>
            parse.GetValue(defaults) is string text ? Inputs.Object(defaults.Name, text) : Json.EmptyObject;
    }

    // "a container task type", "an executable task type".
    private static string Article(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an" : "a";
}
