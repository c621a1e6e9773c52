using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance.Tests.Conformance;
using TensorGen.Fuzz.Tests.Kernels;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Generated spherical harmonics against e3nn 0.5.6, and their layout, normalization and equivariance.</summary>
public sealed class HarmonicsTests
{
    private delegate void Harmonics<T>(ReadOnlyTensorSpan<T> vectors, TensorSpan<T> output);

    [Fact]
    public void Every_normalization_matches_e3nn()
    {
        ConformanceArray vectors = E3nnConventions.ShVectors;
        int n = vectors.Rows;
        foreach (var (kernel, normalization, lmax) in new (Harmonics<double>, string, int)[]
        {
            (HarmonicsKernels.Component, "component", 3), (HarmonicsKernels.Norm, "norm", 2), (HarmonicsKernels.Integral, "integral", 2),
        })
        {
            int dim = (lmax + 1) * (lmax + 1);
            double[] output = Evaluate(kernel, vectors.Data, dim);
            foreach (var (l, expectedNormalization, expected) in E3nnConventions.ShResults.Where(r => r.Normalization == normalization && r.L <= lmax))
            {
                for (int row = 0; row < n; row++)
                {
                    for (int m = 0; m < (2 * l) + 1; m++)
                    {
                        double e = expected.Data[(row * ((2 * l) + 1)) + m];
                        double a = output[(row * dim) + (l * l) + m];
                        Assert.True(Math.Abs(e - a) <= 1e-10, $"Y{l}[{m}] ({expectedNormalization}) of vector {row}: e3nn {e:R}, generated {a:R}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Float_matches_e3nn_within_1e_5()
    {
        ConformanceArray vectors = E3nnConventions.ShVectors;
        var (_, _, expected) = E3nnConventions.ShConcatenated.Single();
        float[] output = Evaluate<float>(HarmonicsKernels.ComponentSingle, vectors.Data.Select(v => (float)v).ToArray(), 16);
        GeneratedConformanceTests.AssertRelative(expected.Data, output.Select(v => (double)v).ToArray(), "Y0..Y3");
    }

    /// <summary>
    /// "2x2y + 1y + 6y + 0y" of unnormalized vectors against the independent reference (<see cref="ReferenceHarmonics"/>: Yˡ⁺¹ from
    /// v ⊗ Yˡ with the tests' own Wigner 3j, nothing from src), each block a homogeneous polynomial of degree l.
    /// </summary>
    [Fact]
    public void Repeated_and_reordered_degrees_of_unnormalized_vectors_follow_the_irreps()
    {
        double[][] vectors = [[0.3, -1.7, 0.9], [1, 0, 0], [0, 0, -2], [-0.25, 0.5, 1.5]];
        foreach (double[] vector in vectors)
        {
            double[] output = Evaluate(HarmonicsKernels.Unnormalized, vector, (2 * 5) + 3 + 13 + 1);
            var (expected, magnitudes) = ReferenceHarmonics.Evaluate([(2, 2), (1, 1), (1, 6), (1, 0)], vector[0], vector[1], vector[2], normalize: false,
                ReferenceHarmonics.Normalization.Component);
            Assert.Equal(expected.Length, output.Length);
            for (int f = 0; f < output.Length; f++)
            {
                Assert.True(Math.Abs(expected[f] - output[f]) <= 1e-12 * (1 + magnitudes[f]),
                    $"feature {f} of ({string.Join(", ", vector)}): reference {expected[f]:R}, generated {output[f]:R}");
            }
        }
    }

    /// <summary>Every normalization, normalized vectors up to l = 3, against the independent reference as well as e3nn's data.</summary>
    [Fact]
    public void Every_normalization_matches_the_independent_reference()
    {
        ConformanceArray vectors = E3nnConventions.ShVectors;
        foreach (var (kernel, normalization, lmax) in new (Harmonics<double>, ReferenceHarmonics.Normalization, int)[]
        {
            (HarmonicsKernels.Component, ReferenceHarmonics.Normalization.Component, 3), (HarmonicsKernels.Norm, ReferenceHarmonics.Normalization.Norm, 2),
            (HarmonicsKernels.Integral, ReferenceHarmonics.Normalization.Integral, 2),
        })
        {
            int dim = (lmax + 1) * (lmax + 1);
            double[] output = Evaluate(kernel, vectors.Data, dim);
            for (int row = 0; row < vectors.Rows; row++)
            {
                var (expected, magnitudes) = ReferenceHarmonics.Evaluate([.. Enumerable.Range(0, lmax + 1).Select(l => (1, l))],
                    vectors.Data[3 * row], vectors.Data[(3 * row) + 1], vectors.Data[(3 * row) + 2], normalize: true, normalization);
                for (int f = 0; f < dim; f++)
                {
                    Assert.True(Math.Abs(expected[f] - output[(row * dim) + f]) <= 1e-12 * (1 + magnitudes[f]), $"{normalization} feature {f} of vector {row}");
                }
            }
        }
    }

    [Fact]
    public void A_zero_vector_gives_zeros_beyond_l_0_when_normalized()
    {
        double[] output = Evaluate(HarmonicsKernels.Component, new double[3], 16);
        Assert.Equal(1.0, output[0]);
        Assert.All(output.Skip(1), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Rotating_a_vector_rotates_its_harmonics_up_to_l_6()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 5; trial++)
        {
            (double a, double b, double c) = (random.NextDouble() * 6, random.NextDouble() * 3, random.NextDouble() * 6);
            double[] v = ProductHarness.Random(random, 3);
            double[,] rotation = Wigner.D(1, a, b, c);
            double[] rotated = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Sum(j => rotation[i, j] * v[j])).ToArray();
            double[] y = SphericalHarmonicsRecursion.Evaluate(6, v[0], v[1], v[2]);
            double[] yRotated = SphericalHarmonicsRecursion.Evaluate(6, rotated[0], rotated[1], rotated[2]);
            for (int l = 0; l <= 6; l++)
            {
                double[,] d = Wigner.D(l, a, b, c);
                for (int i = 0; i < (2 * l) + 1; i++)
                {
                    double expected = Enumerable.Range(0, (2 * l) + 1).Sum(j => d[i, j] * y[(l * l) + j]);
                    Assert.Equal(expected, yRotated[(l * l) + i], 1e-10);
                }
            }
        }
    }

    [Fact]
    public void Pseudovector_harmonics_equal_the_vector_ones()
    {
        double[] v = { 0.2, 0.5, -0.8 };
        double[] vector = Evaluate(HarmonicsKernels.Component, v, 16);
        double[] pseudo = Evaluate(HarmonicsKernels.Pseudovector, v, 9);
        Assert.Equal(vector.Take(9), pseudo);
    }

    [Fact]
    public void Wrong_shapes_throw_before_writing()
    {
        var output = new double[32];
        Array.Fill(output, 42.0);
        var error = Assert.Throws<ArgumentException>(() =>
            HarmonicsKernels.Component(new ReadOnlyTensorSpan<double>(new double[8], [2, 4]), new TensorSpan<double>(output, [2, 16])));
        Assert.Equal("vectors", error.ParamName);
        Assert.All(output, v => Assert.Equal(42.0, v));
    }

    private static T[] Evaluate<T>(Harmonics<T> kernel, T[] vectors, int dim)
    {
        int n = vectors.Length / 3;
        var output = new T[n * dim];
        kernel(new ReadOnlyTensorSpan<T>(vectors, [n, 3]), new TensorSpan<T>(output, [n, dim]));
        return output;
    }
}
