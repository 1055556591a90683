using System.Diagnostics;
using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using Saltant.Client;
using Saltant.Domain;

// Arguments: the API root, a token, and how many instances the list holds. Prints
// "RESULT <list CPU s> <process CPU s> <list wall s> <list JIT s> <methods JIT-compiled in the list>"
// (the last two from System.Runtime.JitInfo: where a fresh process's first call spends its CPU).
// As saltant-py's figure, the client is made first and only the list is measured (CPU of every
// thread, user and system).
if (args.Length != 3 || !Uri.TryCreate(args[0], UriKind.Absolute, out var apiRoot) || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var expected))
{
    await Console.Error.WriteLineAsync("usage: Saltant.Client.FirstCall API_ROOT TOKEN EXPECTED_COUNT");
    return 2;
}

var settings = Settings.Create(apiRoot.AbsoluteUri, Authentication.Token(args[1]));
if (settings.IsLeft)
{
    await Console.Error.WriteLineAsync(settings.Match(Right: _ => "", Left: e => e.Message));
    return 2;
}

using var client = SaltantClient.Create(settings.Match(Right: s => s, Left: _ => default!));
// Environment.CpuUsage (one getrusage call) rather than a Process object, whose first reads cost
// JIT-compiled methods of their own inside the measured window.
var before = Environment.CpuUsage.TotalTime;
var jitBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
var jitCountBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
var clock = Stopwatch.StartNew();
var listed = await client.ExecutableTaskInstances.ListAsync();
var wall = clock.Elapsed.TotalSeconds;
var cpu = (Environment.CpuUsage.TotalTime - before).TotalSeconds;
var jit = (System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jitBefore).TotalSeconds;
var jitCount = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - jitCountBefore;
var problem = listed.Match(
    Succ: all => all.Count == expected ? null : $"listed {all.Count}, expected {expected}",
    Fail: (Error e) => e.Message);
if (problem is not null)
{
    await Console.Error.WriteLineAsync(problem);
    return 1;
}

Console.WriteLine(FormattableString.Invariant($"RESULT {cpu} {Environment.CpuUsage.TotalTime.TotalSeconds} {wall} {jit} {jitCount}"));
return 0;
