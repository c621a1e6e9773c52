using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// [TensorProductConvolution] against the unfused computation it replaces — the declared product on gathered rows, then a
/// plain scatter — and against the dense reference product; [TensorProductConvolutionBackward] against central finite
/// differences of the fused forward for every input, and against the product's backward pass plus a plain scatter.
/// </summary>
public sealed class ConvolutionTests
{
    /// <summary>A graph of <paramref name="edges"/> random edges between <paramref name="nodes"/> senders and <paramref name="targets"/> receivers; the last receiver gets none.</summary>
    private static (int[] Senders, int[] Receivers) Graph(Random random, int nodes, int targets, int edges)
    {
        int[] senders = Enumerable.Range(0, edges).Select(_ => random.Next(nodes)).ToArray();
        int[] receivers = Enumerable.Range(0, edges).Select(_ => random.Next(Math.Max(1, targets - 1))).ToArray();
        return (senders, receivers);
    }

    [Fact]
    public void Forward_is_the_product_of_gathered_rows_scattered_into_receivers_bit_for_bit()
    {
        var random = new Random(1);
        TensorProductDescription d = ConvolutionKernels.Nequip;
        const int Nodes = 7, Targets = 6, Edges = 23;
        var (senders, receivers) = Graph(random, Nodes, Targets, Edges);
        double[] x = ProductHarness.Random(random, Nodes * d.Dim1), y = ProductHarness.Random(random, Edges * d.Dim2);
        double[] w = ProductHarness.Random(random, Edges * d.WeightCount);

        double[] fused = NequipForward(x, y, w, senders, receivers, Nodes, Targets);

        // Unfused: the declared product on x[senders], then out[receivers[e]] += m[e] in edge order.
        double[] gathered = Gather(x, senders, d.Dim1);
        var messages = new double[Edges * d.DimOut];
        ConvolutionKernels.NequipMessage(new ReadOnlyTensorSpan<double>(gathered, [Edges, d.Dim1]), new ReadOnlyTensorSpan<double>(y, [Edges, d.Dim2]),
            new ReadOnlyTensorSpan<double>(w, [Edges, d.WeightCount]), new TensorSpan<double>(messages, [Edges, d.DimOut]));
        double[] unfused = Scatter(messages, receivers, Targets, d.DimOut);
        Assert.Equal(unfused, fused);
        Assert.All(fused.Skip((Targets - 1) * d.DimOut), v => Assert.Equal(0.0, v)); // the receiver without edges

        // The independent dense reference, edge by edge.
        double[] reference = Scatter(ReferenceTensorProduct.Of(d).Forward(gathered, y, w, Edges), receivers, Targets, d.DimOut);
        AssertRelative(reference, fused, "fused convolution vs dense reference");
    }

    [Fact]
    public void Thousands_of_edges_on_every_thread_give_the_plain_scatter_bit_for_bit_every_run()
    {
        var random = new Random(2);
        TensorProductDescription d = ConvolutionKernels.Nequip;
        const int Nodes = 300, Edges = 9000;
        var (senders, receivers) = Graph(random, Nodes, Nodes, Edges);
        double[] x = ProductHarness.Random(random, Nodes * d.Dim1), y = ProductHarness.Random(random, Edges * d.Dim2);
        double[] w = ProductHarness.Random(random, Edges * d.WeightCount);

        double[] first = NequipForward(x, y, w, senders, receivers, Nodes, Nodes);
        double[] second = NequipForward(x, y, w, senders, receivers, Nodes, Nodes);
        Assert.Equal(first, second);

        double[] messages = ReferenceTensorProduct.Of(d).Forward(Gather(x, senders, d.Dim1), y, w, Edges);
        AssertRelative(Scatter(messages, receivers, Nodes, d.DimOut), first, "9,000 edges");

        // Edges already sorted by receiver (a stable sort keeps each receiver's order): the same sums, the same bits.
        int[] order = Enumerable.Range(0, Edges).OrderBy(e => receivers[e]).ToArray();
        double[] sorted = NequipForward(x, Rows(y, order, d.Dim2), Rows(w, order, d.WeightCount), order.Select(e => senders[e]).ToArray(),
            order.Select(e => receivers[e]).ToArray(), Nodes, Nodes);
        Assert.Equal(first, sorted);
    }

    [Fact]
    public void Backward_matches_central_differences_for_nodes_edges_and_weights()
    {
        var random = new Random(3);
        TensorProductDescription d = ConvolutionKernels.Nequip;
        const int Nodes = 5, Targets = 4, Edges = 11;
        var (senders, receivers) = Graph(random, Nodes, Targets, Edges);
        double[] x = ProductHarness.Random(random, Nodes * d.Dim1), y = ProductHarness.Random(random, Edges * d.Dim2);
        double[] w = ProductHarness.Random(random, Edges * d.WeightCount), g = ProductHarness.Random(random, Targets * d.DimOut);

        var (gx, gy, gw) = NequipBackward(x, y, w, senders, receivers, g, Targets);
        double Loss(double[] xs, double[] ys, double[] ws) => Dot(NequipForward(xs, ys, ws, senders, receivers, Nodes, Targets), g);
        AssertCentralDifferences(x, gx, v => Loss(v, y, w), "gradNodeFeatures");
        AssertCentralDifferences(y, gy, v => Loss(x, v, w), "gradEdgeFeatures");
        AssertCentralDifferences(w, gw, v => Loss(x, y, v), "gradWeights");
    }

    [Fact]
    public void Backward_is_the_product_backward_of_gathered_rows_scattered_into_senders()
    {
        var random = new Random(4);
        TensorProductDescription d = ConvolutionKernels.Nequip;
        const int Nodes = 40, Edges = 700;
        var (senders, receivers) = Graph(random, Nodes, Nodes, Edges);
        double[] x = ProductHarness.Random(random, Nodes * d.Dim1), y = ProductHarness.Random(random, Edges * d.Dim2);
        double[] w = ProductHarness.Random(random, Edges * d.WeightCount), g = ProductHarness.Random(random, Nodes * d.DimOut);

        var (gx, gy, gw) = NequipBackward(x, y, w, senders, receivers, g, Nodes);

        double[] gathered = Gather(x, senders, d.Dim1), gatheredGrad = Gather(g, receivers, d.DimOut);
        var (ux1, ux2, uw) = ReferenceTensorProduct.Of(d).Backward(gathered, y, w, gatheredGrad, Edges);
        AssertRelative(Scatter(ux1, senders, Nodes, d.Dim1), gx, "gradNodeFeatures");
        AssertRelative(ux2, gy, "gradEdgeFeatures");
        AssertRelative(uw, gw, "gradWeights");

        var again = NequipBackward(x, y, w, senders, receivers, g, Nodes);
        Assert.Equal(gx, again.GradX);
        Assert.Equal(gy, again.GradY);
        Assert.Equal(gw, again.GradW);
    }

    [Fact]
    public void Shared_weights_sum_their_gradient_over_edges()
    {
        var random = new Random(5);
        TensorProductDescription d = ConvolutionKernels.Shared;
        const int Nodes = 6, Edges = 19;
        var (senders, receivers) = Graph(random, Nodes, Nodes, Edges);
        double[] x = ProductHarness.Random(random, Nodes * d.Dim1), y = ProductHarness.Random(random, Edges * d.Dim2);
        double[] w = ProductHarness.Random(random, d.WeightCount), g = ProductHarness.Random(random, Nodes * d.DimOut);

        double[] Forward(double[] xs, double[] ys, double[] ws)
        {
            var output = new double[Nodes * d.DimOut];
            ConvolutionKernels.SharedInteraction(new ReadOnlyTensorSpan<double>(xs, [Nodes, d.Dim1]), new ReadOnlyTensorSpan<double>(ys, [Edges, d.Dim2]),
                new ReadOnlyTensorSpan<double>(ws, [d.WeightCount]), senders, receivers, new TensorSpan<double>(output, [Nodes, d.DimOut]));
            return output;
        }

        double[] expected = Scatter(ReferenceTensorProduct.Of(d).Forward(Gather(x, senders, d.Dim1), y, w, Edges), receivers, Nodes, d.DimOut);
        AssertRelative(expected, Forward(x, y, w), "shared-weight convolution");

        var (gx, gy, gw) = (new double[x.Length], new double[y.Length], new double[w.Length]);
        ConvolutionKernels.SharedInteractionBackward(new ReadOnlyTensorSpan<double>(x, [Nodes, d.Dim1]), new ReadOnlyTensorSpan<double>(y, [Edges, d.Dim2]),
            new ReadOnlyTensorSpan<double>(w, [d.WeightCount]), senders, receivers, new ReadOnlyTensorSpan<double>(g, [Nodes, d.DimOut]),
            new TensorSpan<double>(gx, [Nodes, d.Dim1]), new TensorSpan<double>(gy, [Edges, d.Dim2]), new TensorSpan<double>(gw, [d.WeightCount]));
        AssertCentralDifferences(x, gx, v => Dot(Forward(v, y, w), g), "gradNodeFeatures");
        AssertCentralDifferences(y, gy, v => Dot(Forward(x, v, w), g), "gradEdgeFeatures");
        AssertCentralDifferences(w, gw, v => Dot(Forward(x, y, v), g), "gradWeights (shared)");
    }

    [Fact]
    public void Unweighted_products_convolve_without_weights()
    {
        var random = new Random(6);
        TensorProductDescription d = ConvolutionKernels.Unweighted;
        const int Nodes = 5, Edges = 13;
        var (senders, receivers) = Graph(random, Nodes, Nodes, Edges);
        double[] x = ProductHarness.Random(random, Nodes * d.Dim1), y = ProductHarness.Random(random, Edges * d.Dim2), g = ProductHarness.Random(random, Nodes * d.DimOut);

        double[] Forward(double[] xs, double[] ys)
        {
            var output = new double[Nodes * d.DimOut];
            ConvolutionKernels.UnweightedInteraction(new ReadOnlyTensorSpan<double>(xs, [Nodes, d.Dim1]), new ReadOnlyTensorSpan<double>(ys, [Edges, d.Dim2]),
                senders, receivers, new TensorSpan<double>(output, [Nodes, d.DimOut]));
            return output;
        }

        double[] expected = Scatter(ReferenceTensorProduct.Of(d).Forward(Gather(x, senders, d.Dim1), y, [], Edges), receivers, Nodes, d.DimOut);
        AssertRelative(expected, Forward(x, y), "unweighted convolution");

        var (gx, gy) = (new double[x.Length], new double[y.Length]);
        ConvolutionKernels.UnweightedInteractionBackward(new ReadOnlyTensorSpan<double>(x, [Nodes, d.Dim1]), new ReadOnlyTensorSpan<double>(y, [Edges, d.Dim2]),
            senders, receivers, new ReadOnlyTensorSpan<double>(g, [Nodes, d.DimOut]), new TensorSpan<double>(gx, [Nodes, d.Dim1]), new TensorSpan<double>(gy, [Edges, d.Dim2]));
        AssertCentralDifferences(x, gx, v => Dot(Forward(v, y), g), "gradNodeFeatures");
        AssertCentralDifferences(y, gy, v => Dot(Forward(x, v), g), "gradEdgeFeatures");
    }

    [Fact]
    public void Float_matches_double_within_1e_5()
    {
        var random = new Random(7);
        TensorProductDescription d = ConvolutionKernels.Nequip;
        const int Nodes = 20, Edges = 150;
        var (senders, receivers) = Graph(random, Nodes, Nodes, Edges);
        double[] x = ProductHarness.Random(random, Nodes * d.Dim1), y = ProductHarness.Random(random, Edges * d.Dim2);
        double[] w = ProductHarness.Random(random, Edges * d.WeightCount);
        double[] expected = NequipForward(x, y, w, senders, receivers, Nodes, Nodes);
        var output = new float[Nodes * d.DimOut];
        ConvolutionKernels.NequipInteractionSingle(new ReadOnlyTensorSpan<float>(x.Select(v => (float)v).ToArray(), [Nodes, d.Dim1]),
            new ReadOnlyTensorSpan<float>(y.Select(v => (float)v).ToArray(), [Edges, d.Dim2]), new ReadOnlyTensorSpan<float>(w.Select(v => (float)v).ToArray(), [Edges, d.WeightCount]),
            senders, receivers, new TensorSpan<float>(output, [Nodes, d.DimOut]));
        GeneratedConformanceTests.AssertRelative(expected, output.Select(v => (double)v).ToArray(), "float convolution");
    }

    [Fact]
    public void No_edges_give_zeros()
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        double[] output = Enumerable.Repeat(42.0, 3 * d.DimOut).ToArray();
        ConvolutionKernels.NequipInteraction(new ReadOnlyTensorSpan<double>(new double[2 * d.Dim1], [2, d.Dim1]), new ReadOnlyTensorSpan<double>(new double[0], [0, d.Dim2]),
            new ReadOnlyTensorSpan<double>(new double[0], [0, d.WeightCount]), [], [], new TensorSpan<double>(output, [3, d.DimOut]));
        Assert.All(output, v => Assert.Equal(0.0, v));
    }

    [Theory]
    [InlineData("senders", 2, 7, "has 7 at edge 2")]
    [InlineData("senders", 0, -1, "has -1 at edge 0")]
    [InlineData("receivers", 4, 6, "has 6 at edge 4")]
    [InlineData("receivers", -1, 0, "has 4 entries")]
    public void Bad_edge_indices_throw_before_anything_is_written(string array, int edge, int value, string message)
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        const int Nodes = 7, Targets = 6, Edges = 5;
        int[] senders = [0, 1, 2, 3, 4], receivers = [5, 4, 3, 2, 1];
        int[] bad = array == "senders" ? senders : receivers;
        if (edge >= 0)
        {
            bad[edge] = value;
        }
        else
        {
            bad = bad[..4];
        }

        int[] s = array == "senders" ? bad : senders, r = array == "receivers" ? bad : receivers;
        double[] x = new double[Nodes * d.Dim1], y = new double[Edges * d.Dim2], w = new double[Edges * d.WeightCount];
        double[] output = Enumerable.Repeat(42.0, Targets * d.DimOut).ToArray();
        var error = Assert.Throws<ArgumentException>(() => ConvolutionKernels.NequipInteraction(new ReadOnlyTensorSpan<double>(x, [Nodes, d.Dim1]),
            new ReadOnlyTensorSpan<double>(y, [Edges, d.Dim2]), new ReadOnlyTensorSpan<double>(w, [Edges, d.WeightCount]), s, r, new TensorSpan<double>(output, [Targets, d.DimOut])));
        Assert.Equal(array, error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.All(output, v => Assert.Equal(42.0, v));

        // The backward pass checks the same before writing any gradient.
        double[] gx = Enumerable.Repeat(42.0, x.Length).ToArray(), gy = Enumerable.Repeat(42.0, y.Length).ToArray(), gw = Enumerable.Repeat(42.0, w.Length).ToArray();
        error = Assert.Throws<ArgumentException>(() => ConvolutionKernels.NequipInteractionBackward(new ReadOnlyTensorSpan<double>(x, [Nodes, d.Dim1]),
            new ReadOnlyTensorSpan<double>(y, [Edges, d.Dim2]), new ReadOnlyTensorSpan<double>(w, [Edges, d.WeightCount]), s, r,
            new ReadOnlyTensorSpan<double>(new double[Targets * d.DimOut], [Targets, d.DimOut]),
            new TensorSpan<double>(gx, [Nodes, d.Dim1]), new TensorSpan<double>(gy, [Edges, d.Dim2]), new TensorSpan<double>(gw, [Edges, d.WeightCount])));
        Assert.Equal(array, error.ParamName);
        Assert.All(gx.Concat(gy).Concat(gw), v => Assert.Equal(42.0, v));
    }

    [Fact]
    public void Wrong_shapes_name_the_operand_and_both_shapes()
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        var error = Assert.Throws<ArgumentException>(() => ConvolutionKernels.NequipInteraction(new ReadOnlyTensorSpan<double>(new double[2 * d.Dim1], [2, d.Dim1]),
            new ReadOnlyTensorSpan<double>(new double[3 * d.Dim2], [3, d.Dim2]), new ReadOnlyTensorSpan<double>(new double[2 * d.WeightCount], [2, d.WeightCount]),
            [0, 1, 0], [1, 0, 1], new TensorSpan<double>(new double[2 * d.DimOut], [2, d.DimOut])));
        Assert.Equal("weights", error.ParamName);
        Assert.Contains($"[2, {d.WeightCount}]", error.Message, StringComparison.Ordinal);
        Assert.Contains($"[3, {d.WeightCount}]", error.Message, StringComparison.Ordinal);
    }

    private static double[] NequipForward(double[] x, double[] y, double[] w, int[] senders, int[] receivers, int nodes, int targets)
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        int edges = senders.Length;
        var output = new double[targets * d.DimOut];
        ConvolutionKernels.NequipInteraction(new ReadOnlyTensorSpan<double>(x, [nodes, d.Dim1]), new ReadOnlyTensorSpan<double>(y, [edges, d.Dim2]),
            new ReadOnlyTensorSpan<double>(w, [edges, d.WeightCount]), senders, receivers, new TensorSpan<double>(output, [targets, d.DimOut]));
        return output;
    }

    private static (double[] GradX, double[] GradY, double[] GradW) NequipBackward(double[] x, double[] y, double[] w, int[] senders, int[] receivers, double[] g, int targets)
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        int nodes = x.Length / d.Dim1, edges = senders.Length;
        var (gx, gy, gw) = (new double[x.Length], new double[y.Length], new double[w.Length]);
        ConvolutionKernels.NequipInteractionBackward(new ReadOnlyTensorSpan<double>(x, [nodes, d.Dim1]), new ReadOnlyTensorSpan<double>(y, [edges, d.Dim2]),
            new ReadOnlyTensorSpan<double>(w, [edges, d.WeightCount]), senders, receivers, new ReadOnlyTensorSpan<double>(g, [targets, d.DimOut]),
            new TensorSpan<double>(gx, [nodes, d.Dim1]), new TensorSpan<double>(gy, [edges, d.Dim2]), new TensorSpan<double>(gw, [edges, d.WeightCount]));
        return (gx, gy, gw);
    }

    /// <summary>Central differences of a loss that is linear in each input (so they are exact up to rounding), ≤ 1e-6 relative to the largest gradient.</summary>
    private static void AssertCentralDifferences(double[] at, double[] analytic, Func<double[], double> loss, string what)
    {
        const double H = 1e-3;
        double scale = Math.Max(1e-300, analytic.Max(Math.Abs));
        for (int i = 0; i < at.Length; i++)
        {
            double[] plus = (double[])at.Clone(), minus = (double[])at.Clone();
            plus[i] += H;
            minus[i] -= H;
            double numeric = (loss(plus) - loss(minus)) / (2 * H);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 * scale, $"{what}[{i}]: central difference {numeric:R}, analytic {analytic[i]:R}");
        }
    }

    private static double[] Gather(double[] rows, int[] index, int dim) => index.SelectMany(i => rows.Skip(i * dim).Take(dim)).ToArray();

    private static double[] Rows(double[] rows, int[] order, int dim) => Gather(rows, order, dim);

    /// <summary>The plain scatter: out[index[e]] += rows[e], edges in order.</summary>
    private static double[] Scatter(double[] rows, int[] index, int targets, int dim)
    {
        var output = new double[targets * dim];
        for (int e = 0; e < index.Length; e++)
        {
            for (int f = 0; f < dim; f++)
            {
                output[(index[e] * dim) + f] += rows[(e * dim) + f];
            }
        }

        return output;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();

    /// <summary>Double results: within <paramref name="tolerance"/> of the largest expected magnitude (at least 1).</summary>
    private static void AssertRelative(double[] expected, double[] actual, string what, double tolerance = 1e-10) =>
        TensorGen.Equivariance.Tests.Conformance.TensorProductConformanceTests.AssertClose(expected, actual, what,
            tolerance * Math.Max(1.0, expected.Select(Math.Abs).DefaultIfEmpty(0).Max()));
}
