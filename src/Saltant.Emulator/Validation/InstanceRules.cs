using System.Text.Json.Nodes;
using Saltant.Emulator.Json;
using Saltant.Emulator.Store;

namespace Saltant.Emulator.Validation;

/// <summary>
/// saltant's AbstractTaskInstance.clean(): arguments must be (or parse to) a dictionary, the queue must
/// be active, usable by the user, whitelist the type and run its kind, and every required argument
/// without a default must be given. With <c>fill</c>, missing defaults are appended, as save() does.
/// </summary>
internal static class InstanceRules
{
    public static string? Clean(EmulatorStore store, UserRecord user, TaskTypeRecord type, QueueRecord queue, ref JsonNode? arguments, bool fill)
    {
        arguments ??= new JsonObject();
        if (JsonKinds.KindOf(arguments) == PyKind.Str)
        {
            var text = arguments.GetValue<string>();
            try { arguments = PyJsonParser.Parse(text); }
            catch (PyJsonException) { return $"{text} is not valid JSON!"; }
        }
        if (arguments is not JsonObject args) return $"'{PyRepr.Str(arguments)}' is not a valid JSON dictionary!";
        if (!queue.Active) return $"Queue {queue.Name} is not active";
        if (queue.Private && !ReferenceEquals(user, queue.User)) return $"{user.Username} is not authorized to use the queue {queue.Name}";

        bool whitelisted = queue.Whitelists.Any(id => store.Whitelists.TryGetValue(id, out var wl) &&
            (type.Kind == TaskKind.Executable ? wl.ExecutableTypes : wl.ContainerTypes).Contains(type.Id));
        if (!whitelisted) return $"Queue {queue.Name} has not whitelisted task type {type.Name}";

        if (type.Kind == TaskKind.Executable)
        {
            if (!queue.RunsExecutableTasks) return $"Queue {queue.Name} does not accept executable tasks";
        }
        else if (type.ContainerType == "docker" && !queue.RunsDockerContainerTasks) return $"Queue {queue.Name} does not accept Docker container tasks";
        else if (type.ContainerType == "singularity" && !queue.RunsSingularityContainerTasks) return $"Queue {queue.Name} does not accept Singularity container tasks";

        var defaults = type.RequiredArgumentsDefaultValues as JsonObject ?? [];
        foreach (var required in type.RequiredArguments as JsonArray ?? [])
        {
            var key = JsonKinds.KindOf(required) == PyKind.Str ? required!.GetValue<string>() : null;
            if (key is not null && args.ContainsKey(key)) continue;
            if (key is null || !defaults.TryGetPropertyValue(key, out var dflt)) return $"required argument '{PyRepr.Str(required)}' not provided!";
            if (fill) args[key] = dflt?.DeepClone();
        }
        return null;
    }
}
