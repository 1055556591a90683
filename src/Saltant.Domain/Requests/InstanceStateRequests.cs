using LanguageExt;
using static LanguageExt.Prelude;

namespace Saltant.Domain;

/// <summary>Requests of <c>updatetaskinstancestatus/</c>, which sets the state of an instance of either kind.</summary>
public static class InstanceStateRequests
{
    /// <summary>
    /// <c>PATCH updatetaskinstancestatus/{uuid}/</c> with <c>{"state": …}</c>: 200 with the UUID
    /// and state. Safe to repeat. The server stores whatever state string it is given.
    /// </summary>
    /// <param name="uuid">The instance, of either kind.</param>
    /// <param name="state">The state to store.</param>
    public static ApiRequest Update(InstanceUuid uuid, TaskState state) =>
        RequestShapes.Change(
            Seq("updatetaskinstancestatus", uuid.ToString()),
            "updatetaskinstancestatus/{uuid}/",
            Json.Object(("state", Json.Of(state.WireName))));
}
