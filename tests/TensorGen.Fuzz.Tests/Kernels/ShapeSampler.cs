using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Fuzz.Tests.Grammar;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>Operand shapes for a call: valid ones (every numpy rule exercised), and random damage to them.</summary>
internal static class ShapeSampler
{
    /// <summary>
    /// Shapes that fit <paramref name="expression"/>: each letter one size (0 sometimes, 1 often), a length of 1 where an
    /// operand broadcasts a letter, <c>...</c> covering a right-aligned suffix of up to two broadcast dimensions.
    /// </summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="expression">The expression.</param>
    /// <param name="fixedSizes">The static form's sizes (no broadcasting then), or null.</param>
    /// <param name="maxSize">The largest size a letter gets.</param>
    public static int[][] Valid(Random random, ParsedExpression expression, IReadOnlyDictionary<string, int>? fixedSizes, int maxSize)
    {
        var sizes = expression.Letters.ToDictionary(l => l, l => fixedSizes?[l] ?? Size(random, maxSize), StringComparer.Ordinal);
        int ellipsisRank = expression.HasEllipsis ? random.Next(3) : 0;
        int[] ellipsisSizes = Enumerable.Range(0, ellipsisRank).Select(_ => random.Next(12) == 0 ? 0 : 1 + random.Next(3)).ToArray();
        return expression.Inputs.Select(term => Shape(random, term, sizes, ellipsisSizes, broadcast: fixedSizes is null)).ToArray();
    }

    /// <summary>The dense shape a static-form operand has: one dimension per letter.</summary>
    public static int[] Static(Term term, IReadOnlyDictionary<string, int> sizes) => term.Letters.Select(l => sizes[l]).ToArray();

    /// <summary>Random damage to one shape: a dimension added, removed, resized or swapped (it may still be valid).</summary>
    public static int[] Damage(Random random, int[] shape)
    {
        var dims = shape.ToList();
        switch (random.Next(4))
        {
            case 0:
                dims.Insert(random.Next(dims.Count + 1), 1 + random.Next(3));
                break;
            case 1 when dims.Count > 0:
                dims.RemoveAt(random.Next(dims.Count));
                break;
            case 2 when dims.Count > 0:
                dims[random.Next(dims.Count)] = random.Next(6);
                break;
            case 3 when dims.Count > 1:
                int a = random.Next(dims.Count), b = random.Next(dims.Count);
                (dims[a], dims[b]) = (dims[b], dims[a]);
                break;
            default:
                dims.Add(2);
                break;
        }

        return dims.ToArray();
    }

    /// <summary>Shapes for an expression that does not parse: one rank-2 operand of [2, 2] per comma-separated part.</summary>
    public static int[][] ForMalformed(string expression)
    {
        int arrow = expression.IndexOf("->", StringComparison.Ordinal);
        int operands = (arrow < 0 ? expression : expression[..arrow]).Count(c => c == ',') + 1;
        return Enumerable.Range(0, Math.Min(operands, 8)).Select(_ => new[] { 2, 2 }).ToArray();
    }

    private static int Size(Random random, int maxSize) => random.Next(20) switch
    {
        0 => 0,
        < 5 => 1,
        _ => 2 + random.Next(Math.Max(1, maxSize - 1)),
    };

    private static int[] Shape(Random random, Term term, Dictionary<string, int> sizes, int[] ellipsisSizes, bool broadcast)
    {
        var dims = new List<int>();
        foreach (string label in term.Labels)
        {
            if (label == Term.Ellipsis)
            {
                int covered = random.Next(ellipsisSizes.Length + 1);
                dims.AddRange(ellipsisSizes.Skip(ellipsisSizes.Length - covered).Select(s => random.Next(5) == 0 ? 1 : s));
            }
            else
            {
                int size = sizes[label];
                bool once = term.Labels.Count(l => l == label) == 1;
                dims.Add(broadcast && once && size != 1 && random.Next(8) == 0 ? 1 : size);
            }
        }

        return dims.ToArray();
    }
}
