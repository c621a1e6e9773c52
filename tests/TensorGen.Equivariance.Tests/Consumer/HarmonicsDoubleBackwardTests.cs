using System;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;
using static TensorGen.Equivariance.Tests.Consumer.HarmonicsGradientTests;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// [SphericalHarmonicsDoubleBackward] (double, every degree up to 8 on its own, every normalization, normalized and raw inputs):
/// gradVectors = H·v against central differences of the generated backward along v, gradGradOutput = J·v against central
/// differences of the generated forward; the symmetry of the Hessian (u·H·v = v·H·u); the duality of the two results with the
/// backward (gradOutput · J·v = v · Jᵀ·gradOutput); the definition at r = 0; float callers; bad arguments.
/// </summary>
public sealed class HarmonicsDoubleBackwardTests
{
    private const int LMax = 8;
    private const int Dim = (LMax + 1) * (LMax + 1);

    private delegate void Forward<T>(ReadOnlyTensorSpan<T> vectors, TensorSpan<T> output);

    private delegate void Backward<T>(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradVectors);

    private delegate void DoubleBackward<T>(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, ReadOnlyTensorSpan<T> gradGradVectors,
        TensorSpan<T> gradVectors, TensorSpan<T> gradGradOutput);

    public static TheoryData<string> Kernels => new() { "ComponentUnit", "ComponentRaw", "NormUnit", "NormRaw", "IntegralUnit", "IntegralRaw" };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Each_degree_matches_central_differences_of_the_backward_and_the_forward(string name)
    {
        var (forward, backward, doubleBackward) = Passes(name);
        var random = new Random((name.Length * 17) + 5);
        double[] vectors = RandomVectors(random, 6);
        int rows = vectors.Length / 3;
        double[] direction = ProductHarness.Random(random, vectors.Length);
        for (int l = 1; l <= LMax; l++)
        {
            double[] gradOutput = OnDegree(random, rows, l);
            var (hessian, jacobian) = Run(doubleBackward, vectors, gradOutput, direction, Dim);
            double[] steps = Steps(vectors, direction);
            double[] numericHessian = Differences(rows, 3, steps, sign => Run(backward, Shift(vectors, direction, steps, sign), gradOutput, Dim));
            double[] numericJacobian = Differences(rows, Dim, steps, sign => Evaluate(forward, Shift(vectors, direction, steps, sign), Dim));
            AssertRows(numericHessian, hessian, 3, $"{name}, l = {l}: gradVectors (H·v)");
            AssertRows(numericJacobian, jacobian, Dim, $"{name}, l = {l}: gradGradOutput (J·v)");
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void The_Hessian_is_symmetric(string name)
    {
        var (_, _, doubleBackward) = Passes(name);
        var random = new Random(23);
        double[] vectors = RandomVectors(random, 7);
        int rows = vectors.Length / 3;
        double[] gradOutput = ProductHarness.Random(random, rows * Dim);
        double[] u = ProductHarness.Random(random, vectors.Length), v = ProductHarness.Random(random, vectors.Length);
        double[] hu = Run(doubleBackward, vectors, gradOutput, u, Dim).GradVectors;
        double[] hv = Run(doubleBackward, vectors, gradOutput, v, Dim).GradVectors;
        for (int row = 0; row < rows; row++)
        {
            double uHv = Dot(u, hv, row * 3, 3), vHu = Dot(v, hu, row * 3, 3);
            double scale = (Norm(Row(u, row, 3)) * Norm(Row(hv, row, 3))) + (Norm(Row(v, row, 3)) * Norm(Row(hu, row, 3)));
            Assert.True(Math.Abs(uHv - vHu) <= 1e-12 * scale, $"{name}, vector {row}: u·H·v = {uHv:R}, v·H·u = {vHu:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void The_Jacobian_vector_product_is_dual_to_the_backward(string name)
    {
        // Σ_f gradOutput_f (J·v)_f = Σ_i v_i (Jᵀ·gradOutput)_i: the new pass's second result against the backward pass.
        var (_, backward, doubleBackward) = Passes(name);
        var random = new Random(29);
        double[] vectors = RandomVectors(random, 5);
        int rows = vectors.Length / 3;
        double[] gradOutput = ProductHarness.Random(random, rows * Dim), v = ProductHarness.Random(random, vectors.Length);
        double[] jv = Run(doubleBackward, vectors, gradOutput, v, Dim).GradGradOutput;
        double[] jtg = Run(backward, vectors, gradOutput, Dim);
        for (int row = 0; row < rows; row++)
        {
            double left = Dot(gradOutput, jv, row * Dim, Dim), right = Dot(v, jtg, row * 3, 3);
            double scale = (Norm(Row(gradOutput, row, Dim)) * Norm(Row(jv, row, Dim))) + (Norm(Row(v, row, 3)) * Norm(Row(jtg, row, 3)));
            Assert.True(Math.Abs(left - right) <= 1e-12 * scale, $"{name}, vector {row}: gradOutput·(J·v) = {left:R}, v·(Jᵀ·gradOutput) = {right:R}");
        }
    }

    [Fact]
    public void At_a_zero_vector_it_is_the_derivative_of_the_backward_at_r_over_epsilon()
    {
        // Below ε the backward reads u = r / 1e-12, which is linear: its tangent is u̇ = v / ε, so J·v has only the Y¹ part
        // √3 v / ε (every Yˡ, l ≥ 2, is a polynomial with zero gradient at u = 0), and H·v is the Hessian at u = 0 over ε²,
        // which only the quadratic Y² has. For a quadratic form Q, ∇Q(v) = H·v, so the raw backward at r = v with the output
        // gradient on degree 2 alone gives the Hessian's product exactly.
        var random = new Random(31);
        double[] gradOutput = ProductHarness.Random(random, Dim);
        double[] v = { 0.3, -1.2, 0.7 };
        var (hessian, jacobian) = Run(HarmonicsBackwardKernels.ComponentUnitDoubleBackward, new double[3], gradOutput, v, Dim);

        double[] onDegreeTwo = new double[Dim];
        Array.Copy(gradOutput, 4, onDegreeTwo, 4, 5);
        double[] expected = Run(HarmonicsBackwardKernels.ComponentRawBackward, v, onDegreeTwo, Dim).Select(g => g / 1e-24).ToArray();
        for (int a = 0; a < 3; a++)
        {
            Assert.True(double.IsFinite(hessian[a]), $"gradVectors[{a}] = {hessian[a]} at r = 0");
            Assert.Equal(expected[a], hessian[a], Math.Abs(expected[a]) * 1e-12);
            Assert.Equal(Math.Sqrt(3) * v[a] / 1e-12, jacobian[1 + a], Math.Abs(jacobian[1 + a]) * 1e-12);
        }

        Assert.Equal(0.0, jacobian[0]);
        Assert.All(jacobian.Skip(4), g => Assert.Equal(0.0, g));

        // Raw vectors: the polynomials' derivatives at 0, the same Hessian without the 1/ε², J·v = √3 v on Y¹.
        var (rawHessian, rawJacobian) = Run(HarmonicsBackwardKernels.ComponentRawDoubleBackward, new double[3], gradOutput, v, Dim);
        double[] rawExpected = Run(HarmonicsBackwardKernels.ComponentRawBackward, v, onDegreeTwo, Dim);
        for (int a = 0; a < 3; a++)
        {
            Assert.Equal(rawExpected[a], rawHessian[a], 1e-13 * Math.Max(1, Math.Abs(rawExpected[a])));
            Assert.Equal(Math.Sqrt(3) * v[a], rawJacobian[1 + a], 1e-14);
        }
    }

    [Fact]
    public void Equals_e3nn_autograd_with_create_graph()
    {
        // e3nn 0.5.6's spherical_harmonics differentiated twice by torch (tests/Conformance/e3nn_sh_double_backward.json).
        using var document = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(
            System.IO.Path.Combine(AppContext.BaseDirectory, "Conformance", "e3nn_sh_double_backward.json")));
        double[] Read(string name) => Conformance.ConformanceArray.Read(document.RootElement.GetProperty(name)).Data;
        const int dim = 49;
        var (hessian, jacobian) = Run(HarmonicsBackwardKernels.UpToSixDoubleBackward, Read("vectors"), Read("gradOutput"), Read("gradGradVectors"), dim);
        AssertRelative(Read("gradVectors"), hessian, "gradVectors vs e3nn");
        AssertRelative(Read("gradGradOutput"), jacobian, "gradGradOutput vs e3nn");
    }

    [Fact]
    public void Repeated_degrees_sum_every_copy()
    {
        const int dim = (2 * 5) + 3 + 7 + 1;
        var random = new Random(37);
        double[] vectors = RandomVectors(random, 4);
        int rows = vectors.Length / 3;
        double[] gradOutput = ProductHarness.Random(random, rows * dim), direction = ProductHarness.Random(random, vectors.Length);
        var (hessian, jacobian) = Run(HarmonicsBackwardKernels.RepeatedDoubleBackward, vectors, gradOutput, direction, dim);
        double[] steps = Steps(vectors, direction);
        AssertRows(Differences(rows, 3, steps, sign => Run(HarmonicsBackwardKernels.RepeatedBackward, Shift(vectors, direction, steps, sign), gradOutput, dim)),
            hessian, 3, "gradVectors of 2x2y + 1y + 3y + 0y");
        AssertRows(Differences(rows, dim, steps, sign => Evaluate(HarmonicsBackwardKernels.Repeated, Shift(vectors, direction, steps, sign), dim)),
            jacobian, dim, "gradGradOutput of 2x2y + 1y + 3y + 0y");
    }

    [Fact]
    public void Float_matches_double_within_1e_5()
    {
        var random = new Random(41);
        double[] vectors = RandomVectors(random, 9);
        int rows = vectors.Length / 3;
        double[] gradOutput = ProductHarness.Random(random, rows * 9), direction = ProductHarness.Random(random, vectors.Length);

        // The double kernel up to l = 8 with the gradient of degrees 3..8 zero gives the l <= 2 results (J·v: its first 9 features).
        double[] padded = new double[rows * Dim];
        for (int row = 0; row < rows; row++)
        {
            Array.Copy(gradOutput, row * 9, padded, row * Dim, 9);
        }

        var (hessian, jacobian) = Run(HarmonicsBackwardKernels.ComponentUnitDoubleBackward, vectors, padded, direction, Dim);
        var (singleHessian, singleJacobian) = Run<float>(HarmonicsBackwardKernels.EdgeSingleDoubleBackward, Single(vectors), Single(gradOutput), Single(direction), 9);
        GeneratedConformanceTests.AssertRelative(hessian, singleHessian.Select(v => (double)v).ToArray(), "float gradVectors");
        double[] firstNine = Enumerable.Range(0, rows).SelectMany(row => Row(jacobian, row, Dim).Take(9)).ToArray();
        GeneratedConformanceTests.AssertRelative(firstNine, singleJacobian.Select(v => (double)v).ToArray(), "float gradGradOutput");
    }

    [Fact]
    public void Only_Y0_gives_zero_results()
    {
        double[] gradVectors = Enumerable.Repeat(double.NaN, 6).ToArray(), gradGradOutput = Enumerable.Repeat(double.NaN, 4).ToArray();
        HarmonicsBackwardKernels.ConstantDoubleBackward(new ReadOnlyTensorSpan<double>(new[] { 0.3, -0.2, 0.9, 1.0, 2.0, 3.0 }, [2, 3]),
            new ReadOnlyTensorSpan<double>(new[] { 1.0, 2.0, 3.0, 4.0 }, [2, 2]), new ReadOnlyTensorSpan<double>(new[] { 1.0, 1.0, 1.0, 2.0, 2.0, 2.0 }, [2, 3]),
            new TensorSpan<double>(gradVectors, [2, 3]), new TensorSpan<double>(gradGradOutput, [2, 2]));
        Assert.All(gradVectors, g => Assert.Equal(0.0, g));
        Assert.All(gradGradOutput, g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Strided_views_give_the_dense_result()
    {
        var random = new Random(43);
        double[] vectors = RandomVectors(random, 3);
        int rows = vectors.Length / 3;
        double[] gradOutput = ProductHarness.Random(random, rows * Dim), direction = ProductHarness.Random(random, vectors.Length);
        var (hessian, jacobian) = Run(HarmonicsBackwardKernels.IntegralUnitDoubleBackward, vectors, gradOutput, direction, Dim);

        // The direction stored column-major; both results written into every other element of wider buffers.
        double[] columnMajor = new double[direction.Length];
        for (int row = 0; row < rows; row++)
        {
            for (int a = 0; a < 3; a++)
            {
                columnMajor[(a * rows) + row] = direction[(row * 3) + a];
            }
        }

        double[] wideVectors = new double[rows * 6], wideOutput = new double[rows * Dim * 2];
        HarmonicsBackwardKernels.IntegralUnitDoubleBackward(new ReadOnlyTensorSpan<double>(vectors, [rows, 3]), new ReadOnlyTensorSpan<double>(gradOutput, [rows, Dim]),
            new ReadOnlyTensorSpan<double>(columnMajor, 0, [rows, 3], [1, rows]), new TensorSpan<double>(wideVectors, 0, [rows, 3], [6, 2]),
            new TensorSpan<double>(wideOutput, 0, [rows, Dim], [2 * Dim, 2]));
        for (int row = 0; row < rows; row++)
        {
            for (int a = 0; a < 3; a++)
            {
                Assert.Equal(hessian[(row * 3) + a], wideVectors[(row * 6) + (2 * a)]);
            }

            for (int f = 0; f < Dim; f++)
            {
                Assert.Equal(jacobian[(row * Dim) + f], wideOutput[(row * 2 * Dim) + (2 * f)]);
            }
        }
    }

    [Fact]
    public void Wrong_shapes_and_overlaps_throw_before_writing()
    {
        var gradVectors = Enumerable.Repeat(42.0, 6).ToArray();
        var gradGradOutput = Enumerable.Repeat(42.0, 2 * Dim).ToArray();
        var inputs = (Vectors: new double[6], GradOutput: new double[2 * Dim], GradGradVectors: new double[6]);
        ArgumentException Call(int[] gradGradVectorsShape, int[] gradGradOutputShape, double[]? gradGradVectorsData = null, double[]? gradVectorsData = null) =>
            Assert.Throws<ArgumentException>(() => HarmonicsBackwardKernels.NormUnitDoubleBackward(new ReadOnlyTensorSpan<double>(inputs.Vectors, [2, 3]),
                new ReadOnlyTensorSpan<double>(inputs.GradOutput, [2, Dim]),
                new ReadOnlyTensorSpan<double>(gradGradVectorsData ?? inputs.GradGradVectors, gradGradVectorsShape.Select(n => (nint)n).ToArray()),
                new TensorSpan<double>(gradVectorsData ?? gradVectors, [2, 3]), new TensorSpan<double>(gradGradOutput, gradGradOutputShape.Select(n => (nint)n).ToArray())));

        var error = Call([3, 2], [2, Dim]);
        Assert.Equal("gradGradVectors", error.ParamName);
        Assert.Contains("[3, 2]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", error.Message, StringComparison.Ordinal);

        error = Call([2, 3], [2, 80]);
        Assert.Equal("gradGradOutput", error.ParamName);
        Assert.Contains("[2, 80]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 81]", error.Message, StringComparison.Ordinal);

        // gradVectors written over the gradient it reads, and over the other result.
        error = Call([2, 3], [2, Dim], gradGradVectorsData: gradVectors);
        Assert.Equal("gradVectors", error.ParamName);
        error = Call([2, 3], [2, Dim], gradVectorsData: gradGradOutput);
        Assert.Equal("gradGradOutput", error.ParamName);

        Assert.All(gradVectors, v => Assert.Equal(42.0, v));
        Assert.All(gradGradOutput, v => Assert.Equal(42.0, v));
    }

    private static (Forward<double> Forward, Backward<double> Backward, DoubleBackward<double> DoubleBackward) Passes(string name) => name switch
    {
        "ComponentUnit" => (HarmonicsBackwardKernels.ComponentUnit, HarmonicsBackwardKernels.ComponentUnitBackward, HarmonicsBackwardKernels.ComponentUnitDoubleBackward),
        "ComponentRaw" => (HarmonicsBackwardKernels.ComponentRaw, HarmonicsBackwardKernels.ComponentRawBackward, HarmonicsBackwardKernels.ComponentRawDoubleBackward),
        "NormUnit" => (HarmonicsBackwardKernels.NormUnit, HarmonicsBackwardKernels.NormUnitBackward, HarmonicsBackwardKernels.NormUnitDoubleBackward),
        "NormRaw" => (HarmonicsBackwardKernels.NormRaw, HarmonicsBackwardKernels.NormRawBackward, HarmonicsBackwardKernels.NormRawDoubleBackward),
        "IntegralUnit" => (HarmonicsBackwardKernels.IntegralUnit, HarmonicsBackwardKernels.IntegralUnitBackward, HarmonicsBackwardKernels.IntegralUnitDoubleBackward),
        "IntegralRaw" => (HarmonicsBackwardKernels.IntegralRaw, HarmonicsBackwardKernels.IntegralRawBackward, HarmonicsBackwardKernels.IntegralRawDoubleBackward),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A random output gradient on degree l only, so that each degree's derivatives are checked on their own.</summary>
    private static double[] OnDegree(Random random, int rows, int l)
    {
        double[] gradOutput = new double[rows * Dim];
        for (int row = 0; row < rows; row++)
        {
            for (int m = 0; m < (2 * l) + 1; m++)
            {
                gradOutput[(row * Dim) + (l * l) + m] = (random.NextDouble() * 2) - 1;
            }
        }

        return gradOutput;
    }

    /// <summary>The step along v per vector: h = 1e-5 |r| / |v|.</summary>
    private static double[] Steps(double[] vectors, double[] direction) =>
        Enumerable.Range(0, vectors.Length / 3).Select(row => 1e-5 * Norm(Row(vectors, row, 3)) / Norm(Row(direction, row, 3))).ToArray();

    private static double[] Shift(double[] vectors, double[] direction, double[] steps, int sign) =>
        vectors.Select((r, i) => r + (sign * steps[i / 3] * direction[i])).ToArray();

    /// <summary>(f(r + h v) − f(r − h v)) / 2h per row of <paramref name="width"/> values.</summary>
    private static double[] Differences(int rows, int width, double[] steps, Func<int, double[]> at)
    {
        double[] plus = at(1), minus = at(-1);
        return plus.Select((p, i) => (p - minus[i]) / (2 * steps[i / width])).ToArray();
    }

    /// <summary>Per row: |numeric − analytic| ≤ 1e-6 |analytic| (rows whose analytic values are all zero must be zero to 1e-9).</summary>
    private static void AssertRows(double[] numeric, double[] analytic, int width, string what)
    {
        for (int row = 0; row < analytic.Length / width; row++)
        {
            double error = Norm(Row(numeric, row, width).Zip(Row(analytic, row, width), (n, a) => n - a));
            double size = Norm(Row(analytic, row, width));
            Assert.True(error <= Math.Max(1e-6 * size, 1e-9), $"{what}, vector {row}: |finite difference − analytic| = {error:E3}, |analytic| = {size:E3}");
        }
    }

    /// <summary>Within 1e-10 of the largest expected magnitude (at least 1).</summary>
    private static void AssertRelative(double[] expected, double[] actual, string what) =>
        Conformance.TensorProductConformanceTests.AssertClose(expected, actual, what, 1e-10 * Math.Max(1.0, expected.Select(Math.Abs).Max()));

    private static double[] Row(double[] values, int row, int width) => values.AsSpan(row * width, width).ToArray();

    private static double Dot(double[] a, double[] b, int start, int count) => Enumerable.Range(start, count).Sum(i => a[i] * b[i]);

    private static float[] Single(double[] values) => values.Select(v => (float)v).ToArray();

    private static double[] Evaluate(Forward<double> forward, double[] vectors, int dim)
    {
        int rows = vectors.Length / 3;
        var output = new double[rows * dim];
        forward(new ReadOnlyTensorSpan<double>(vectors, [rows, 3]), new TensorSpan<double>(output, [rows, dim]));
        return output;
    }

    private static double[] Run(Backward<double> backward, double[] vectors, double[] gradOutput, int dim)
    {
        int rows = vectors.Length / 3;
        var gradient = new double[rows * 3];
        backward(new ReadOnlyTensorSpan<double>(vectors, [rows, 3]), new ReadOnlyTensorSpan<double>(gradOutput, [rows, dim]), new TensorSpan<double>(gradient, [rows, 3]));
        return gradient;
    }

    private static (T[] GradVectors, T[] GradGradOutput) Run<T>(DoubleBackward<T> doubleBackward, T[] vectors, T[] gradOutput, T[] gradGradVectors, int dim)
    {
        int rows = vectors.Length / 3;
        var (gradVectors, gradGradOutput) = (new T[rows * 3], new T[rows * dim]);
        doubleBackward(new ReadOnlyTensorSpan<T>(vectors, [rows, 3]), new ReadOnlyTensorSpan<T>(gradOutput, [rows, dim]), new ReadOnlyTensorSpan<T>(gradGradVectors, [rows, 3]),
            new TensorSpan<T>(gradVectors, [rows, 3]), new TensorSpan<T>(gradGradOutput, [rows, dim]));
        return (gradVectors, gradGradOutput);
    }
}
