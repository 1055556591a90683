using System.Text.Json;
using Saltant.Emulator.Json;
using Saltant.Emulator.Store;

namespace Saltant.Emulator.Resources;

/// <summary>
/// Resource bodies with the server's field order. <c>fresh</c> means "just saved": JSON fields keep the
/// order the request gave; on later reads they come back in jsonb order, as from PostgreSQL.
/// </summary>
internal static class Serializers
{
    public static void User(Utf8JsonWriter w, UserRecord u)
    {
        w.WriteStartObject();
        w.WriteString("username", u.Username);
        w.WriteString("email", u.Email);
        w.WriteEndObject();
    }

    public static void TaskType(Utf8JsonWriter w, TaskTypeRecord t, bool fresh = false)
    {
        w.WriteStartObject();
        w.WriteNumber("id", t.Id);
        w.WriteString("user", t.User.Username);
        w.WriteString("name", t.Name);
        w.WriteString("description", t.Description);
        w.WriteString("datetime_created", JsonOut.Datetime(t.DatetimeCreated));
        w.WriteString("command_to_run", t.CommandToRun);
        JsonOut.WriteNode(w, "environment_variables", fresh ? t.EnvironmentVariables : JsonKinds.JsonbOrder(t.EnvironmentVariables));
        JsonOut.WriteNode(w, "required_arguments", fresh ? t.RequiredArguments : JsonKinds.JsonbOrder(t.RequiredArguments));
        JsonOut.WriteNode(w, "required_arguments_default_values", fresh ? t.RequiredArgumentsDefaultValues : JsonKinds.JsonbOrder(t.RequiredArgumentsDefaultValues));
        if (t.Kind == TaskKind.Executable)
        {
            JsonOut.WriteNullableString(w, "json_file_option", t.JsonFileOption);
        }
        else
        {
            JsonOut.WriteNullableString(w, "logs_path", t.LogsPath);
            JsonOut.WriteNullableString(w, "results_path", t.ResultsPath);
            w.WriteString("container_image", t.ContainerImage);
            w.WriteString("container_type", t.ContainerType);
        }
        w.WriteEndObject();
    }

    public static void Whitelist(Utf8JsonWriter w, WhitelistRecord wl)
    {
        w.WriteStartObject();
        w.WriteNumber("id", wl.Id);
        w.WriteString("user", wl.User.Username);
        w.WriteString("name", wl.Name);
        w.WriteString("description", wl.Description);
        w.WriteStartArray("whitelisted_container_task_types");
        foreach (var id in wl.ContainerTypes) w.WriteNumberValue(id);
        w.WriteEndArray();
        w.WriteStartArray("whitelisted_executable_task_types");
        foreach (var id in wl.ExecutableTypes) w.WriteNumberValue(id);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Queue(Utf8JsonWriter w, QueueRecord q)
    {
        w.WriteStartObject();
        w.WriteNumber("id", q.Id);
        w.WriteString("user", q.User.Username);
        w.WriteString("name", q.Name);
        w.WriteString("description", q.Description);
        w.WriteBoolean("private", q.Private);
        w.WriteBoolean("runs_executable_tasks", q.RunsExecutableTasks);
        w.WriteBoolean("runs_docker_container_tasks", q.RunsDockerContainerTasks);
        w.WriteBoolean("runs_singularity_container_tasks", q.RunsSingularityContainerTasks);
        w.WriteBoolean("active", q.Active);
        w.WriteStartArray("whitelists");
        foreach (var id in q.Whitelists) w.WriteNumberValue(id);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An instance; <paramref name="stateOverride"/> lets a create answer say "created".</summary>
    public static void Instance(Utf8JsonWriter w, InstanceRecord i, bool fresh = false, string? stateOverride = null)
    {
        w.WriteStartObject();
        w.WriteString("uuid", i.Uuid.ToString("D"));
        w.WriteString("user", i.User.Username);
        w.WriteString("name", i.Name);
        w.WriteString("state", stateOverride ?? i.State);
        w.WriteString("datetime_created", JsonOut.Datetime(i.DatetimeCreated));
        JsonOut.WriteDatetime(w, "datetime_finished", i.DatetimeFinished);
        if (fresh)
        {
            JsonOut.WriteNode(w, "arguments", i.Arguments);
        }
        else
        {
            w.WritePropertyName("arguments");
            w.WriteRawValue(i.ArgumentsJsonb, skipInputValidation: true);
        }
        w.WriteNumber("task_queue", i.TaskQueueId);
        w.WriteNumber("task_type", i.TaskTypeId);
        w.WriteEndObject();
    }
}
