using System;
using System.Linq;
using Xunit;

namespace TensorGen.Equivariance.Tests.Core;

/// <summary>
/// Properties that pin the symbols down beyond the conformance data: invariance under rotation and unit norm for every
/// triangle triple to l = 5 in both conventions, the legacy convention's sign rule, Wigner D a representation, and the
/// spherical harmonics' normalization to l = 8.
/// </summary>
public sealed class WignerPropertyTests
{
    [Theory]
    [InlineData(Wigner3jConvention.E3nn)]
    [InlineData(Wigner3jConvention.E3nnLegacy)]
    public void Wigner_3j_is_invariant_with_unit_norm_to_l_5(Wigner3jConvention convention)
    {
        var random = new Random(17);
        for (int l1 = 0; l1 <= 5; l1++)
        {
            for (int l2 = 0; l2 <= 5; l2++)
            {
                for (int l3 = Math.Abs(l1 - l2); l3 <= Math.Min(5, l1 + l2); l3++)
                {
                    double[,,] c = Wigner.ThreeJ(l1, l2, l3, convention);
                    Assert.Equal(1.0, Math.Sqrt(c.Cast<double>().Sum(v => v * v)), 12);
                    var (a, b, g) = (random.NextDouble() * 6, random.NextDouble() * 3, random.NextDouble() * 6);
                    double[,] d1 = Wigner.D(l1, a, b, g), d2 = Wigner.D(l2, a, b, g), d3 = Wigner.D(l3, a, b, g);
                    for (int i = 0; i <= 2 * l1; i++)
                    {
                        for (int j = 0; j <= 2 * l2; j++)
                        {
                            for (int k = 0; k <= 2 * l3; k++)
                            {
                                double rotated = 0;
                                for (int p = 0; p <= 2 * l1; p++)
                                {
                                    for (int q = 0; q <= 2 * l2; q++)
                                    {
                                        for (int r = 0; r <= 2 * l3; r++)
                                        {
                                            rotated += c[p, q, r] * d1[p, i] * d2[q, j] * d3[r, k];
                                        }
                                    }
                                }

                                Assert.True(Math.Abs(rotated - c[i, j, k]) < 1e-10, $"C({l1},{l2},{l3})[{i},{j},{k}] is not invariant");
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Legacy_symbols_follow_e3nn_0_4_rules() => LegacyRules.AssertFollowed((a, b, c) => Wigner.ThreeJ(a, b, c, Wigner3jConvention.E3nnLegacy), lmax: 4);

    [Fact]
    public void Wigner_D_is_orthogonal_and_composes_y_x_y()
    {
        for (int l = 0; l <= 6; l++)
        {
            double[,] d = Wigner.D(l, 0.7, -1.3, 2.9);
            double[,] product = Multiply(Multiply(Wigner.D(l, 0.7, 0, 0), Wigner.D(l, 0, -1.3, 0)), Wigner.D(l, 0, 0, 2.9));
            int n = (2 * l) + 1;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double dot = Enumerable.Range(0, n).Sum(k => d[k, i] * d[k, j]);
                    Assert.Equal(i == j ? 1.0 : 0.0, dot, 12);
                    Assert.Equal(product[i, j], d[i, j], 12);
                }
            }
        }
    }

    [Fact]
    public void Spherical_harmonics_have_component_normalization_to_l_8()
    {
        var random = new Random(23);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] v = Enumerable.Range(0, 3).Select(_ => random.NextDouble() - 0.5).ToArray();
            double r = Math.Sqrt(v.Sum(x => x * x));
            double[] y = SphericalHarmonicsRecursion.Evaluate(8, v[0] / r, v[1] / r, v[2] / r);
            for (int l = 0; l <= 8; l++)
            {
                Assert.Equal((2 * l) + 1, Enumerable.Range(l * l, (2 * l) + 1).Sum(f => y[f] * y[f]), 10);
            }
        }
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var result = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                result[i, j] = Enumerable.Range(0, n).Sum(k => a[i, k] * b[k, j]);
            }
        }

        return result;
    }
}
