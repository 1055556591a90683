using LanguageExt;
using LanguageExt.Common;
using Saltant.Domain;
using static LanguageExt.Prelude;

namespace Saltant.Client;

/// <summary>
/// One run of a sweep: each set's instances (found on the server or made now), what stopped a set,
/// and where progress goes. Made when the sweep runs, so a sweep run twice is two runs.
/// </summary>
/// <typeparam name="T">The instance type.</typeparam>
internal sealed class SweepState<T>
    where T : TaskInstance
{
    private readonly Dictionary<string, List<T>> attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Error> stopped = new(StringComparer.Ordinal);
    private readonly IProgress<SweepProgress<T>>? progress;
    private readonly Lock sync = new();

    internal SweepState(string name, Seq<SweepItem> items, IProgress<SweepProgress<T>>? progress)
    {
        Name = name;
        Items = items;
        this.progress = progress;
        // A null key (from callers without nullable checks) is the empty key, which SweepChecks
        // refuses before anything is sent; repeated keys are refused there too.
        foreach (var item in items)
        {
            attempts.TryAdd(item.Key ?? "", []);
        }
    }

    /// <summary>The sweep's name.</summary>
    internal string Name { get; }

    /// <summary>Its sets, in input order.</summary>
    internal Seq<SweepItem> Items { get; }

    /// <summary>The sets with no instance yet and nothing stopping them.</summary>
    internal Seq<SweepItem> WithoutInstance => Locked(() => Items.Filter(i => attempts[i.Key].Count == 0 && !stopped.ContainsKey(i.Key)).Strict());

    /// <summary>Each set's latest instance.</summary>
    internal Seq<T> Latest => Locked(() => Items.Choose(i => attempts[i.Key].LastOrDefault() is { } last ? Some(last) : None).Strict());

    /// <summary>How many instances a set has had.</summary>
    internal int AttemptsOf(string key) => Locked(() => attempts[key].Count);

    /// <summary>Whether the set already has the instance <paramref name="uuid"/>.</summary>
    internal bool Knows(string key, InstanceUuid uuid) => Locked(() => attempts[key].Exists(x => x.Uuid == uuid));

    /// <summary>The sets to run again: not stopped, their latest instance failed, and fewer than 1 + <paramref name="retryFailed"/> runs so far.</summary>
    internal Seq<(SweepItem Item, T Failed)> ToRerun(int retryFailed) => Locked(() => Items.Choose(i =>
        !stopped.ContainsKey(i.Key) && attempts[i.Key] is { Count: > 0 } all && all.Count <= retryFailed && all[^1].State is TaskState.Failed
            ? Some((i, all[^1]))
            : None).Strict());

    /// <summary>Takes the final readings of a wait (the changes were reported as they were seen).</summary>
    internal void Settle(Seq<T> readings) => Locked(() =>
    {
        foreach (var reading in readings)
        {
            Replace(reading);
        }
    });

    /// <summary>Takes the instances found on the server: each one whose name is this sweep's, oldest first per set.</summary>
    internal void Found(Seq<T> instances)
    {
        foreach (var instance in instances.OrderBy(i => i.DatetimeCreated))
        {
            if (SweepNames.KeyOf(Name, instance.Name).Case is string key && attempts.TryGetValue(key, out var list) && list.TrueForAll(x => x.Uuid != instance.Uuid))
            {
                Locked(() => list.Add(instance));
            }
        }

        foreach (var item in Items)
        {
            if (attempts[item.Key].LastOrDefault() is { } latest)
            {
                Report(item.Key, SweepStep.Found, latest);
            }
        }
    }

    /// <summary>Takes a new instance of a set (created or cloned).</summary>
    internal void Added(string key, T instance, SweepStep step)
    {
        Locked(() => attempts[key].Add(instance));
        Report(key, step, instance);
    }

    /// <summary>Takes a newer reading of a set's latest instance.</summary>
    internal void Read(InstanceProgress<T> change)
    {
        if (SweepNames.KeyOf(Name, change.Instance.Name).Case is not string key || !attempts.ContainsKey(key))
        {
            return;
        }

        Locked(() => Replace(change.Instance));
        Report(key, SweepStep.StateChanged, change.Instance);
    }

    /// <summary>Stops a set with the error that stopped it.</summary>
    internal void Stop(string key, Error error)
    {
        Locked(() => stopped[key] = error);
        progress?.Report(new SweepProgress<T>(key, SweepStep.Failed, None, error, Seq<SweepResult<T>>()));
    }

    /// <summary>Every set's result, in input order.</summary>
    internal Seq<SweepResult<T>> Results => Locked(() => Items.Map(i =>
    {
        var all = attempts[i.Key].ToSeq().Strict();
        var outcome = stopped.TryGetValue(i.Key, out var error) && all.IsEmpty
            ? Fin<T>.Fail(error)
            : all.LastOrNone().Match(Fin<T>.Succ, () => Fin<T>.Fail(error ?? Errors.None));
        return new SweepResult<T>(i.Key, outcome, all);
    }).Strict());

    /// <summary>Reports the end, with every result.</summary>
    internal Seq<SweepResult<T>> Complete()
    {
        var results = Results;
        progress?.Report(new SweepProgress<T>("", SweepStep.Completed, None, None, results));
        return results;
    }

    // Called under the lock: puts a newer reading of an instance in its set's place.
    private void Replace(T reading)
    {
        if (SweepNames.KeyOf(Name, reading.Name).Case is string key && attempts.TryGetValue(key, out var list) && list.FindIndex(x => x.Uuid == reading.Uuid) is >= 0 and var at)
        {
            list[at] = reading;
        }
    }

    private void Report(string key, SweepStep step, T instance) =>
        progress?.Report(new SweepProgress<T>(key, step, instance, None, Seq<SweepResult<T>>()));

    private TResult Locked<TResult>(Func<TResult> read)
    {
        lock (sync)
        {
            return read();
        }
    }

    private void Locked(Action change)
    {
        lock (sync)
        {
            change();
        }
    }
}
