using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace TensorGen.Cli;

/// <summary>
/// "Did you mean 'plan'?" for a token the parser did not match: the subcommands and options of the command it was given to
/// within two edits (Levenshtein), or that start with it. System.CommandLine's own suggestions come with its own error format.
/// </summary>
internal static class TypoSuggestions
{
    public static IEnumerable<string> For(ParseResult result)
    {
        Command command = result.CommandResult.Command;
        var names = command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (string token in result.UnmatchedTokens)
        {
            var close = names.Where(n => n.StartsWith(token, StringComparison.Ordinal) || Distance(token, n) <= 2).ToList();
            if (close.Count > 0)
            {
                yield return $"'{token}': did you mean {string.Join(" or ", close.Select(n => "'" + n + "'"))}?";
            }
        }
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
