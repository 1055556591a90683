using LanguageExt;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// One wait's knowledge of its instances: the latest record of each (its creation time, queue and
/// owner let the next read be a filtered list instead of one read per instance), what has been
/// reported, and the changes not yet handed out. Made when the wait runs, so a wait run twice is two waits.
/// </summary>
/// <typeparam name="T">The instance record.</typeparam>
internal sealed class WaitTracker<T>
    where T : TaskInstance
{
    private readonly Seq<InstanceUuid> order;
    private readonly Dictionary<InstanceUuid, T> latest = [];
    private readonly Dictionary<InstanceUuid, TaskState> reported = [];
    private readonly List<InstanceProgress<T>> changes = [];

    /// <summary>Tracks <paramref name="uuids"/> (in the caller's order), knowing <paramref name="known"/> records of some of them.</summary>
    internal WaitTracker(Seq<InstanceUuid> uuids, Seq<T> known)
    {
        order = uuids;
        foreach (var record in known)
        {
            latest[record.Uuid] = record;
        }
    }

    /// <summary>The instances not yet read in this wait, or read and unfinished: what the next round reads.</summary>
    internal Seq<InstanceUuid> Pending =>
        order.Distinct().Filter(u => !reported.TryGetValue(u, out var state) || !state.IsFinished).ToSeq();

    /// <summary>The latest record of each pending instance whose creation, queue and owner are known.</summary>
    internal Seq<T> PendingKnown => Pending.Choose(u => latest.TryGetValue(u, out var r) ? Some(r) : None).ToSeq();

    /// <summary>The pending instances nothing is known of yet (waits given only UUIDs, before their first read).</summary>
    internal Seq<InstanceUuid> PendingUnknown => Pending.Filter(u => !latest.ContainsKey(u)).ToSeq();

    /// <summary>Whether every instance has been read finished.</summary>
    internal bool Done => Pending.IsEmpty;

    /// <summary>Whether this record is one of the wait's instances.</summary>
    internal bool Tracks(T record) => latest.ContainsKey(record.Uuid) || order.Exists(u => u == record.Uuid);

    /// <summary>Takes a record as read: one of the wait's, its state change (or first reading) is recorded.</summary>
    internal void Saw(T record)
    {
        if (!Tracks(record))
        {
            return;
        }

        latest[record.Uuid] = record;
        var previous = reported.TryGetValue(record.Uuid, out var state) ? Some(state) : None;
        if (previous.Map(p => p != record.State).IfNone(true))
        {
            reported[record.Uuid] = record.State;
            changes.Add(new InstanceProgress<T>(record, previous));
        }
    }

    /// <summary>The changes recorded since the last call, in the order seen.</summary>
    internal Seq<InstanceProgress<T>> TakeChanges()
    {
        var taken = changes.ToSeq().Strict();
        changes.Clear();
        return taken;
    }

    /// <summary>Every instance as last read, in the caller's order (repeats included).</summary>
    internal Seq<T> Results => order.Map(u => latest[u]).Strict();
}
