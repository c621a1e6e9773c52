using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Fuzz.Tests.Grammar;

/// <summary>Random valid einsum expressions: diagonals, sums, outer products, size-1 broadcasting, <c>...</c>, implicit output.</summary>
internal static class RandomExpressions
{
    private static readonly string[] s_ascii = ["i", "j", "k", "l", "m", "n"];

    private static readonly string[] s_unicode = ["α", "β", "ж", "日", "𝐀", "ǅ"];

    /// <summary>A random expression that <see cref="ExpressionGrammar"/> accepts.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="maxOperands">At most this many input terms (at least 1).</param>
    /// <param name="maxRank">At most this many labels per term.</param>
    /// <param name="allowEllipsis">Whether terms may have <c>...</c>.</param>
    public static string Next(Random random, int maxOperands, int maxRank, bool allowEllipsis)
    {
        while (true)
        {
            string[] pool = random.Next(8) == 0 ? s_unicode : s_ascii;
            int letters = 1 + random.Next(pool.Length);
            int operands = 1 + random.Next(maxOperands);
            bool ellipsis = allowEllipsis && random.Next(4) == 0;
            var terms = new List<List<string>>();
            for (int n = 0; n < operands; n++)
            {
                var term = Enumerable.Range(0, random.Next(maxRank + 1)).Select(_ => pool[random.Next(letters)]).ToList();
                if (ellipsis && random.Next(3) > 0)
                {
                    term.Insert(random.Next(term.Count + 1), Term.Ellipsis);
                }

                terms.Add(term);
            }

            string inputs = string.Join(",", terms.Select(t => string.Concat(t)));
            string text;
            if (random.Next(4) == 0)
            {
                text = inputs;
            }
            else
            {
                var output = terms.SelectMany(t => t).Where(l => l != Term.Ellipsis).Distinct().Where(_ => random.Next(3) > 0)
                    .OrderBy(_ => random.Next()).ToList();
                if (terms.Any(t => t.Contains(Term.Ellipsis)))
                {
                    output.Insert(random.Next(output.Count + 1), Term.Ellipsis);
                }

                text = inputs + "->" + string.Concat(output);
            }

            if (random.Next(10) == 0)
            {
                text = text.Insert(random.Next(text.Length + 1), " ");
            }

            if (ExpressionGrammar.TryParse(text) is not null)
            {
                return text;
            }
        }
    }
}
