using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance.Tests.Conformance;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>What the generated methods accept and refuse at run time: shapes, strided views, overlaps, empty batches.</summary>
public sealed class ArgumentTests
{
    private static readonly TensorProductDescription s_tp = TensorProductDescription.Create("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e");

    [Fact]
    public void The_issue_example_has_18_shared_weights_and_13_outputs() =>
        Assert.Equal((8, 4, 13, 18), (s_tp.Dim1, s_tp.Dim2, s_tp.DimOut, s_tp.WeightCount));

    [Theory]
    [InlineData(0, new[] { 5, 7 }, "x1")]
    [InlineData(1, new[] { 4, 4 }, "x2")]
    [InlineData(2, new[] { 5, 18 }, "weights")]
    [InlineData(2, new[] { 17 }, "weights")]
    [InlineData(3, new[] { 5, 12 }, "output")]
    [InlineData(3, new[] { 5, 13, 1 }, "output")]
    public void A_wrong_shape_throws_naming_the_parameter_and_writes_nothing(int which, int[] shape, string name)
    {
        int[][] shapes = { new[] { 5, 8 }, new[] { 5, 4 }, new[] { 18 }, new[] { 5, 13 } };
        shapes[which] = shape;
        double[][] data = shapes.Select(s => Enumerable.Repeat(42.0, s.Aggregate(1, (p, n) => p * n)).ToArray()).ToArray();
        var error = Assert.Throws<ArgumentException>(() => CallKernels.Tp(
            new ReadOnlyTensorSpan<double>(data[0], shapes[0].Select(n => (nint)n).ToArray()),
            new ReadOnlyTensorSpan<double>(data[1], shapes[1].Select(n => (nint)n).ToArray()),
            new ReadOnlyTensorSpan<double>(data[2], shapes[2].Select(n => (nint)n).ToArray()),
            new TensorSpan<double>(data[3], shapes[3].Select(n => (nint)n).ToArray())));
        Assert.Equal(name, error.ParamName);
        Assert.All(data[3], v => Assert.Equal(42.0, v));
    }

    [Fact]
    public void An_output_overlapping_an_input_throws()
    {
        var memory = new double[40 + 65];
        var error = Assert.Throws<ArgumentException>(() => CallKernels.Tp(
            new ReadOnlyTensorSpan<double>(memory, 0, [5, 8], [8, 1]), new ReadOnlyTensorSpan<double>(new double[20], [5, 4]),
            new ReadOnlyTensorSpan<double>(new double[18], [18]), new TensorSpan<double>(memory, 30, [5, 13], [13, 1])));
        Assert.Equal("output", error.ParamName);
    }

    [Fact]
    public void An_output_whose_rows_share_memory_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => CallKernels.Tp(
            new ReadOnlyTensorSpan<double>(new double[40], [5, 8]), new ReadOnlyTensorSpan<double>(new double[20], [5, 4]),
            new ReadOnlyTensorSpan<double>(new double[18], [18]), new TensorSpan<double>(new double[13], 0, [5, 13], [0, 1])));
        Assert.Equal("output", error.ParamName);
    }

    [Fact]
    public void Gradients_that_overlap_each_other_throw()
    {
        var gradients = new double[60];
        var error = Assert.Throws<ArgumentException>(() => CallKernels.TpBackward(
            new ReadOnlyTensorSpan<double>(new double[40], [5, 8]), new ReadOnlyTensorSpan<double>(new double[20], [5, 4]),
            new ReadOnlyTensorSpan<double>(new double[18], [18]), new ReadOnlyTensorSpan<double>(new double[65], [5, 13]),
            new TensorSpan<double>(gradients, 0, [5, 8], [8, 1]), new TensorSpan<double>(gradients, 30, [5, 4], [4, 1]),
            new TensorSpan<double>(new double[18], [18])));
        Assert.Equal("gradX2", error.ParamName);
    }

    [Fact]
    public void Strided_and_broadcast_views_give_the_dense_result()
    {
        var random = new Random(11);
        const int Batch = 19;
        double[] x1 = ProductHarness.Random(random, Batch * 8), x2 = ProductHarness.Random(random, 4), w = ProductHarness.Random(random, 18);
        double[] g = ProductHarness.Random(random, Batch * 13);

        // x1 transposed in memory ([8, Z] stored, viewed [Z, 8]); x2 one row broadcast (row stride 0); weights every other element.
        double[] x1Transposed = new double[8 * Batch];
        for (int z = 0; z < Batch; z++)
        {
            for (int f = 0; f < 8; f++)
            {
                x1Transposed[(f * Batch) + z] = x1[(z * 8) + f];
            }
        }

        double[] wSpread = new double[36];
        for (int i = 0; i < 18; i++)
        {
            wSpread[2 * i] = w[i];
        }

        double[] x2Dense = Enumerable.Range(0, Batch).SelectMany(_ => x2).ToArray();
        var output = new double[Batch * 13 * 2];
        CallKernels.Tp(new ReadOnlyTensorSpan<double>(x1Transposed, 0, [Batch, 8], [1, Batch]), new ReadOnlyTensorSpan<double>(x2, 0, [Batch, 4], [0, 1]),
            new ReadOnlyTensorSpan<double>(wSpread, 0, [18], [2]), new TensorSpan<double>(output, 0, [Batch, 13], [26, 2]));

        ReferenceTensorProduct reference = ProductHarness.Reference(s_tp);
        double[] expected = reference.Forward(x1, x2Dense, w, Batch);
        double[] actual = Enumerable.Range(0, Batch * 13).Select(i => output[((i / 13) * 26) + (2 * (i % 13))]).ToArray();
        TensorProductConformanceTests.AssertClose(expected, actual, "strided output");
        Assert.All(Enumerable.Range(0, Batch * 13).Select(i => output[((i / 13) * 26) + (2 * (i % 13)) + 1]), v => Assert.Equal(0.0, v));

        var gradWeights = new double[18];
        var gradX1 = new double[Batch * 8];
        var gradX2 = new double[Batch * 4];
        CallKernels.TpBackward(new ReadOnlyTensorSpan<double>(x1, [Batch, 8]), new ReadOnlyTensorSpan<double>(x2, 0, [Batch, 4], [0, 1]),
            new ReadOnlyTensorSpan<double>(w, [18]), new ReadOnlyTensorSpan<double>(g, [Batch, 13]),
            new TensorSpan<double>(gradX1, [Batch, 8]), new TensorSpan<double>(gradX2, [Batch, 4]), new TensorSpan<double>(gradWeights, [18]));
        var (_, _, expectedWeights) = reference.Backward(x1, x2Dense, w, g, Batch);
        TensorProductConformanceTests.AssertClose(expectedWeights, gradWeights, "shared weight gradient");
    }

    [Fact]
    public void An_empty_batch_writes_nothing_and_zeroes_shared_weight_gradients()
    {
        var gradWeights = Enumerable.Repeat(5.0, 18).ToArray();
        CallKernels.Tp(new ReadOnlyTensorSpan<double>(new double[0], [0, 8]), new ReadOnlyTensorSpan<double>(new double[0], [0, 4]),
            new ReadOnlyTensorSpan<double>(new double[18], [18]), new TensorSpan<double>(new double[0], [0, 13]));
        CallKernels.TpBackward(new ReadOnlyTensorSpan<double>(new double[0], [0, 8]), new ReadOnlyTensorSpan<double>(new double[0], [0, 4]),
            new ReadOnlyTensorSpan<double>(new double[18], [18]), new ReadOnlyTensorSpan<double>(new double[0], [0, 13]),
            new TensorSpan<double>(new double[0], [0, 8]), new TensorSpan<double>(new double[0], [0, 4]), new TensorSpan<double>(gradWeights, [18]));
        Assert.All(gradWeights, v => Assert.Equal(0.0, v));
    }

    /// <summary>
    /// 2x1o ⊗ 2x1o elementwise, which takes no weights parameter: output and gradients equal the reference's, and the 0e output of
    /// each pair is, in closed form, x·y/√3 (C(1,1,0) = δᵢⱼ/√3, path weight 1: one path per output).
    /// </summary>
    [Fact]
    public void A_product_without_weights_takes_no_weights_parameter()
    {
        var description = TensorProductDescription.Create("2x1o", "2x1o", "", kind: TensorProductKind.Elementwise);
        Assert.Equal("2x0e+2x1e+2x2e", description.IrrepsOut);
        const int Batch = 3;
        var random = new Random(5);
        float[] a = ProductHarness.Random(random, Batch * 6).Select(v => (float)v).ToArray(), b = ProductHarness.Random(random, Batch * 6).Select(v => (float)v).ToArray();
        float[] g = ProductHarness.Random(random, Batch * 18).Select(v => (float)v).ToArray();
        var output = new float[Batch * description.DimOut];
        CallKernels.Cross(new ReadOnlyTensorSpan<float>(a, [Batch, 6]), new ReadOnlyTensorSpan<float>(b, [Batch, 6]), new TensorSpan<float>(output, [Batch, 18]));
        var gradX1 = new float[Batch * 6];
        var gradX2 = new float[Batch * 6];
        CallKernels.CrossBackward(new ReadOnlyTensorSpan<float>(a, [Batch, 6]), new ReadOnlyTensorSpan<float>(b, [Batch, 6]),
            new ReadOnlyTensorSpan<float>(g, [Batch, 18]), new TensorSpan<float>(gradX1, [Batch, 6]), new TensorSpan<float>(gradX2, [Batch, 6]));

        double[] x = Widen(a), y = Widen(b), gradOutput = Widen(g);
        ReferenceTensorProduct reference = ProductHarness.Reference(description);
        TensorProductConformanceTests.AssertClose(reference.Forward(x, y, [], Batch), Widen(output), "elementwise output", 1e-5);
        var (expectedX1, expectedX2, _) = reference.Backward(x, y, [], gradOutput, Batch);
        TensorProductConformanceTests.AssertClose(expectedX1, Widen(gradX1), "elementwise gradX1", 1e-5);
        TensorProductConformanceTests.AssertClose(expectedX2, Widen(gradX2), "elementwise gradX2", 1e-5);
        for (int row = 0; row < Batch; row++)
        {
            for (int pair = 0; pair < 2; pair++)
            {
                double dot = Enumerable.Range(0, 3).Sum(i => x[(row * 6) + (pair * 3) + i] * y[(row * 6) + (pair * 3) + i]);
                Assert.Equal(dot / Math.Sqrt(3), output[(row * 18) + pair], 1e-6);
            }
        }
    }

    private static double[] Widen(float[] values) => values.Select(v => (double)v).ToArray();

    [Fact]
    public void The_legacy_convention_flips_exactly_the_paths_whose_symbols_differ()
    {
        // C(1,1,0) and C(1,1,2) are the same in both conventions, C(2,1,2) has the opposite sign in e3nn 0.4.4: the kernel follows
        // the legacy symbols, and differs from the e3nn >= 0.5 product.
        var description = TensorProductDescription.Create("3x1o+2x2e", "1x1o", "3x0e+3x2e+2x2o", "0,0,0,uvu,true; 0,0,1,uvu,true; 1,0,2,uvu,true",
            sharedWeights: false, wigner3j: Wigner3jConvention.E3nnLegacy);
        var random = new Random(9);
        const int Batch = 10;
        double[] x1 = ProductHarness.Random(random, Batch * description.Dim1), x2 = ProductHarness.Random(random, Batch * 3);
        double[] w = ProductHarness.Random(random, Batch * description.WeightCount);
        var output = new double[Batch * description.DimOut];
        CallKernels.Legacy(new ReadOnlyTensorSpan<double>(x1, [Batch, description.Dim1]), new ReadOnlyTensorSpan<double>(x2, [Batch, 3]),
            new ReadOnlyTensorSpan<double>(w, [Batch, description.WeightCount]), new TensorSpan<double>(output, [Batch, description.DimOut]));

        ReferenceTensorProduct Reference(Wigner3jConvention convention) => ReferenceTensorProduct.Of(description, convention);

        TensorProductConformanceTests.AssertClose(Reference(Wigner3jConvention.E3nnLegacy).Forward(x1, x2, w, Batch), output, "legacy");
        double[] modern = Reference(Wigner3jConvention.E3nn).Forward(x1, x2, w, Batch);
        Assert.True(modern.Zip(output, (m, l) => Math.Abs(m - l)).Max() > 1e-3, "C(2,1,2) differs between the conventions");
    }
}
