using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance.Tests.Consumer;
using Xunit;

namespace TensorGen.Equivariance.Tests.Linear;

/// <summary>
/// [EquivariantLinear] and its backward pass against the plain-loop reference (double to 1e-12, float to 1e-5), finite
/// differences (of the reference's loss, which also checks the reference's own backward loops), rotations, strided views, the GEMM-engine size, empty batches and refused calls.
/// </summary>
public sealed class LinearTests
{
    private static readonly ReferenceLinear s_mixed = new(LinearKernels.MixedIn, LinearKernels.MixedOut, biases: true);

    [Fact]
    public void The_mixed_layer_has_e3nns_weight_and_bias_counts()
    {
        // 0e: (3 + 2) inputs × (2 + 1) outputs = 15; 1o: 2 × 3 = 6; 2e: 1 × 2 = 2. Biases: the 2 + 1 channels of the 0e outputs.
        Assert.Equal((23, 3, 16, 25), (s_mixed.WeightCount, s_mixed.BiasCount, s_mixed.DimIn, s_mixed.DimOut));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(37)]
    public void Forward_matches_the_plain_loop_reference(int batch)
    {
        var random = new Random(batch);
        double[] x = ProductHarness.Random(random, batch * s_mixed.DimIn);
        double[] w = ProductHarness.Random(random, s_mixed.WeightCount);
        double[] b = ProductHarness.Random(random, s_mixed.BiasCount);
        double[] output = Enumerable.Repeat(double.NaN, batch * s_mixed.DimOut).ToArray();
        LinearKernels.Mixed(Matrix(x, batch), new ReadOnlyTensorSpan<double>(w), new ReadOnlyTensorSpan<double>(b), Writable(output, batch));
        AssertClose(s_mixed.Forward(x, w, b, batch), output, 1e-12, "output");
    }

    [Fact]
    public void Float_matches_the_reference_to_single_precision()
    {
        const int Batch = 19;
        var random = new Random(5);
        var reference = new ReferenceLinear(LinearKernels.MixedIn, LinearKernels.MixedOut);
        double[] x = ProductHarness.Random(random, Batch * reference.DimIn);
        double[] w = ProductHarness.Random(random, reference.WeightCount);
        var output = new float[Batch * reference.DimOut];
        LinearKernels.MixedFloat(new ReadOnlyTensorSpan<float>(ToFloat(x), [Batch, reference.DimIn]), new ReadOnlyTensorSpan<float>(ToFloat(w)),
            new TensorSpan<float>(output, [Batch, reference.DimOut]));
        AssertClose(reference.Forward(x, w, [], Batch), output.Select(v => (double)v).ToArray(), 1e-5, "float output");

        double[] gradOutput = ProductHarness.Random(random, Batch * reference.DimOut);
        var gradInput = new float[x.Length];
        var gradWeights = new float[w.Length];
        LinearKernels.MixedFloatBackward(new ReadOnlyTensorSpan<float>(ToFloat(x), [Batch, reference.DimIn]), new ReadOnlyTensorSpan<float>(ToFloat(w)),
            new ReadOnlyTensorSpan<float>(ToFloat(gradOutput), [Batch, reference.DimOut]), new TensorSpan<float>(gradInput, [Batch, reference.DimIn]),
            new TensorSpan<float>(gradWeights));
        var (expectedInput, expectedWeights, _) = reference.Backward(x, w, gradOutput, Batch);
        AssertClose(expectedInput, gradInput.Select(v => (double)v).ToArray(), 1e-5, "float gradInput");
        AssertClose(expectedWeights, gradWeights.Select(v => (double)v).ToArray(), 1e-5, "float gradWeights");
    }

    [Fact]
    public void Path_normalization_follows_e3nn()
    {
        const int Batch = 5;
        var reference = new ReferenceLinear("4x0e+3x1o+2x0e", "5x0e+2x1o", pathNormalization: true);
        var random = new Random(11);
        double[] x = ProductHarness.Random(random, Batch * reference.DimIn);
        double[] w = ProductHarness.Random(random, reference.WeightCount);
        var output = new double[Batch * reference.DimOut];
        LinearKernels.PathNormalized(new ReadOnlyTensorSpan<double>(x, [Batch, reference.DimIn]), new ReadOnlyTensorSpan<double>(w),
            new TensorSpan<double>(output, [Batch, reference.DimOut]));
        AssertClose(reference.Forward(x, w, [], Batch), output, 1e-12, "output");
    }

    [Fact]
    public void Backward_matches_finite_differences_of_the_reference()
    {
        const int Batch = 6;
        var random = new Random(21);
        double[] x = ProductHarness.Random(random, Batch * s_mixed.DimIn);
        double[] w = ProductHarness.Random(random, s_mixed.WeightCount);
        double[] b = ProductHarness.Random(random, s_mixed.BiasCount);
        double[] gradOutput = ProductHarness.Random(random, Batch * s_mixed.DimOut);
        var (gradInput, gradWeights, gradBiases) = Backward(x, w, gradOutput, Batch);
        var expected = s_mixed.Backward(x, w, gradOutput, Batch);
        AssertClose(expected.Input, gradInput, 1e-12, "gradInput against the reference's loops");
        AssertClose(expected.Weights, gradWeights, 1e-12, "gradWeights against the reference's loops");
        AssertClose(expected.Biases, gradBiases, 1e-12, "gradBiases against the reference's loops");

        // The loss Σ gradOutput · f is linear in each argument, so central differences are exact up to rounding.
        const double H = 1e-3;
        double Derivative(double[] values, int k)
        {
            double saved = values[k];
            values[k] = saved + H;
            double plus = s_mixed.Loss(x, w, b, gradOutput, Batch);
            values[k] = saved - H;
            double minus = s_mixed.Loss(x, w, b, gradOutput, Batch);
            values[k] = saved;
            return (plus - minus) / (2 * H);
        }

        AssertClose(Enumerable.Range(0, x.Length).Select(k => Derivative(x, k)).ToArray(), gradInput, 1e-9, "gradInput");
        AssertClose(Enumerable.Range(0, w.Length).Select(k => Derivative(w, k)).ToArray(), gradWeights, 1e-9, "gradWeights");
        AssertClose(Enumerable.Range(0, b.Length).Select(k => Derivative(b, k)).ToArray(), gradBiases, 1e-9, "gradBiases");
    }

    [Fact]
    public void Rotating_the_input_rotates_the_output()
    {
        const int Batch = 4;
        var random = new Random(31);
        double[] x = ProductHarness.Random(random, Batch * s_mixed.DimIn);
        double[] w = ProductHarness.Random(random, s_mixed.WeightCount);
        double[] b = ProductHarness.Random(random, s_mixed.BiasCount);
        for (int trial = 0; trial < 4; trial++)
        {
            (double alpha, double beta, double gamma) = (random.NextDouble() * 2 * Math.PI, random.NextDouble() * Math.PI, random.NextDouble() * 2 * Math.PI);
            bool inversion = trial % 2 == 1;
            double[] rotatedOutput = EquivarianceTests.Rotate(LinearKernels.MixedOut, Forward(x, w, b, Batch), Batch, alpha, beta, gamma, inversion);
            double[] outputOfRotated = Forward(EquivarianceTests.Rotate(LinearKernels.MixedIn, x, Batch, alpha, beta, gamma, inversion), w, b, Batch);
            AssertClose(rotatedOutput, outputOfRotated, 1e-12, $"rotation {trial}");
            Assert.True(x.Zip(EquivarianceTests.Rotate(LinearKernels.MixedIn, x, Batch, alpha, beta, gamma, inversion), (p, q) => Math.Abs(p - q)).Max() > 1e-3);
        }
    }

    [Fact]
    public void A_wide_layer_on_the_GEMM_engine_matches_the_reference_forward_and_backward()
    {
        const int Batch = 67;
        var reference = new ReferenceLinear(LinearKernels.Wide, LinearKernels.Wide, biases: true);
        var random = new Random(41);
        double[] x = ProductHarness.Random(random, Batch * reference.DimIn);
        double[] w = ProductHarness.Random(random, reference.WeightCount);
        double[] b = ProductHarness.Random(random, reference.BiasCount);
        double[] gradOutput = ProductHarness.Random(random, Batch * reference.DimOut);
        var output = new double[Batch * reference.DimOut];
        LinearKernels.WideLayer(new ReadOnlyTensorSpan<double>(x, [Batch, reference.DimIn]), new ReadOnlyTensorSpan<double>(w), new ReadOnlyTensorSpan<double>(b),
            new TensorSpan<double>(output, [Batch, reference.DimOut]));
        AssertClose(reference.Forward(x, w, b, Batch), output, 1e-12, "output");

        var gradInput = new double[x.Length];
        var gradWeights = new double[w.Length];
        var gradBiases = new double[b.Length];
        LinearKernels.WideLayerBackward(new ReadOnlyTensorSpan<double>(x, [Batch, reference.DimIn]), new ReadOnlyTensorSpan<double>(w),
            new ReadOnlyTensorSpan<double>(gradOutput, [Batch, reference.DimOut]), new TensorSpan<double>(gradInput, [Batch, reference.DimIn]),
            new TensorSpan<double>(gradWeights), new TensorSpan<double>(gradBiases));
        var expected = reference.Backward(x, w, gradOutput, Batch);
        AssertClose(expected.Input, gradInput, 1e-11, "gradInput");
        AssertClose(expected.Weights, gradWeights, 1e-11, "gradWeights");
        AssertClose(expected.Biases, gradBiases, 1e-11, "gradBiases");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1030)]
    public void Paths_sharing_blocks_match_the_reference_on_a_strided_view(int batch)
    {
        // Two 1o blocks in and out: paths adding into one output block and reading one input block; padded rows.
        var reference = new ReferenceLinear(LinearKernels.RepeatedIn, LinearKernels.RepeatedOut, biases: true);
        var random = new Random(batch);
        double[] x = ProductHarness.Random(random, batch * reference.DimIn);
        double[] w = ProductHarness.Random(random, reference.WeightCount);
        double[] b = ProductHarness.Random(random, reference.BiasCount);
        double[] gradOutput = ProductHarness.Random(random, batch * reference.DimOut);
        double[] padded = new double[batch * (reference.DimIn + 2)];
        for (int z = 0; z < batch; z++)
        {
            Array.Copy(x, z * reference.DimIn, padded, z * (reference.DimIn + 2), reference.DimIn);
        }

        var input = new ReadOnlyTensorSpan<double>(padded, 0, [batch, reference.DimIn], [reference.DimIn + 2, 1]);
        var output = new double[batch * reference.DimOut];
        LinearKernels.Repeated(input, new ReadOnlyTensorSpan<double>(w), new ReadOnlyTensorSpan<double>(b), new TensorSpan<double>(output, [batch, reference.DimOut]));
        AssertClose(reference.Forward(x, w, b, batch), output, 1e-12, "output");

        var gradInput = Enumerable.Repeat(double.NaN, x.Length).ToArray();
        var gradWeights = new double[w.Length];
        var gradBiases = new double[b.Length];
        LinearKernels.RepeatedBackward(input, new ReadOnlyTensorSpan<double>(w), new ReadOnlyTensorSpan<double>(gradOutput, [batch, reference.DimOut]),
            new TensorSpan<double>(gradInput, [batch, reference.DimIn]), new TensorSpan<double>(gradWeights), new TensorSpan<double>(gradBiases));
        var expected = reference.Backward(x, w, gradOutput, batch);
        AssertClose(expected.Input, gradInput, 1e-11, "gradInput");
        AssertClose(expected.Weights, gradWeights, 1e-11, "gradWeights");
        AssertClose(expected.Biases, gradBiases, 1e-11, "gradBiases");
    }

    [Fact]
    public void Strided_views_give_the_dense_results()
    {
        const int Batch = 9, Pad = 5;
        var random = new Random(51);
        double[] x = ProductHarness.Random(random, Batch * s_mixed.DimIn);
        double[] w = ProductHarness.Random(random, s_mixed.WeightCount);
        double[] b = ProductHarness.Random(random, s_mixed.BiasCount);
        // Rows padded: row stride DimIn + Pad; the weights every other element.
        double[] paddedX = new double[Batch * (s_mixed.DimIn + Pad)];
        double[] spreadW = new double[2 * w.Length];
        for (int z = 0; z < Batch; z++)
        {
            Array.Copy(x, z * s_mixed.DimIn, paddedX, z * (s_mixed.DimIn + Pad), s_mixed.DimIn);
        }

        for (int k = 0; k < w.Length; k++)
        {
            spreadW[2 * k] = w[k];
        }

        double[] paddedOut = new double[Batch * (s_mixed.DimOut + Pad)];
        LinearKernels.Mixed(new ReadOnlyTensorSpan<double>(paddedX, 0, [Batch, s_mixed.DimIn], [s_mixed.DimIn + Pad, 1]),
            new ReadOnlyTensorSpan<double>(spreadW, 0, [w.Length], [2]), new ReadOnlyTensorSpan<double>(b),
            new TensorSpan<double>(paddedOut, 0, [Batch, s_mixed.DimOut], [s_mixed.DimOut + Pad, 1]));
        double[] expected = s_mixed.Forward(x, w, b, Batch);
        for (int z = 0; z < Batch; z++)
        {
            AssertClose(expected.AsSpan(z * s_mixed.DimOut, s_mixed.DimOut).ToArray(), paddedOut.AsSpan(z * (s_mixed.DimOut + Pad), s_mixed.DimOut).ToArray(),
                1e-12, $"row {z}");
            Assert.All(paddedOut.AsSpan((z * (s_mixed.DimOut + Pad)) + s_mixed.DimOut, Pad).ToArray(), v => Assert.Equal(0.0, v));
        }
    }

    [Fact]
    public void An_empty_batch_writes_zero_weight_and_bias_gradients()
    {
        var gradWeights = Enumerable.Repeat(7.0, s_mixed.WeightCount).ToArray();
        var gradBiases = Enumerable.Repeat(7.0, s_mixed.BiasCount).ToArray();
        LinearKernels.MixedBackward(new ReadOnlyTensorSpan<double>(Array.Empty<double>(), [0, s_mixed.DimIn]), new ReadOnlyTensorSpan<double>(new double[s_mixed.WeightCount]),
            new ReadOnlyTensorSpan<double>(Array.Empty<double>(), [0, s_mixed.DimOut]), new TensorSpan<double>(Array.Empty<double>(), [0, s_mixed.DimIn]),
            new TensorSpan<double>(gradWeights), new TensorSpan<double>(gradBiases));
        Assert.All(gradWeights, v => Assert.Equal(0.0, v));
        Assert.All(gradBiases, v => Assert.Equal(0.0, v));
    }

    [Theory]
    [InlineData(0, new[] { 4, 17 }, "input", "[Z, 16]")]
    [InlineData(1, new[] { 22 }, "weights", "[23]")]
    [InlineData(2, new[] { 3, 1 }, "biases", "[3]")]
    [InlineData(3, new[] { 5, 25 }, "output", "[4, 25]")]
    public void A_wrong_shape_throws_naming_the_parameter_and_both_shapes_and_writes_nothing(int which, int[] shape, string name, string expected)
    {
        int[][] shapes = { new[] { 4, 16 }, new[] { 23 }, new[] { 3 }, new[] { 4, 25 } };
        shapes[which] = shape;
        double[][] data = shapes.Select(s => Enumerable.Repeat(42.0, s.Aggregate(1, (p, n) => p * n)).ToArray()).ToArray();
        var error = Assert.Throws<ArgumentException>(() => LinearKernels.Mixed(
            new ReadOnlyTensorSpan<double>(data[0], shapes[0].Select(n => (nint)n).ToArray()),
            new ReadOnlyTensorSpan<double>(data[1], shapes[1].Select(n => (nint)n).ToArray()),
            new ReadOnlyTensorSpan<double>(data[2], shapes[2].Select(n => (nint)n).ToArray()),
            new TensorSpan<double>(data[3], shapes[3].Select(n => (nint)n).ToArray())));
        Assert.Equal(name, error.ParamName);
        Assert.Contains("[" + string.Join(", ", shape) + "]", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.All(data[3], v => Assert.Equal(42.0, v));
    }

    [Fact]
    public void A_gradient_overlapping_an_input_throws_before_writing()
    {
        var shared = new double[4 * s_mixed.DimOut];
        var gradWeights = Enumerable.Repeat(5.0, s_mixed.WeightCount).ToArray();
        var error = Assert.Throws<ArgumentException>(() => LinearKernels.MixedBackward(
            new ReadOnlyTensorSpan<double>(shared, [4, s_mixed.DimIn]), new ReadOnlyTensorSpan<double>(new double[s_mixed.WeightCount]),
            new ReadOnlyTensorSpan<double>(new double[4 * s_mixed.DimOut], [4, s_mixed.DimOut]), new TensorSpan<double>(shared, [4, s_mixed.DimIn]),
            new TensorSpan<double>(gradWeights), new TensorSpan<double>(new double[s_mixed.BiasCount])));
        Assert.Equal("gradInput", error.ParamName);
        Assert.All(gradWeights, v => Assert.Equal(5.0, v));
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double error = Math.Abs(expected[k] - actual[k]) / Math.Max(1, Math.Abs(expected[k]));
            Assert.True(error <= tolerance, $"{what}[{k}]: expected {expected[k]:R}, got {actual[k]:R} (error {error:E2} > {tolerance:E0})");
        }
    }

    private static double[] Forward(double[] x, double[] w, double[] b, int batch)
    {
        var output = new double[batch * s_mixed.DimOut];
        LinearKernels.Mixed(Matrix(x, batch), new ReadOnlyTensorSpan<double>(w), new ReadOnlyTensorSpan<double>(b), Writable(output, batch));
        return output;
    }

    private static (double[] Input, double[] Weights, double[] Biases) Backward(double[] x, double[] w, double[] gradOutput, int batch)
    {
        var gradInput = Enumerable.Repeat(double.NaN, x.Length).ToArray();
        var gradWeights = Enumerable.Repeat(double.NaN, w.Length).ToArray();
        var gradBiases = Enumerable.Repeat(double.NaN, s_mixed.BiasCount).ToArray();
        LinearKernels.MixedBackward(Matrix(x, batch), new ReadOnlyTensorSpan<double>(w), new ReadOnlyTensorSpan<double>(gradOutput, [batch, s_mixed.DimOut]),
            new TensorSpan<double>(gradInput, [batch, s_mixed.DimIn]), new TensorSpan<double>(gradWeights), new TensorSpan<double>(gradBiases));
        return (gradInput, gradWeights, gradBiases);
    }

    private static ReadOnlyTensorSpan<double> Matrix(double[] x, int batch) => new(x, [batch, s_mixed.DimIn]);

    private static TensorSpan<double> Writable(double[] output, int batch) => new(output, [batch, s_mixed.DimOut]);

    private static float[] ToFloat(double[] values) => values.Select(v => (float)v).ToArray();
}
