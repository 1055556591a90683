using Saltant.Emulator.Auth;
using Saltant.Emulator.Http;
using Saltant.Emulator.Store;
using Saltant.Emulator.Worker;

namespace Saltant.Emulator.Resources;

/// <summary>Everything a resource handler needs from one emulator.</summary>
internal sealed class ApiContext(EmulatorStore store, SimulatedWorker worker, TimeProvider clock, JwtService jwt)
{
    public EmulatorStore Store { get; } = store;
    public SimulatedWorker Worker { get; } = worker;
    public JwtService Jwt { get; } = jwt;

    /// <summary>Now, at the database's microsecond precision.</summary>
    public DateTimeOffset Now() => SimulatedWorker.Micro(clock.GetUtcNow());

    public static ApiResponse Forbidden() => ApiResponse.Detail(403, "You do not have permission to perform this action.");

    /// <summary>IsAdminOrOwnerThenWriteElseReadOnly for unsafe methods.</summary>
    public static bool MayWrite(UserRecord user, UserRecord owner) => user.IsSuperuser || ReferenceEquals(user, owner);

    /// <summary>Django's <c>get(pk=…)</c> on an integer key: Python int() rules, anything else is 404.</summary>
    public static bool TryIntKey(string key, out int id)
    {
        id = 0;
        if (!Validation.Fields.TryPythonInt(key, out long l) || l is < int.MinValue or > int.MaxValue) return false;
        id = (int)l;
        return true;
    }
}
