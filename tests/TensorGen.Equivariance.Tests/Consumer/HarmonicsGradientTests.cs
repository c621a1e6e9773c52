using System;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// [SphericalHarmonicsBackward] against central finite differences of the generated forward (double, every degree up to 8 on
/// its own, every normalization, normalized and raw inputs), and against two identities of the harmonics that do not use the
/// forward at all: with Normalize the gradient has no radial part (Y depends on the direction only); without, Yˡ is a
/// homogeneous polynomial of degree l, so r · ∇Yˡ = l Yˡ (Euler).
/// </summary>
public sealed class HarmonicsGradientTests
{
    private const int LMax = 8;
    private const int Dim = (LMax + 1) * (LMax + 1);

    private delegate void Forward<T>(ReadOnlyTensorSpan<T> vectors, TensorSpan<T> output);

    private delegate void Backward<T>(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradVectors);

    public static TheoryData<string> Kernels => new() { "ComponentUnit", "ComponentRaw", "NormUnit", "NormRaw", "IntegralUnit", "IntegralRaw" };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Each_degree_matches_central_differences(string name)
    {
        var (forward, backward, _) = Pair(name);
        var random = new Random(name.Length * 31);
        double[] vectors = RandomVectors(random, 6);
        int rows = vectors.Length / 3;
        for (int l = 1; l <= LMax; l++)
        {
            // The output gradient on degree l only, so each degree's gradient is checked on its own.
            double[] gradOutput = new double[rows * Dim];
            for (int row = 0; row < rows; row++)
            {
                for (int m = 0; m < (2 * l) + 1; m++)
                {
                    gradOutput[(row * Dim) + (l * l) + m] = (random.NextDouble() * 2) - 1;
                }
            }

            double[] analytic = Run(backward, vectors, gradOutput, Dim);
            double[] numeric = CentralDifferences(forward, vectors, gradOutput, Dim);
            for (int row = 0; row < rows; row++)
            {
                double error = Norm(Enumerable.Range(0, 3).Select(a => numeric[(row * 3) + a] - analytic[(row * 3) + a]));
                double size = Norm(Enumerable.Range(0, 3).Select(a => analytic[(row * 3) + a]));
                Assert.True(error <= 1e-6 * size, $"{name}, l = {l}, vector {row}: |finite difference − analytic| = {error:E3}, |analytic| = {size:E3}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void The_radial_derivative_is_zero_for_unit_vectors_and_l_times_Y_otherwise(string name)
    {
        var (forward, backward, normalize) = Pair(name);
        var random = new Random(7);
        double[] vectors = RandomVectors(random, 5);
        int rows = vectors.Length / 3;
        double[] gradOutput = ProductHarness.Random(random, rows * Dim);
        double[] gradient = Run(backward, vectors, gradOutput, Dim);
        double[] y = Evaluate(forward, vectors, Dim);
        for (int row = 0; row < rows; row++)
        {
            double radial = Enumerable.Range(0, 3).Sum(a => vectors[(row * 3) + a] * gradient[(row * 3) + a]);
            double scale = Norm(Enumerable.Range(0, 3).Select(a => vectors[(row * 3) + a])) * Norm(Enumerable.Range(0, 3).Select(a => gradient[(row * 3) + a]));

            // Euler's theorem for homogeneous polynomials, in a plain loop over the degrees: Σ_l l Σ_m ḡˡ_m Yˡ_m.
            double expected = 0;
            for (int l = 0; l <= LMax; l++)
            {
                for (int m = 0; m < (2 * l) + 1; m++)
                {
                    expected += l * gradOutput[(row * Dim) + (l * l) + m] * y[(row * Dim) + (l * l) + m];
                }
            }

            Assert.Equal(normalize ? 0.0 : expected, radial, Math.Max(1e-12, 1e-10 * Math.Max(scale, Math.Abs(expected))));
        }
    }

    [Fact]
    public void Repeated_degrees_sum_the_gradients_of_every_copy()
    {
        const int dim = (2 * 5) + 3 + 7 + 1;
        var random = new Random(3);
        double[] vectors = RandomVectors(random, 4);
        double[] gradOutput = ProductHarness.Random(random, (vectors.Length / 3) * dim);
        double[] analytic = Run(HarmonicsBackwardKernels.RepeatedBackward, vectors, gradOutput, dim);
        double[] numeric = CentralDifferences(HarmonicsBackwardKernels.Repeated, vectors, gradOutput, dim);
        AssertRelative(numeric, analytic, "gradVectors of 2x2y + 1y + 3y + 0y", 1e-6);
    }

    [Fact]
    public void Float_matches_double_within_1e_5()
    {
        var random = new Random(11);
        double[] vectors = RandomVectors(random, 9);
        int rows = vectors.Length / 3;
        double[] gradOutput = ProductHarness.Random(random, rows * 9);

        // The double kernel up to l = 8 with the gradient of degrees 3..8 zero gives the l <= 2 gradient.
        double[] padded = new double[rows * Dim];
        for (int row = 0; row < rows; row++)
        {
            Array.Copy(gradOutput, row * 9, padded, row * Dim, 9);
        }

        double[] expected = Run(HarmonicsBackwardKernels.ComponentUnitBackward, vectors, padded, Dim);
        float[] actual = Run<float>(HarmonicsBackwardKernels.EdgeSingleBackward, vectors.Select(v => (float)v).ToArray(), gradOutput.Select(v => (float)v).ToArray(), 9);
        GeneratedConformanceTests.AssertRelative(expected, actual.Select(v => (double)v).ToArray(), "float gradVectors");
    }

    [Fact]
    public void A_zero_vector_has_the_gradient_of_r_over_epsilon_as_torch_normalize()
    {
        // Below ε, u = r / 1e-12 is linear and only Y¹ = √3 u has a non-zero derivative at u = 0.
        double[] gradOutput = new double[Dim];
        gradOutput[1] = 0.5;
        gradOutput[2] = -1.0;
        gradOutput[3] = 2.0;
        gradOutput[5] = 3.0;
        double[] gradient = Run(HarmonicsBackwardKernels.ComponentUnitBackward, new double[3], gradOutput, Dim);
        for (int a = 0; a < 3; a++)
        {
            Assert.Equal(Math.Sqrt(3) * gradOutput[1 + a] / 1e-12, gradient[a], Math.Abs(gradient[a]) * 1e-12);
        }
    }

    [Fact]
    public void Only_Y0_gives_a_zero_gradient()
    {
        double[] gradient = Run(HarmonicsBackwardKernels.ConstantBackward, new[] { 0.3, -0.2, 0.9, 1.0, 2.0, 3.0 }, new[] { 1.0, 2.0, 3.0, 4.0 }, 2);
        Assert.All(gradient, g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Strided_views_give_the_dense_result()
    {
        var random = new Random(19);
        double[] vectors = RandomVectors(random, 3);
        int rows = vectors.Length / 3;
        double[] gradOutput = ProductHarness.Random(random, rows * Dim);
        double[] dense = Run(HarmonicsBackwardKernels.IntegralUnitBackward, vectors, gradOutput, Dim);

        // Vectors stored column-major, the gradient written into every other element of a wider buffer.
        double[] columnMajor = new double[vectors.Length];
        for (int row = 0; row < rows; row++)
        {
            for (int a = 0; a < 3; a++)
            {
                columnMajor[(a * rows) + row] = vectors[(row * 3) + a];
            }
        }

        double[] wide = new double[rows * 6];
        HarmonicsBackwardKernels.IntegralUnitBackward(new ReadOnlyTensorSpan<double>(columnMajor, 0, [rows, 3], [1, rows]),
            new ReadOnlyTensorSpan<double>(gradOutput, [rows, Dim]), new TensorSpan<double>(wide, 0, [rows, 3], [6, 2]));
        for (int row = 0; row < rows; row++)
        {
            for (int a = 0; a < 3; a++)
            {
                Assert.Equal(dense[(row * 3) + a], wide[(row * 6) + (2 * a)]);
            }
        }
    }

    [Fact]
    public void Wrong_shapes_and_overlaps_throw_before_writing()
    {
        var gradVectors = new double[6];
        Array.Fill(gradVectors, 42.0);
        var error = Assert.Throws<ArgumentException>(() => HarmonicsBackwardKernels.NormUnitBackward(
            new ReadOnlyTensorSpan<double>(new double[6], [2, 3]), new ReadOnlyTensorSpan<double>(new double[2 * 80], [2, 80]), new TensorSpan<double>(gradVectors, [2, 3])));
        Assert.Equal("gradOutput", error.ParamName);
        Assert.Contains("[2, 81]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 80]", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ArgumentException>(() => HarmonicsBackwardKernels.NormUnitBackward(
            new ReadOnlyTensorSpan<double>(new double[6], [2, 3]), new ReadOnlyTensorSpan<double>(new double[2 * Dim], [2, Dim]), new TensorSpan<double>(gradVectors, [3, 2])));
        Assert.Equal("gradVectors", error.ParamName);

        error = Assert.Throws<ArgumentException>(() => HarmonicsBackwardKernels.NormUnitBackward(
            new ReadOnlyTensorSpan<double>(gradVectors, [2, 3]), new ReadOnlyTensorSpan<double>(new double[2 * Dim], [2, Dim]), new TensorSpan<double>(gradVectors, [2, 3])));
        Assert.Equal("gradVectors", error.ParamName);
        Assert.All(gradVectors, v => Assert.Equal(42.0, v));
    }

    private static (Forward<double> Forward, Backward<double> Backward, bool Normalize) Pair(string name) => name switch
    {
        "ComponentUnit" => (HarmonicsBackwardKernels.ComponentUnit, HarmonicsBackwardKernels.ComponentUnitBackward, true),
        "ComponentRaw" => (HarmonicsBackwardKernels.ComponentRaw, HarmonicsBackwardKernels.ComponentRawBackward, false),
        "NormUnit" => (HarmonicsBackwardKernels.NormUnit, HarmonicsBackwardKernels.NormUnitBackward, true),
        "NormRaw" => (HarmonicsBackwardKernels.NormRaw, HarmonicsBackwardKernels.NormRawBackward, false),
        "IntegralUnit" => (HarmonicsBackwardKernels.IntegralUnit, HarmonicsBackwardKernels.IntegralUnitBackward, true),
        "IntegralRaw" => (HarmonicsBackwardKernels.IntegralRaw, HarmonicsBackwardKernels.IntegralRawBackward, false),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Vectors of lengths 0.05 to 3 in random directions, more than one SIMD tile of them.</summary>
    internal static double[] RandomVectors(Random random, int rows)
    {
        var vectors = new double[rows * 3];
        for (int row = 0; row < rows; row++)
        {
            double[] direction = ProductHarness.Random(random, 3);
            double length = 0.05 + (random.NextDouble() * 2.95);
            double norm = Norm(direction);
            for (int a = 0; a < 3; a++)
            {
                vectors[(row * 3) + a] = direction[a] / norm * length;
            }
        }

        return vectors;
    }

    /// <summary>∂/∂r_a of Σ_f gradOutput_f Y_f(r), by (L(r + h e_a) − L(r − h e_a)) / 2h with h = 1e-5 |r|, all six shifts per vector in one call.</summary>
    private static double[] CentralDifferences(Forward<double> forward, double[] vectors, double[] gradOutput, int dim)
    {
        int rows = vectors.Length / 3;
        var shifted = new double[rows * 6 * 3];
        var steps = new double[rows];
        for (int row = 0; row < rows; row++)
        {
            steps[row] = 1e-5 * Norm(Enumerable.Range(0, 3).Select(a => vectors[(row * 3) + a]));
            for (int shift = 0; shift < 6; shift++)
            {
                Array.Copy(vectors, row * 3, shifted, ((row * 6) + shift) * 3, 3);
                shifted[(((row * 6) + shift) * 3) + (shift / 2)] += shift % 2 == 0 ? steps[row] : -steps[row];
            }
        }

        double[] y = Evaluate(forward, shifted, dim);
        var gradient = new double[rows * 3];
        for (int row = 0; row < rows; row++)
        {
            for (int a = 0; a < 3; a++)
            {
                double plus = 0, minus = 0;
                for (int f = 0; f < dim; f++)
                {
                    plus += gradOutput[(row * dim) + f] * y[((((row * 6) + (2 * a)) * dim) + f)];
                    minus += gradOutput[(row * dim) + f] * y[((((row * 6) + (2 * a) + 1) * dim) + f)];
                }

                gradient[(row * 3) + a] = (plus - minus) / (2 * steps[row]);
            }
        }

        return gradient;
    }

    private static double[] Evaluate(Forward<double> forward, double[] vectors, int dim)
    {
        int rows = vectors.Length / 3;
        var output = new double[rows * dim];
        forward(new ReadOnlyTensorSpan<double>(vectors, [rows, 3]), new TensorSpan<double>(output, [rows, dim]));
        return output;
    }

    private static T[] Run<T>(Backward<T> backward, T[] vectors, T[] gradOutput, int dim)
    {
        int rows = vectors.Length / 3;
        var gradient = new T[rows * 3];
        backward(new ReadOnlyTensorSpan<T>(vectors, [rows, 3]), new ReadOnlyTensorSpan<T>(gradOutput, [rows, dim]), new TensorSpan<T>(gradient, [rows, 3]));
        return gradient;
    }

    internal static double Norm(System.Collections.Generic.IEnumerable<double> values) => Math.Sqrt(values.Sum(v => v * v));

    /// <summary>Double results: within <paramref name="tolerance"/> of the largest expected magnitude (at least 1).</summary>
    private static void AssertRelative(double[] expected, double[] actual, string what, double tolerance = 1e-10) =>
        TensorGen.Equivariance.Tests.Conformance.TensorProductConformanceTests.AssertClose(expected, actual, what,
            tolerance * Math.Max(1.0, expected.Select(Math.Abs).DefaultIfEmpty(0).Max()));
}
