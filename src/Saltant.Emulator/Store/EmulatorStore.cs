namespace Saltant.Emulator.Store;

/// <summary>
/// All server state behind one lock. Every request takes the lock once for its whole read-validate-write,
/// which is what keeps ids, UUIDs, unique names and pages consistent under concurrent requests.
/// </summary>
internal sealed class EmulatorStore
{
    /// <summary>The single lock guarding everything below.</summary>
    public Lock Sync { get; } = new();

    public List<UserRecord> Users { get; } = [];
    public Dictionary<string, UserRecord> UsersByToken { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<int, TaskTypeRecord> ExecutableTypes { get; } = [];
    public SortedDictionary<int, TaskTypeRecord> ContainerTypes { get; } = [];
    public SortedDictionary<int, WhitelistRecord> Whitelists { get; } = [];
    public SortedDictionary<int, QueueRecord> Queues { get; } = [];
    public Dictionary<Guid, InstanceRecord> ExecutableInstances { get; } = [];
    public Dictionary<Guid, InstanceRecord> ContainerInstances { get; } = [];

    // Instances oldest first (appends are O(1)); lists walk them backwards for newest first.
    public List<InstanceRecord> ExecutableOrder { get; } = [];
    public List<InstanceRecord> ContainerOrder { get; } = [];

    private int _nextExecType = 1, _nextContType = 1, _nextWhitelist = 1, _nextQueue = 1;
    private long _nextSeq = 1;

    public SortedDictionary<int, TaskTypeRecord> Types(TaskKind kind) => kind == TaskKind.Executable ? ExecutableTypes : ContainerTypes;
    public Dictionary<Guid, InstanceRecord> Instances(TaskKind kind) => kind == TaskKind.Executable ? ExecutableInstances : ContainerInstances;
    public List<InstanceRecord> InstanceOrder(TaskKind kind) => kind == TaskKind.Executable ? ExecutableOrder : ContainerOrder;

    public int NextTypeId(TaskKind kind) => kind == TaskKind.Executable ? _nextExecType++ : _nextContType++;
    public int NextWhitelistId() => _nextWhitelist++;
    public int NextQueueId() => _nextQueue++;
    public long NextSeq() => _nextSeq++;

    /// <summary>Stores a new instance, keeping creation order (time, then arrival).</summary>
    public void AddInstance(InstanceRecord r)
    {
        Instances(r.Kind).Add(r.Uuid, r);
        var order = InstanceOrder(r.Kind);
        // Almost always the newest: append; a clock set backwards falls back to a sorted insert.
        if (order.Count == 0 || Compare(order[^1], r) <= 0) { order.Add(r); return; }
        int i = order.FindIndex(x => Compare(x, r) > 0);
        order.Insert(i, r);
    }

    private static int Compare(InstanceRecord a, InstanceRecord b)
    {
        int c = a.DatetimeCreated.CompareTo(b.DatetimeCreated);
        return c != 0 ? c : a.Seq.CompareTo(b.Seq);
    }

    public UserRecord? UserById(int id) => Users.FirstOrDefault(u => u.Id == id);
}
