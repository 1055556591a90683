namespace Saltant.Domain;

/// <summary>One argument set of a sweep: a key that names it for good, and the instance's arguments.</summary>
/// <param name="Key">A stable key, unique in the sweep (e.g. a sample id or <c>lr=0.1,depth=3</c>); the instance is named after it.</param>
/// <param name="Arguments">The instance's arguments (the task type's defaults fill in what is left out).</param>
public sealed record SweepItem(string Key, Json.JObject Arguments);

/// <summary>What is wrong with one argument set of a sweep.</summary>
/// <param name="Key">The set's key (or its position, for a key that cannot be used).</param>
/// <param name="Problem">What is wrong, in a sentence.</param>
public sealed record SweepProblem(string Key, string Problem);
