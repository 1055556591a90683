using Xunit.Sdk;

namespace Saltant.Tests.Shared;

/// <summary>
/// The only time limit these tests have: minutes, where what they wait for takes milliseconds quiet
/// and seconds on a slow, loaded machine, so it can only be reached by a hang (or by the slow path a
/// test rules out, which is made hours long). A guard that fires says that it was the hang guard.
/// Linked into each test project that uses it.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>The task's result, or a failure naming <paramref name="what"/> if it is still running after <see cref="Limit"/>.</summary>
    public static async Task<T> Within<T>(Task<T> task, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(Limit)).ConfigureAwait(false) != task)
        {
            throw new XunitException(
                $"Hang guard: {what} was still running after {Limit.TotalMinutes:F0} min, far longer than it takes on a slow, "
                + "loaded machine, so it is taken to be hung (this guard is not a time limit).");
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>Awaits the task, or fails naming <paramref name="what"/> if it is still running after <see cref="Limit"/>.</summary>
    public static async Task Within(Task task, string what) =>
        await Within(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), what).ConfigureAwait(false);
}
