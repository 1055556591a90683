using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client.Bench;

/// <summary>The records the scenarios run on, made through the client.</summary>
internal static class Setup
{
    /// <summary>An executable task type (argument x, default 0) whitelisted on a queue; a given type is whitelisted on a new queue.</summary>
    internal static async Task<(TaskTypeId<Executable> Type, TaskQueueId Queue)> TypeAndQueueAsync(SaltantClient client, string name = "bench", TaskTypeId<Executable>? existing = null)
    {
        var type = existing ?? Program.Ok(
            await client.ExecutableTaskTypes.CreateAsync(new ExecutableTaskTypeDraft(name, "true")
            {
                RequiredArguments = Seq1("x"),
                RequiredArgumentsDefaultValues = Json.Object(("x", Json.Of(0L))),
            }),
            "create type").Id;
        var whitelist = Program.Ok(await client.TaskWhitelists.CreateAsync(new TaskWhitelistDraft(name) { WhitelistedExecutableTaskTypes = Seq1(type) }), "create whitelist");
        var queue = Program.Ok(await client.TaskQueues.CreateAsync(new TaskQueueDraft(name) { Whitelists = Seq1(whitelist.Id) }), "create queue");
        return (type, queue.Id);
    }
}
