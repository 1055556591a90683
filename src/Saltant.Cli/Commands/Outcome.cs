using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Saltant.Cli.Commands;

/// <summary>
/// How a command that ran ended: what to show on standard output, and the failures of the items
/// that did not go through (a batch's, or a wait's unsuccessful instances). The exit code is the
/// first failure's, or success. A command that could not run at all fails its pipeline instead.
/// </summary>
/// <param name="Show">Prints the result.</param>
/// <param name="Problems">The failures, in order.</param>
internal sealed record Outcome(Action<Invocation> Show, Seq<Error> Problems)
{
    /// <summary>Nothing to show.</summary>
    public static Outcome Nothing { get; } = new(_ => { }, Empty);

    /// <summary>Shows something.</summary>
    /// <param name="show">Prints the result.</param>
    public static Outcome Of(Action<Invocation> show) => new(show, Empty);

    /// <summary>One line on standard output.</summary>
    /// <param name="line">The line.</param>
    public static Outcome Line(string line) => Of(invocation => invocation.Host.Out.WriteLine(line));

    /// <summary>The same, with more failures.</summary>
    /// <param name="problems">The failures to add.</param>
    public Outcome And(Seq<Error> problems) => this with { Problems = Problems + problems };
}
