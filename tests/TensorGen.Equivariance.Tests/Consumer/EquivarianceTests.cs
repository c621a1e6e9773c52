using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance.Tests.Conformance;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// The defining property: for random rotations R (and inversions), the product of rotated inputs is the rotated product,
/// TP(D₁(g) x₁, D₂(g) x₂) = D_out(g) TP(x₁, x₂), with D(g) = p^k Dˡ(α, β, γ) per irrep — for every random product (all
/// modes) and every e3nn case.
/// </summary>
public sealed class EquivarianceTests
{
    public static IEnumerable<object[]> Products => RandomProducts.All.Select((_, i) => new object[] { i });

    [Theory]
    [MemberData(nameof(Products))]
    public void Rotating_the_inputs_rotates_the_output(int product)
    {
        DeclaredProduct p = RandomProducts.All[product];
        TensorProductDescription d = p.Description;
        var random = new Random(1000 + product);
        const int Batch = 11;
        for (int trial = 0; trial < 4; trial++)
        {
            (double alpha, double beta, double gamma) = (random.NextDouble() * 2 * Math.PI, random.NextDouble() * Math.PI, random.NextDouble() * 2 * Math.PI);
            bool inversion = trial % 2 == 1;
            double[] x1 = ProductHarness.Random(random, Batch * d.Dim1);
            double[] x2 = ProductHarness.Random(random, Batch * d.Dim2);
            double[] w = ProductHarness.Random(random, ProductHarness.WeightLength(d, Batch));

            double[] rotatedOutput = Rotate(d.IrrepsOut, ProductHarness.Forward(p, x1, x2, w, Batch), Batch, alpha, beta, gamma, inversion);
            double[] outputOfRotated = ProductHarness.Forward(p, Rotate(d.Irreps1, x1, Batch, alpha, beta, gamma, inversion),
                Rotate(d.Irreps2, x2, Batch, alpha, beta, gamma, inversion), w, Batch);

            TensorProductConformanceTests.AssertClose(rotatedOutput, outputOfRotated, $"{p.Name}, rotation {trial}", 1e-10);
        }
    }

    [Fact]
    public void A_rotation_changes_the_features_so_the_property_is_not_vacuous()
    {
        DeclaredProduct p = RandomProducts.All[0];
        var random = new Random(3);
        double[] x = ProductHarness.Random(random, p.Description.Dim1);
        double[] rotated = Rotate(p.Description.Irreps1, x, 1, 0.4, 1.1, -0.7, inversion: false);
        Assert.True(x.Zip(rotated, (a, b) => Math.Abs(a - b)).Max() > 1e-3);
    }

    /// <summary>Applies p^k Dˡ(α, β, γ) to every irrep of every row of <paramref name="features"/> (layout mul_ir).</summary>
    internal static double[] Rotate(string irreps, double[] features, int batch, double alpha, double beta, double gamma, bool inversion)
    {
        var blocks = irreps.Split('+').Select(b => b.Split('x')).Select(b => (Mul: int.Parse(b[0]), L: int.Parse(b[1][..^1]), Odd: b[1][^1] == 'o')).ToList();
        int dim = blocks.Sum(b => b.Mul * ((2 * b.L) + 1));
        var result = new double[features.Length];
        var matrices = blocks.Select(b => Wigner.D(b.L, alpha, beta, gamma)).ToList();
        for (int z = 0; z < batch; z++)
        {
            int offset = z * dim;
            for (int n = 0; n < blocks.Count; n++)
            {
                var (mul, l, odd) = blocks[n];
                int d = (2 * l) + 1;
                double sign = inversion && odd ? -1 : 1;
                for (int u = 0; u < mul; u++)
                {
                    for (int i = 0; i < d; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < d; j++)
                        {
                            sum += matrices[n][i, j] * features[offset + (u * d) + j];
                        }

                        result[offset + (u * d) + i] = sign * sum;
                    }
                }

                offset += mul * d;
            }
        }

        return result;
    }
}
