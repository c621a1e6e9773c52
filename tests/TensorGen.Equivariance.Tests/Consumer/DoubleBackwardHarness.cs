using System;
using System.Linq;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>What the double backward tests share: central differences of a loss that is linear in the varied input, and sums.</summary>
internal static class DoubleBackwardHarness
{
    /// <summary>
    /// Central differences of <paramref name="loss"/> at every element of <paramref name="at"/> against
    /// <paramref name="analytic"/>: each loss here is linear in the input varied (the product is linear in each argument), so
    /// the difference is exact up to rounding; ≤ 1e-6 relative to the largest gradient.
    /// </summary>
    public static void AssertCentralDifferences(double[] at, double[] analytic, Func<double[], double> loss, string what)
    {
        const double H = 1e-3;
        Assert.Equal(at.Length, analytic.Length);
        double scale = Math.Max(1e-300, analytic.Select(Math.Abs).DefaultIfEmpty(0).Max());
        for (int i = 0; i < at.Length; i++)
        {
            double[] plus = (double[])at.Clone(), minus = (double[])at.Clone();
            plus[i] += H;
            minus[i] -= H;
            double numeric = (loss(plus) - loss(minus)) / (2 * H);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 * scale, $"{what}[{i}]: central difference {numeric:R}, double backward {analytic[i]:R}");
        }
    }

    public static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();

    public static double[] Add(params double[][] terms) =>
        Enumerable.Range(0, terms[0].Length).Select(i => terms.Sum(t => t[i])).ToArray();

    public static double[] Subtract(double[] a, double[] b) => a.Zip(b, (p, q) => p - q).ToArray();

    /// <summary>Double results: within 1e-10 of the largest expected magnitude (at least 1).</summary>
    public static void AssertRelative(double[] expected, double[] actual, string what) =>
        Conformance.TensorProductConformanceTests.AssertClose(expected, actual, what, 1e-10 * Math.Max(1.0, expected.Select(Math.Abs).DefaultIfEmpty(0).Max()));
}
