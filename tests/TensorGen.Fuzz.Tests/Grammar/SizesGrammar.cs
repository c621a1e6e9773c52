using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace TensorGen.Fuzz.Tests.Grammar;

/// <summary>
/// The static form's <c>Sizes</c> rules as README documents them (TG0009–TG0015), written independently of
/// src/Generator/Core/Parsing/IndexSizes.cs: comma-separated <c>index=size</c> pairs (white space around either side
/// allowed), one letter per index, sizes of ASCII digits, each index of the expression exactly once and no other,
/// no <c>...</c> in the expression, and every operand and the result at most <see cref="int.MaxValue"/> elements —
/// counted exactly with <see cref="BigInteger"/>, so an overflow cannot hide.
/// </summary>
internal static class SizesGrammar
{
    /// <summary>Every index's size, or null when <paramref name="sizes"/> does not fit <paramref name="expression"/>.</summary>
    public static IReadOnlyDictionary<string, int>? TryParse(string sizes, ParsedExpression expression)
    {
        if (expression.HasEllipsis)
        {
            return null;
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] entries = sizes.Trim().Length == 0 ? [] : sizes.Split(',');
        foreach (string entry in entries)
        {
            int eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return null;
            }

            string label = entry[..eq].Trim();
            string number = entry[(eq + 1)..].Trim();
            if (label.Length == 0 || !ExpressionGrammar.IsLetter(label, 0, out int width) || width != label.Length)
            {
                return null;
            }

            if (number.Length == 0 || !number.All(c => c is >= '0' and <= '9'))
            {
                return null;
            }

            BigInteger size = BigInteger.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
            if (size > int.MaxValue || !expression.Letters.Contains(label) || !result.TryAdd(label, (int)size))
            {
                return null;
            }
        }

        if (expression.Letters.Any(l => !result.ContainsKey(l)))
        {
            return null;
        }

        foreach (Term term in expression.Inputs.Append(expression.Output))
        {
            BigInteger count = term.Letters.Aggregate(BigInteger.One, (product, l) => product * result[l]);
            if (count > int.MaxValue)
            {
                return null;
            }
        }

        return result;
    }
}
