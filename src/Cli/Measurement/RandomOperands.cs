using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Cli.Measurement;

/// <summary>Operands of uniform random values in [-1, 1) from a fixed seed, as float[] or double[], and their double copies.</summary>
internal sealed class RandomOperands
{
    public RandomOperands(IEnumerable<long[]> shapes, bool isDouble, int seed = 7)
    {
        var random = new Random(seed);
        Values = shapes.Select(shape => Enumerable.Range(0, checked((int)shape.Aggregate(1L, (p, s) => p * s))).Select(_ => (random.NextDouble() * 2) - 1).ToArray())
            .ToArray();
        Arrays = Values.Select(v => isDouble ? (Array)v : v.Select(x => (float)x).ToArray()).ToArray();
        // The reference sees exactly the values the kernels see (rounded to float when they are float).
        Values = Arrays.Select(a => a is float[] f ? f.Select(x => (double)x).ToArray() : (double[])a).ToArray();
    }

    /// <summary>The operands as the kernels take them (float[] or double[]).</summary>
    public Array[] Arrays { get; }

    /// <summary>The same values in double precision, for the reference.</summary>
    public double[][] Values { get; }

    public static Array ResultArray(long length, bool isDouble) => isDouble ? new double[length] : new float[length];

    /// <summary>max |result − reference| / max(1, max |reference|).</summary>
    public static double RelativeError(Array result, double[] reference)
    {
        double scale = Math.Max(1, reference.Select(Math.Abs).DefaultIfEmpty(0).Max());
        double worst = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double value = result is float[] f ? f[i] : ((double[])result)[i];
            worst = Math.Max(worst, double.IsFinite(value) ? Math.Abs(value - reference[i]) : double.PositiveInfinity);
        }

        return worst / scale;
    }
}
