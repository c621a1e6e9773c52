using System;
using System.Numerics;

namespace TensorGen.Decompositions;

/// <summary>Random elements for initializations and test tensors.</summary>
internal static class RandomElements
{
    /// <summary>
    /// Fills <paramref name="values"/> with standard normal entries (complex: real and imaginary parts each of
    /// variance ½), or with uniform [0, 1) entries when <paramref name="nonNegative"/> (as tensorly's random
    /// initialization of non-negative fits).
    /// </summary>
    public static void Fill<T>(Span<T> values, Random random, bool nonNegative = false)
        where T : INumberBase<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (nonNegative)
            {
                values[i] = Elements.FromReal<T>(random.NextDouble());
            }
            else if (Elements.IsComplex<T>())
            {
                values[i] = Elements.FromComplex<T>(new Complex(Normal(random), Normal(random)) / Math.Sqrt(2));
            }
            else
            {
                values[i] = Elements.FromReal<T>(Normal(random));
            }
        }
    }

    /// <summary>A standard normal sample (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        double u = 1.0 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
