using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Parsing;

namespace TensorGen.Generator.Tests;

/// <summary>
/// The reference the generated kernels are checked against: one loop over every combination of every index
/// (the definition of einsum), dense row-major operands, in double precision.
/// </summary>
internal static class NaiveEinsum
{
    public static double[] Evaluate(string expressionText, IReadOnlyDictionary<string, int> sizes, params double[][] operands)
    {
        EinsumExpression expression = EinsumParser.Parse(expressionText).Expression ?? throw new ArgumentException(expressionText);
        var labels = expression.DistinctLabels.ToList();
        var output = new double[Count(expression.Output.Labels, sizes)];
        var index = new Dictionary<string, int>();
        void Loop(int depth)
        {
            if (depth == labels.Count)
            {
                double product = 1;
                for (int n = 0; n < operands.Length; n++)
                {
                    product *= operands[n][Offset(expression.Inputs[n].Labels, sizes, index)];
                }

                output[Offset(expression.Output.Labels, sizes, index)] += product;
                return;
            }

            for (int i = 0; i < sizes[labels[depth]]; i++)
            {
                index[labels[depth]] = i;
                Loop(depth + 1);
            }
        }

        Loop(0);
        return output;
    }

    public static int Count(IEnumerable<string> labels, IReadOnlyDictionary<string, int> sizes) =>
        labels.Aggregate(1, (product, label) => product * sizes[label]);

    private static int Offset(IReadOnlyList<string> labels, IReadOnlyDictionary<string, int> sizes, Dictionary<string, int> index)
    {
        int offset = 0;
        foreach (string label in labels)
        {
            offset = (offset * sizes[label]) + index[label];
        }

        return offset;
    }

    /// <summary>Deterministic small values, different per operand.</summary>
    public static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Math.Round((random.NextDouble() * 4) - 2, 2)).ToArray();
    }
}
