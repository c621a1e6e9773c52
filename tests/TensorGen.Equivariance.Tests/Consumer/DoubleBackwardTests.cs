using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;
using static TensorGen.Equivariance.Tests.Consumer.DoubleBackwardHarness;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// [TensorProductDoubleBackward] for the twelve random products (every connection mode, normalization, shared and per-row
/// weights, weighted and unweighted paths in one product) and an unweighted one: every result against central differences
/// of L = ⟨a1, gradX1⟩ + ⟨a2, gradX2⟩ + ⟨aw, gradWeights⟩ computed by the product's backward kernel, and against the
/// composition of the declared forward and backward kernels on swapped arguments; float callers; bad arguments.
/// </summary>
public sealed class DoubleBackwardTests
{
    public static IEnumerable<object[]> Products => RandomProducts.All.Select((_, i) => new object[] { i });

    /// <summary>Batch 9: one full tile of AVX-512 doubles and a ragged one.</summary>
    private const int Batch = 9;

    [Theory]
    [MemberData(nameof(Products))]
    public void Every_result_matches_central_differences_of_the_backward_pass(int product)
    {
        DeclaredProduct p = RandomProducts.All[product];
        var o = Operands.Draw(p, new Random(5000 + product));
        var (gx1, gx2, gw, ggo) = DoubleBackward(product, o);

        double Loss(double[] x1, double[] x2, double[] w, double[] g)
        {
            var (b1, b2, bw) = ProductHarness.Backward(p, x1, x2, w, g, Batch);
            return Dot(o.A1, b1) + Dot(o.A2, b2) + Dot(o.Aw, bw);
        }

        AssertCentralDifferences(o.X1, gx1, v => Loss(v, o.X2, o.W, o.G), $"{p.Name} gradX1");
        AssertCentralDifferences(o.X2, gx2, v => Loss(o.X1, v, o.W, o.G), $"{p.Name} gradX2");
        AssertCentralDifferences(o.W, gw, v => Loss(o.X1, o.X2, v, o.G), $"{p.Name} gradWeights");
        AssertCentralDifferences(o.G, ggo, v => Loss(o.X1, o.X2, o.W, v), $"{p.Name} gradGradOutput");
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void Double_backward_is_the_sum_of_forward_and_backward_kernels_on_swapped_arguments(int product)
    {
        DeclaredProduct p = RandomProducts.All[product];
        var o = Operands.Draw(p, new Random(6000 + product));
        var (gx1, gx2, gw, ggo) = DoubleBackward(product, o);

        // The products in the weights' direction keep only the weighted paths: TP°(x1, x2; aw) = TP(x1, x2; aw) − TP(x1, x2; 0).
        double[] zero = new double[o.W.Length];
        double[] weightedForward = Subtract(ProductHarness.Forward(p, o.X1, o.X2, o.Aw, Batch), ProductHarness.Forward(p, o.X1, o.X2, zero, Batch));
        var inWeights = ProductHarness.Backward(p, o.X1, o.X2, o.Aw, o.G, Batch);
        var atZero = ProductHarness.Backward(p, o.X1, o.X2, zero, o.G, Batch);
        var fromA1 = ProductHarness.Backward(p, o.A1, o.X2, o.W, o.G, Batch);
        var fromA2 = ProductHarness.Backward(p, o.X1, o.A2, o.W, o.G, Batch);

        AssertRelative(Add(ProductHarness.Forward(p, o.A1, o.X2, o.W, Batch), ProductHarness.Forward(p, o.X1, o.A2, o.W, Batch), weightedForward), ggo, $"{p.Name} gradGradOutput");
        AssertRelative(Add(fromA2.GradX1, Subtract(inWeights.GradX1, atZero.GradX1)), gx1, $"{p.Name} gradX1");
        AssertRelative(Add(fromA1.GradX2, Subtract(inWeights.GradX2, atZero.GradX2)), gx2, $"{p.Name} gradX2");
        AssertRelative(Add(fromA1.GradWeights, fromA2.GradWeights), gw, $"{p.Name} gradWeights");

        // Run to run the same bits.
        var again = DoubleBackward(product, o);
        Assert.Equal(gx1, again.GradX1);
        Assert.Equal(gw, again.GradWeights);
        Assert.Equal(ggo, again.GradGradOutput);
    }

    public static TheoryData<string> Kinds => new() { "Channelwise", "FullyConnected", "Elementwise", "Full" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_matches_central_differences_of_the_dense_reference_backward(string kind)
    {
        var (d, kernel) = kind switch
        {
            "Channelwise" => (ConvolutionKernels.Nequip, (TensorProductDoubleBackward<double>)ConvolutionKernels.NequipMessageDoubleBackward),
            "FullyConnected" => (ConvolutionKernels.Shared, ConvolutionKernels.SharedMessageDoubleBackward),
            "Elementwise" => (TensorProductDescription.Create("4x0e+2x1o+2x1o+2x2e", "4x0e+2x1e+2x1o+2x2o", "", kind: TensorProductKind.Elementwise),
                ConformanceKernels.ElementwiseComponentDoubleDoubleBackward),
            _ => (TensorProductDescription.Create("2x0e+2x1o", "1x1o+1x2e", "", kind: TensorProductKind.Full), ConformanceKernels.FullTensorProductComponentDoubleDoubleBackward),
        };
        var random = new Random(7500);
        int weights = ProductHarness.WeightLength(d, Batch);
        double[] x1 = ProductHarness.Random(random, Batch * d.Dim1), x2 = ProductHarness.Random(random, Batch * d.Dim2), w = ProductHarness.Random(random, weights);
        double[] g = ProductHarness.Random(random, Batch * d.DimOut), a1 = ProductHarness.Random(random, x1.Length), a2 = ProductHarness.Random(random, x2.Length);
        double[] aw = ProductHarness.Random(random, weights);
        nint[] weightShape = ProductHarness.WeightShape(d, Batch);
        var (gx1, gx2, gw, ggo) = (new double[x1.Length], new double[x2.Length], new double[w.Length], new double[g.Length]);
        kernel(Rows(x1, d.Dim1), Rows(x2, d.Dim2), new ReadOnlyTensorSpan<double>(w, weightShape), Rows(g, d.DimOut), Rows(a1, d.Dim1), Rows(a2, d.Dim2),
            new ReadOnlyTensorSpan<double>(aw, weightShape), Result(gx1, d.Dim1), Result(gx2, d.Dim2), new TensorSpan<double>(gw, weightShape), Result(ggo, d.DimOut));

        // The loss through the tests' own dense product (Racah 3j), independent of the generated kernels.
        var reference = ProductHarness.Reference(d);
        double Loss(double[] u, double[] v, double[] ws, double[] gu)
        {
            var (b1, b2, bw) = reference.Backward(u, v, ws, gu, Batch);
            return Dot(a1, b1) + Dot(a2, b2) + Dot(aw, bw);
        }

        AssertCentralDifferences(x1, gx1, v => Loss(v, x2, w, g), $"{kind} gradX1");
        AssertCentralDifferences(x2, gx2, v => Loss(x1, v, w, g), $"{kind} gradX2");
        AssertCentralDifferences(w, gw, v => Loss(x1, x2, v, g), $"{kind} gradWeights");
        AssertCentralDifferences(g, ggo, v => Loss(x1, x2, w, v), $"{kind} gradGradOutput");
    }

    [Fact]
    public void Unweighted_products_take_no_weights()
    {
        TensorProductDescription d = ConvolutionKernels.Unweighted;
        var random = new Random(7000);
        double[] x1 = ProductHarness.Random(random, Batch * d.Dim1), x2 = ProductHarness.Random(random, Batch * d.Dim2), g = ProductHarness.Random(random, Batch * d.DimOut);
        double[] a1 = ProductHarness.Random(random, x1.Length), a2 = ProductHarness.Random(random, x2.Length);
        var (gx1, gx2, ggo) = (new double[x1.Length], new double[x2.Length], new double[g.Length]);
        ConvolutionKernels.UnweightedMessageDoubleBackward(Rows(x1, d.Dim1), Rows(x2, d.Dim2), Rows(g, d.DimOut), Rows(a1, d.Dim1), Rows(a2, d.Dim2),
            Result(gx1, d.Dim1), Result(gx2, d.Dim2), Result(ggo, d.DimOut));

        (double[] B1, double[] B2) Backward(double[] u, double[] v, double[] gu)
        {
            var (b1, b2) = (new double[x1.Length], new double[x2.Length]);
            ConvolutionKernels.UnweightedMessageBackward(Rows(u, d.Dim1), Rows(v, d.Dim2), Rows(gu, d.DimOut), Result(b1, d.Dim1), Result(b2, d.Dim2));
            return (b1, b2);
        }

        double Loss(double[] u, double[] v, double[] gu)
        {
            var (b1, b2) = Backward(u, v, gu);
            return Dot(a1, b1) + Dot(a2, b2);
        }

        AssertCentralDifferences(x1, gx1, v => Loss(v, x2, g), "gradX1");
        AssertCentralDifferences(x2, gx2, v => Loss(x1, v, g), "gradX2");
        AssertCentralDifferences(g, ggo, v => Loss(x1, x2, v), "gradGradOutput");

        double[] Forward(double[] u, double[] v)
        {
            var output = new double[g.Length];
            ConvolutionKernels.UnweightedMessage(Rows(u, d.Dim1), Rows(v, d.Dim2), Result(output, d.DimOut));
            return output;
        }

        AssertRelative(Add(Forward(a1, x2), Forward(x1, a2)), ggo, "gradGradOutput = TP(a1, x2) + TP(x1, a2)");
        AssertRelative(Backward(x1, a2, g).B1, gx1, "gradX1 = B1(x1, a2; g)");
        AssertRelative(Backward(a1, x2, g).B2, gx2, "gradX2 = B2(a1, x2; g)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Float_callers_match_double_within_float_precision(int product)
    {
        DeclaredProduct p = RandomProducts.All[product];
        TensorProductDescription d = p.Description;
        const int Rows = 37;
        var random = new Random(8000 + product);
        var o = Operands.Draw(p, random, Rows);
        var expected = DoubleBackward(product, o, Rows);

        float[] F(double[] v) => v.Select(x => (float)x).ToArray();
        nint[] weights = ProductHarness.WeightShape(d, Rows);
        var (gx1, gx2, gw, ggo) = (new float[o.X1.Length], new float[o.X2.Length], new float[o.W.Length], new float[o.G.Length]);
        TensorProductDoubleBackward<float> kernel = product == 0 ? RandomProducts.Random00DoubleBackwardSingle : RandomProducts.Random01DoubleBackwardSingle;
        kernel(new ReadOnlyTensorSpan<float>(F(o.X1), [Rows, d.Dim1]), new ReadOnlyTensorSpan<float>(F(o.X2), [Rows, d.Dim2]), new ReadOnlyTensorSpan<float>(F(o.W), weights),
            new ReadOnlyTensorSpan<float>(F(o.G), [Rows, d.DimOut]), new ReadOnlyTensorSpan<float>(F(o.A1), [Rows, d.Dim1]), new ReadOnlyTensorSpan<float>(F(o.A2), [Rows, d.Dim2]),
            new ReadOnlyTensorSpan<float>(F(o.Aw), weights), new TensorSpan<float>(gx1, [Rows, d.Dim1]), new TensorSpan<float>(gx2, [Rows, d.Dim2]),
            new TensorSpan<float>(gw, weights), new TensorSpan<float>(ggo, [Rows, d.DimOut]));

        double[] D(float[] v) => v.Select(x => (double)x).ToArray();
        GeneratedConformanceTests.AssertRelative(expected.GradX1, D(gx1), $"{p.Name} float gradX1");
        GeneratedConformanceTests.AssertRelative(expected.GradX2, D(gx2), $"{p.Name} float gradX2");
        GeneratedConformanceTests.AssertRelative(expected.GradWeights, D(gw), $"{p.Name} float gradWeights");
        GeneratedConformanceTests.AssertRelative(expected.GradGradOutput, D(ggo), $"{p.Name} float gradGradOutput");
    }

    [Fact]
    public void Strided_views_give_the_dense_results()
    {
        DeclaredProduct p = RandomProducts.All[0]; // per-row weights
        TensorProductDescription d = p.Description;
        var o = Operands.Draw(p, new Random(8500));
        var expected = DoubleBackward(0, o);

        // gradGradX1 stored feature-major (a transposed view), gradX2 written with every other element (column stride 2).
        double[] a1Transposed = new double[o.A1.Length];
        for (int row = 0; row < Batch; row++)
        {
            for (int f = 0; f < d.Dim1; f++)
            {
                a1Transposed[(f * Batch) + row] = o.A1[(row * d.Dim1) + f];
            }
        }

        double[] gx2Spread = new double[2 * o.X2.Length];
        var (gx1, gw, ggo) = (new double[o.X1.Length], new double[o.W.Length], new double[o.G.Length]);
        RandomProducts.Random00DoubleBackward(Rows(o.X1, d.Dim1), Rows(o.X2, d.Dim2), new ReadOnlyTensorSpan<double>(o.W, [Batch, d.WeightCount]), Rows(o.G, d.DimOut),
            new ReadOnlyTensorSpan<double>(a1Transposed, 0, [Batch, d.Dim1], [1, Batch]), Rows(o.A2, d.Dim2), new ReadOnlyTensorSpan<double>(o.Aw, [Batch, d.WeightCount]),
            Result(gx1, d.Dim1), new TensorSpan<double>(gx2Spread, 0, [Batch, d.Dim2], [2 * d.Dim2, 2]), new TensorSpan<double>(gw, [Batch, d.WeightCount]),
            Result(ggo, d.DimOut));
        Assert.Equal(expected.GradX1, gx1);
        Assert.Equal(expected.GradX2, gx2Spread.Where((_, i) => i % 2 == 0).ToArray());
        Assert.Equal(expected.GradWeights, gw);
        Assert.Equal(expected.GradGradOutput, ggo);
    }

    [Fact]
    public void A_wrong_upstream_shape_names_the_operand_and_both_shapes_before_any_write()
    {
        DeclaredProduct p = RandomProducts.All[0]; // per-row weights
        TensorProductDescription d = p.Description;
        var o = Operands.Draw(p, new Random(9000));
        var results = Filled(o);
        var error = Assert.Throws<ArgumentException>(() => RandomProducts.Random00DoubleBackward(Rows(o.X1, d.Dim1), Rows(o.X2, d.Dim2),
            new ReadOnlyTensorSpan<double>(o.W, [Batch, d.WeightCount]), Rows(o.G, d.DimOut), Rows(o.A1, d.Dim1),
            new ReadOnlyTensorSpan<double>(o.A2, 0, [Batch - 1, d.Dim2], [d.Dim2, 1]), new ReadOnlyTensorSpan<double>(o.Aw, [Batch, d.WeightCount]),
            Result(results.GradX1, d.Dim1), Result(results.GradX2, d.Dim2), new TensorSpan<double>(results.GradWeights, [Batch, d.WeightCount]), Result(results.GradGradOutput, d.DimOut)));
        Assert.Equal("gradGradX2", error.ParamName);
        Assert.Contains($"[{Batch - 1}, {d.Dim2}]", error.Message, StringComparison.Ordinal);
        Assert.Contains($"[{Batch}, {d.Dim2}]", error.Message, StringComparison.Ordinal);
        AssertUntouched(results);

        // The weights' upstream gradient must be shaped as the weights: [Z, W] here.
        error = Assert.Throws<ArgumentException>(() => RandomProducts.Random00DoubleBackward(Rows(o.X1, d.Dim1), Rows(o.X2, d.Dim2),
            new ReadOnlyTensorSpan<double>(o.W, [Batch, d.WeightCount]), Rows(o.G, d.DimOut), Rows(o.A1, d.Dim1), Rows(o.A2, d.Dim2),
            new ReadOnlyTensorSpan<double>(o.Aw, 0, [d.WeightCount], [1]),
            Result(results.GradX1, d.Dim1), Result(results.GradX2, d.Dim2), new TensorSpan<double>(results.GradWeights, [Batch, d.WeightCount]), Result(results.GradGradOutput, d.DimOut)));
        Assert.Equal("gradGradWeights", error.ParamName);
        AssertUntouched(results);
    }

    [Fact]
    public void A_result_sharing_memory_with_an_input_or_another_result_throws_before_any_write()
    {
        DeclaredProduct p = RandomProducts.All[1]; // shared weights
        TensorProductDescription d = p.Description;
        var o = Operands.Draw(p, new Random(9100));
        var results = Filled(o);

        // gradX1 written over gradGradX1 (an in-place update would read overwritten values).
        double[] aliased = (double[])o.A1.Clone();
        var error = Assert.Throws<ArgumentException>(() => RandomProducts.Random01DoubleBackward(Rows(o.X1, d.Dim1), Rows(o.X2, d.Dim2),
            new ReadOnlyTensorSpan<double>(o.W, [d.WeightCount]), Rows(o.G, d.DimOut), Rows(aliased, d.Dim1), Rows(o.A2, d.Dim2),
            new ReadOnlyTensorSpan<double>(o.Aw, [d.WeightCount]), Result(aliased, d.Dim1), Result(results.GradX2, d.Dim2),
            new TensorSpan<double>(results.GradWeights, [d.WeightCount]), Result(results.GradGradOutput, d.DimOut)));
        Assert.Equal("gradX1", error.ParamName);
        Assert.Contains("gradGradX1", error.Message, StringComparison.Ordinal);
        Assert.Equal(o.A1, aliased);

        // gradGradOutput over gradX2's memory.
        double[] shared = Enumerable.Repeat(42.0, Math.Max(o.X2.Length, o.G.Length)).ToArray();
        error = Assert.Throws<ArgumentException>(() => RandomProducts.Random01DoubleBackward(Rows(o.X1, d.Dim1), Rows(o.X2, d.Dim2),
            new ReadOnlyTensorSpan<double>(o.W, [d.WeightCount]), Rows(o.G, d.DimOut), Rows(o.A1, d.Dim1), Rows(o.A2, d.Dim2),
            new ReadOnlyTensorSpan<double>(o.Aw, [d.WeightCount]), Result(results.GradX1, d.Dim1), new TensorSpan<double>(shared, 0, [Batch, d.Dim2], [d.Dim2, 1]),
            new TensorSpan<double>(results.GradWeights, [d.WeightCount]), new TensorSpan<double>(shared, 0, [Batch, d.DimOut], [d.DimOut, 1])));
        Assert.Equal("gradGradOutput", error.ParamName);
        Assert.All(shared, v => Assert.Equal(42.0, v));
        AssertUntouched(results);
    }

    /// <summary>The operands of one call: the forward's inputs, gradOutput and the upstream gradients a1, a2, aw.</summary>
    internal sealed record Operands(int Rows, double[] X1, double[] X2, double[] W, double[] G, double[] A1, double[] A2, double[] Aw)
    {
        public static Operands Draw(DeclaredProduct p, Random random, int rows = Batch)
        {
            TensorProductDescription d = p.Description;
            int weights = ProductHarness.WeightLength(d, rows);
            return new Operands(rows, ProductHarness.Random(random, rows * d.Dim1), ProductHarness.Random(random, rows * d.Dim2), ProductHarness.Random(random, weights),
                ProductHarness.Random(random, rows * d.DimOut), ProductHarness.Random(random, rows * d.Dim1), ProductHarness.Random(random, rows * d.Dim2),
                ProductHarness.Random(random, weights));
        }
    }

    private static (double[] GradX1, double[] GradX2, double[] GradWeights, double[] GradGradOutput) DoubleBackward(int product, Operands o, int rows = Batch)
    {
        DeclaredProduct p = RandomProducts.All[product];
        TensorProductDescription d = p.Description;
        nint[] weights = ProductHarness.WeightShape(d, rows);
        var results = (new double[o.X1.Length], new double[o.X2.Length], new double[o.W.Length], new double[o.G.Length]);
        RandomProducts.DoubleBackwards[product](new ReadOnlyTensorSpan<double>(o.X1, [rows, d.Dim1]), new ReadOnlyTensorSpan<double>(o.X2, [rows, d.Dim2]),
            new ReadOnlyTensorSpan<double>(o.W, weights), new ReadOnlyTensorSpan<double>(o.G, [rows, d.DimOut]), new ReadOnlyTensorSpan<double>(o.A1, [rows, d.Dim1]),
            new ReadOnlyTensorSpan<double>(o.A2, [rows, d.Dim2]), new ReadOnlyTensorSpan<double>(o.Aw, weights), new TensorSpan<double>(results.Item1, [rows, d.Dim1]),
            new TensorSpan<double>(results.Item2, [rows, d.Dim2]), new TensorSpan<double>(results.Item3, weights), new TensorSpan<double>(results.Item4, [rows, d.DimOut]));
        return results;
    }

    private static (double[] GradX1, double[] GradX2, double[] GradWeights, double[] GradGradOutput) Filled(Operands o) =>
        (Enumerable.Repeat(42.0, o.X1.Length).ToArray(), Enumerable.Repeat(42.0, o.X2.Length).ToArray(), Enumerable.Repeat(42.0, o.W.Length).ToArray(),
            Enumerable.Repeat(42.0, o.G.Length).ToArray());

    private static void AssertUntouched((double[] GradX1, double[] GradX2, double[] GradWeights, double[] GradGradOutput) results) =>
        Assert.All(results.GradX1.Concat(results.GradX2).Concat(results.GradWeights).Concat(results.GradGradOutput), v => Assert.Equal(42.0, v));

    private static ReadOnlyTensorSpan<double> Rows(double[] values, int features) => new(values, [values.Length / features, features]);

    private static TensorSpan<double> Result(double[] values, int features) => new(values, [values.Length / features, features]);
}
