using System.CommandLine;
using System.Globalization;

namespace Saltant.Cli.Commands;

/// <summary>What a wait asks for: the longest time between checks, and when to give up (none: the settings' period, no limit).</summary>
/// <param name="RefreshPeriod">The longest time between status checks.</param>
/// <param name="Timeout">When to give up.</param>
internal sealed record WaitRequest(LanguageExt.Option<TimeSpan> RefreshPeriod, LanguageExt.Option<TimeSpan> Timeout);

/// <summary>The wait options: <c>--refresh-period</c> (as saltant-cli), <c>--timeout</c>, and <c>--wait</c> where waiting is optional.</summary>
internal sealed class WaitOptionSet
{
    private readonly Option<bool>? wait;

    private readonly Option<double?> refreshPeriod = new("--refresh-period")
    {
        Description = "The longest time between status checks, in seconds (checks start at 0.1 s and back off to it). Default: SALTANT_WAIT_REFRESH_PERIOD or 5.",
        HelpName = "seconds",
    };

    private readonly Option<double?> timeout = new("--timeout")
    {
        Description = $"Give up after this many seconds (exit {ExitCodes.WaitTimedOut}). Default: wait as long as it takes.",
        HelpName = "seconds",
    };

    /// <summary>Makes the options.</summary>
    /// <param name="withWaitFlag">Whether waiting is optional (<c>--wait</c>), as on create and clone.</param>
    public WaitOptionSet(bool withWaitFlag)
    {
        if (withWaitFlag)
        {
            wait = new Option<bool>("--wait") { Description = $"Wait until finished, showing progress; exits {ExitCodes.Failed} when any failed or was terminated." };
        }
    }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        if (wait is not null)
        {
            command.Add(wait);
        }

        command.Add(refreshPeriod);
        command.Add(timeout);
    }

    /// <summary>The wait asked for, none when <c>--wait</c> was not given, or a usage error for a bad number.</summary>
    /// <param name="parse">The parse result.</param>
    public LanguageExt.Fin<LanguageExt.Option<WaitRequest>> Read(ParseResult parse) =>
        wait is not null && !parse.GetValue(wait)
            ? LanguageExt.Option<WaitRequest>.None
            : from refresh in Seconds(parse.GetValue(refreshPeriod), "--refresh-period")
              from limit in Seconds(parse.GetValue(timeout), "--timeout")
              select LanguageExt.Prelude.Some(new WaitRequest(refresh, limit));

    private static LanguageExt.Fin<LanguageExt.Option<TimeSpan>> Seconds(double? value, string option) => value switch
    {
        null => LanguageExt.Option<TimeSpan>.None,
        > 0 and < 86_400 * 365 => LanguageExt.Prelude.Some(TimeSpan.FromSeconds(value.Value)),
        _ => Steps.Usage<LanguageExt.Option<TimeSpan>>($"{option} takes a positive number of seconds, not {value.Value.ToString(CultureInfo.InvariantCulture)}."),
    };
}
