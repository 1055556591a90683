using System.CommandLine;
using System.CommandLine.Parsing;

namespace Saltant.Cli;

/// <summary>
/// System.CommandLine's parse errors, told as one sentence that points at the fix: a word that is
/// not a command or option gets the closest one ("did you mean 'list'?"), and a value a true/false
/// option does not take is named as that option's (not as an unknown command).
/// </summary>
internal static class ParseErrors
{
    /// <summary>The options <see cref="Commands.GlobalOptions"/> adds to the commands they apply to.</summary>
    private static readonly HashSet<string> SharedOptions = new(StringComparer.Ordinal)
    {
        "--output", "-o", "--quiet", "-q", "--profile", "--config", "-c", "--config-path",
    };

    /// <summary>The sentences to print for a parse that failed.</summary>
    /// <param name="parse">The parse result.</param>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count == 0)
        {
            return parse.Errors.Select(e => e.Message).Distinct().ToList();
        }

        var word = parse.UnmatchedTokens[0];
        if (FlagBefore(parse, command, word) is { } flag)
        {
            return [$"{flag.Name} takes true or false (or nothing, meaning true), not '{word}'."];
        }

        var path = CommandPath(command);
        var isOption = word.StartsWith('-');
        if (isOption && SharedOptions.Contains(word))
        {
            return OptionsOf(command).Any(o => o.Name == word || o.Aliases.Contains(word))
                ? [$"'{word}' goes after the command it applies to: '{path} {word} …'."]
                : [$"'{word}' does not apply to '{path}': it goes after a command that reads from the server, e.g. 'saltant users list {word} …'."];
        }

        var candidates = isOption
            ? OptionsOf(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList()
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
        var what = isOption ? $"an option of '{path}'" : $"a command of '{path}'";
        if (candidates.Count == 0)
        {
            return [$"'{word}' is not {what}: it takes {(isOption ? "no options" : "no further words")} there."];
        }

        var closest = candidates.Select(c => (Name: c, Distance: Distance(word, c))).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).First();
        return closest.Distance <= Math.Max(2, word.Length / 3)
            ? [$"'{word}' is not {what}; did you mean '{closest.Name}'?"]
            : [$"'{word}' is not {what}; {(isOption ? "its options are" : "its commands are")} {string.Join(", ", candidates.Distinct())}."];
    }

    /// <summary>The command's path as typed, e.g. <c>saltant task-queues create</c>.</summary>
    /// <param name="command">The command.</param>
    public static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c && c is not RootCommand; symbol = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        names.Insert(0, "saltant");
        return string.Join(' ', names);
    }

    /// <summary>The true/false option written just before the word, if any: <c>--active maybe</c>.</summary>
    private static Option? FlagBefore(ParseResult parse, Command command, string word)
    {
        var tokens = parse.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Value == word && tokens[i - 1].Type == TokenType.Option)
            {
                var name = tokens[i - 1].Value;
                return OptionsOf(command).FirstOrDefault(o => o is Option<bool> && (o.Name == name || o.Aliases.Contains(name)));
            }
        }

        return null;
    }

    /// <summary>The options a command takes: its own, and the recursive ones of the commands above it.</summary>
    private static IEnumerable<Option> OptionsOf(Command command)
    {
        foreach (var option in command.Options.Where(o => !o.Hidden))
        {
            yield return option;
        }

        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in parent.Options.Where(o => o.Recursive && !o.Hidden))
            {
                yield return option;
            }
        }
    }

    /// <summary>The edit distance between two words (insertions, deletions, substitutions).</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
