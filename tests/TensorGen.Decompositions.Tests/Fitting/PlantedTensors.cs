using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Tests.Reference;
using Xunit;

namespace TensorGen.Decompositions.Tests.Fitting;

/// <summary>Shared checks of the fitting tests: errors against the reference and factor recovery.</summary>
internal static class PlantedTensors
{
    /// <summary>‖expected − actual‖ / ‖expected‖, with the fitted tensor densified by the reference interpreter.</summary>
    public static double RelativeError(ComplexArray expected, ComplexArray actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        double difference = 0;
        for (int i = 0; i < expected.Real.Length; i++)
        {
            difference += Complex.Abs(expected[i] - actual[i]) * Complex.Abs(expected[i] - actual[i]);
        }

        return Math.Sqrt(difference) / expected.FrobeniusNorm;
    }

    /// <summary>
    /// Asserts that every planted component is found among the fitted ones, up to permutation and scale: the
    /// product over modes of the absolute cosine between planted and fitted factor columns (the congruence of
    /// Tomasi &amp; Bro 2006) is at least <paramref name="minimumCongruence"/> for a one-to-one matching.
    /// </summary>
    public static void AssertSameComponents<T>(CpTensor<T> planted, CpTensor<T> fitted, double minimumCongruence)
        where T : unmanaged, INumberBase<T>
    {
        Assert.Equal(planted.Rank, fitted.Rank);
        var used = new bool[fitted.Rank];
        for (int r = 0; r < planted.Rank; r++)
        {
            int best = -1;
            double bestCongruence = 0;
            for (int s = 0; s < fitted.Rank; s++)
            {
                double congruence = Enumerable.Range(0, planted.Order)
                    .Aggregate(1.0, (product, k) => product * AbsoluteCosine(planted.Factors[k], r, fitted.Factors[k], s));
                if (!used[s] && congruence > bestCongruence)
                {
                    bestCongruence = congruence;
                    best = s;
                }
            }

            Assert.True(bestCongruence >= minimumCongruence, $"planted component {r}: best congruence {bestCongruence}");
            used[best] = true;
        }
    }

    private static double AbsoluteCosine<T>(Tensor<T> a, int r, Tensor<T> b, int s)
        where T : unmanaged, INumberBase<T>
    {
        ComplexArray x = ComplexArray.Of(a), y = ComplexArray.Of(b);
        int rows = x.Shape[0], ra = x.Shape[1], rb = y.Shape[1];
        Complex dot = 0;
        double nx = 0, ny = 0;
        for (int i = 0; i < rows; i++)
        {
            Complex u = x[(i * ra) + r], v = y[(i * rb) + s];
            dot += Complex.Conjugate(u) * v;
            nx += u.Magnitude * u.Magnitude;
            ny += v.Magnitude * v.Magnitude;
        }

        return Complex.Abs(dot) / Math.Sqrt(nx * ny);
    }
}
