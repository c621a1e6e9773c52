using System;
using System.Linq;
using Xunit;

namespace TensorGen.Equivariance.Tests.Conformance;

/// <summary>Wigner 3j symbols, Wigner D matrices and spherical harmonics against e3nn 0.5.6 (max abs error ≤ 1e-10).</summary>
public sealed class ConventionsTests
{
    private const double Tolerance = 1e-10;

    [Fact]
    public void Wigner_3j_matches_e3nn_dense()
    {
        int cases = 0;
        var failures = new System.Collections.Generic.List<string>();
        foreach (var (l1, l2, l3, expected) in E3nnConventions.ThreeJDense)
        {
            double[,,] actual = Wigner.ThreeJ(l1, l2, l3);
            Assert.Equal(expected.Shape, new[] { actual.GetLength(0), actual.GetLength(1), actual.GetLength(2) });
            double difference = MaxAbsDifference(expected.Data, actual.Cast<double>().ToArray());
            if (difference > Tolerance)
            {
                failures.Add($"wigner_3j({l1}, {l2}, {l3}): max |difference| {difference}");
            }

            cases++;
        }

        Assert.Empty(failures);
        Assert.NotEqual(0, cases);
    }

    [Fact]
    public void Wigner_3j_non_zero_counts_and_sums_match_e3nn()
    {
        foreach (var (l1, l2, l3, nonZero, sum, sumAbs) in E3nnConventions.ThreeJCounts)
        {
            double[] values = Wigner.ThreeJ(l1, l2, l3).Cast<double>().ToArray();
            Assert.True(nonZero == values.Count(v => v != 0), $"wigner_3j({l1}, {l2}, {l3}) has {values.Count(v => v != 0)} non-zeros, e3nn {nonZero}");
            Assert.True(Math.Abs(sum - values.Sum()) <= Tolerance, $"sum of wigner_3j({l1}, {l2}, {l3})");
            Assert.True(Math.Abs(sumAbs - values.Sum(Math.Abs)) <= Tolerance, $"sum |.| of wigner_3j({l1}, {l2}, {l3})");
        }
    }

    [Fact]
    public void Wigner_3j_1_1_2_has_11_non_zeros_of_45() =>
        Assert.Equal(11, Wigner.ThreeJ(1, 1, 2).Cast<double>().Count(v => v != 0));

    [Fact]
    public void Wigner_D_matches_e3nn_and_is_the_rotation_matrix_for_l_1()
    {
        foreach (var (alpha, beta, gamma, rotation, ds) in E3nnConventions.WignerD)
        {
            foreach (var (l, expected) in ds)
            {
                double[,] actual = Wigner.D(l, alpha, beta, gamma);
                Assert.True(MaxAbsDifference(expected.Data, actual.Cast<double>().ToArray()) <= Tolerance, $"wigner_D({l}, {alpha}, {beta}, {gamma})");
            }

            Assert.True(MaxAbsDifference(rotation.Data, Wigner.D(1, alpha, beta, gamma).Cast<double>().ToArray()) <= Tolerance);
        }
    }

    [Fact]
    public void Spherical_harmonics_match_e3nn()
    {
        ConformanceArray vectors = E3nnConventions.ShVectors;
        foreach (var (l, normalization, expected) in E3nnConventions.ShResults)
        {
            for (int n = 0; n < vectors.Rows; n++)
            {
                double[] all = SphericalHarmonicsRecursion.Evaluate(l, vectors.Data[3 * n], vectors.Data[(3 * n) + 1], vectors.Data[(3 * n) + 2]);
                double scale = Scale(l, normalization);
                for (int m = 0; m < (2 * l) + 1; m++)
                {
                    double e = expected.Data[(n * ((2 * l) + 1)) + m];
                    Assert.True(Math.Abs(e - (scale * all[(l * l) + m])) <= Tolerance, $"Y^{l}_{m} ({normalization}) of vector {n}: e3nn {e}, got {scale * all[(l * l) + m]}");
                }
            }
        }
    }

    [Fact]
    public void Concatenated_spherical_harmonics_match_e3nn()
    {
        ConformanceArray vectors = E3nnConventions.ShVectors;
        int cases = 0;
        foreach (var (irreps, normalization, expected) in E3nnConventions.ShConcatenated)
        {
            int lmax = irreps.Split('+').Length - 1;
            Assert.Equal(string.Join("+", Enumerable.Range(0, lmax + 1).Select(l => $"1x{l}{(l % 2 == 0 ? 'e' : 'o')}")), irreps);
            int dim = (lmax + 1) * (lmax + 1);
            for (int n = 0; n < vectors.Rows; n++)
            {
                double[] all = SphericalHarmonicsRecursion.Evaluate(lmax, vectors.Data[3 * n], vectors.Data[(3 * n) + 1], vectors.Data[(3 * n) + 2]);
                for (int f = 0; f < dim; f++)
                {
                    int l = (int)Math.Sqrt(f);
                    Assert.True(Math.Abs(expected.Data[(n * dim) + f] - (Scale(l, normalization) * all[f])) <= Tolerance, $"feature {f} of vector {n}");
                }
            }

            cases++;
        }

        Assert.NotEqual(0, cases);
    }

    internal static double Scale(int l, string normalization) => normalization switch
    {
        "component" => 1.0,
        "norm" => 1.0 / Math.Sqrt((2 * l) + 1),
        "integral" => 1.0 / Math.Sqrt(4 * Math.PI),
        _ => throw new ArgumentException(normalization),
    };

    internal static double MaxAbsDifference(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        return expected.Zip(actual, (e, a) => Math.Abs(e - a)).DefaultIfEmpty(0).Max();
    }
}
