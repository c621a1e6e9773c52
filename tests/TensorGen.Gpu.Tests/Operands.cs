using System;
using System.Linq;
using TensorGen.Tests.Reference;

namespace TensorGen.Gpu.Tests;

/// <summary>Random dense operands and their comparison with the reference interpreter.</summary>
internal static class Operands
{
    public static double[] Random(int[] shape, Random random) =>
        Enumerable.Range(0, shape.Aggregate(1, (p, s) => p * s)).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

    public static float[] Single(double[] values) => values.Select(v => (float)v).ToArray();

    public static double[] Widen(float[] values) => values.Select(v => (double)v).ToArray();

    /// <summary>The reference interpreter's loop count: the product of every distinct index's size.</summary>
    public static long NaiveIterations(string expression, int[][] shapes)
    {
        var sizes = new System.Collections.Generic.Dictionary<char, int>();
        string[] terms = expression.Split("->")[0].Split(',');
        for (int t = 0; t < terms.Length; t++)
        {
            for (int d = 0; d < terms[t].Length; d++)
            {
                sizes[terms[t][d]] = shapes[t][d];
            }
        }

        return sizes.Values.Aggregate(1L, (product, size) => product * size);
    }

    /// <summary>‖actual − expected‖₂ / ‖expected‖₂ (‖actual‖₂ when expected is all zeros).</summary>
    public static double RelativeError(double[] actual, double[] expected)
    {
        double difference = Math.Sqrt(actual.Zip(expected, (a, e) => (a - e) * (a - e)).Sum());
        double norm = Math.Sqrt(expected.Sum(e => e * e));
        return norm == 0 ? difference : difference / norm;
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> is the einsum of <paramref name="operands"/> within <paramref name="tolerance"/>
    /// relative to the einsum of their absolute values (which bounds the rounding error of any summation order).
    /// </summary>
    public static void AssertEinsum(string expression, RefArray[] operands, double[] actual, int[] resultShape, double tolerance, string what,
        double[]? initial = null)
    {
        RefArray expected = ReferenceEinsum.Evaluate(expression, operands);
        RefArray magnitude = ReferenceEinsum.Evaluate(expression, operands.Select(o => o with { Data = o.Data.Select(Math.Abs).ToArray() }).ToArray());
        if (initial is not null)
        {
            expected = expected with { Data = expected.Data.Zip(initial, (e, i) => e + i).ToArray() };
            magnitude = magnitude with { Data = magnitude.Data.Zip(initial, (m, i) => m + Math.Abs(i)).ToArray() };
        }

        string? difference = RefArrayComparison.FirstDifference(expected, new RefArray(actual, resultShape), tolerance, magnitude);
        Xunit.Assert.True(difference is null, $"{expression} ({what}): {difference}");
    }
}
