using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Tests.Reference;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// An independent oracle for e3nn's spherical harmonics, from their definition rather than the generator's recursion: Y⁰ = 1,
/// Y¹ = √3 (x, y, z), and Yˡ⁺¹ the projection of v ⊗ Yˡ onto l + 1 with the dense Wigner 3j tensor C(1, l, l+1) (the tests' own,
/// <see cref="ReferenceWigner3j"/>: Racah's formula and e3nn's real basis, nothing from src), scaled by the positive constant that gives |Yˡ⁺¹|² = 2l + 3 on the unit sphere
/// (e3nn's component normalization; the constant is rotation invariant, so one unit vector fixes it). Degree-l harmonics of an
/// unnormalized vector are homogeneous of degree l. Also returns Σ|terms| per element, for tolerances.
/// </summary>
internal static class ReferenceHarmonics
{
    public enum Normalization
    {
        Component,
        Norm,
        Integral,
    }

    private static readonly ConcurrentDictionary<int, double> s_scale = new();

    /// <summary>The output row for the blocks (mul copies of Yˡ each), and Σ|terms| per element.</summary>
    public static (double[] Values, double[] Magnitudes) Evaluate(IReadOnlyList<(int Mul, int L)> blocks, double x, double y, double z, bool normalize,
        Normalization normalization)
    {
        if (normalize)
        {
            double r = Math.Sqrt((x * x) + (y * y) + (z * z));
            // e3nn divides by the norm, and a zero vector's harmonics of l > 0 are 0 (a NaN norm still spreads).
            (x, y, z) = r > 0 || double.IsNaN(r) ? (x / r, y / r, z / r) : (0, 0, 0);
        }

        int lmax = blocks.Select(b => b.L).DefaultIfEmpty(0).Max();
        var (values, magnitudes) = Degrees(lmax, [x, y, z]);
        var row = new List<double>();
        var rowMagnitudes = new List<double>();
        foreach (var (mul, l) in blocks)
        {
            double factor = normalization switch
            {
                Normalization.Norm => 1 / Math.Sqrt((2 * l) + 1),
                Normalization.Integral => 1 / Math.Sqrt(4 * Math.PI),
                _ => 1,
            };
            for (int copy = 0; copy < mul; copy++)
            {
                row.AddRange(values[l].Select(v => v * factor));
                rowMagnitudes.AddRange(magnitudes[l].Select(v => v * Math.Abs(factor)));
            }
        }

        return (row.ToArray(), rowMagnitudes.ToArray());
    }

    /// <summary>Y⁰ … Yˡᵐᵃˣ of <paramref name="v"/> (component normalization on the unit sphere).</summary>
    private static (double[][] Values, double[][] Magnitudes) Degrees(int lmax, double[] v)
    {
        var values = new double[lmax + 1][];
        var magnitudes = new double[lmax + 1][];
        values[0] = [1.0];
        magnitudes[0] = [1.0];
        for (int l = 0; l < lmax; l++)
        {
            (values[l + 1], magnitudes[l + 1]) = Step(l, v, values[l], magnitudes[l], Scale(l));
        }

        return (values, magnitudes);
    }

    private static (double[] Values, double[] Magnitudes) Step(int l, double[] v, double[] previous, double[] previousMagnitudes, double scale)
    {
        double[,,] c = ReferenceWigner3j.Get(1, l, l + 1);
        int d = (2 * l) + 3;
        var next = new double[d];
        var magnitude = new double[d];
        for (int k = 0; k < d; k++)
        {
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < previous.Length; j++)
                {
                    if (c[i, j, k] != 0)
                    {
                        next[k] += scale * c[i, j, k] * v[i] * previous[j];
                        magnitude[k] += Math.Abs(scale * c[i, j, k] * v[i]) * previousMagnitudes[j];
                    }
                }
            }
        }

        return (next, magnitude);
    }

    /// <summary>The positive constant that makes |Yˡ⁺¹|² = 2l + 3 on the unit sphere.</summary>
    private static double Scale(int l) => s_scale.GetOrAdd(l, _ =>
    {
        double[] unit = [0.36, 0.48, 0.8];
        var (values, _) = Degrees(l, unit);
        var (next, _) = Step(l, unit, values[l], values[l].Select(Math.Abs).ToArray(), 1.0);
        return Math.Sqrt((2 * l) + 3) / Math.Sqrt(next.Sum(t => t * t));
    });
}
