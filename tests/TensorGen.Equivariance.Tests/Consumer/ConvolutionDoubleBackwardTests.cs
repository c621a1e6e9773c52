using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;
using Xunit;
using static TensorGen.Equivariance.Tests.Consumer.DoubleBackwardHarness;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// [TensorProductConvolutionDoubleBackward]: every result against central differences of
/// L = ⟨a_x, gradNodeFeatures⟩ + ⟨a_y, gradEdgeFeatures⟩ + ⟨a_w, gradWeights⟩ computed by the convolution's backward kernel,
/// on random graphs with nodes that send or receive nothing and repeated edges; against the composition of the dense
/// reference product's forward and backward on gathered rows and a plain scatter; run to run bit for bit; float callers;
/// bad edge indices and shapes before any write.
/// </summary>
public sealed class ConvolutionDoubleBackwardTests
{
    /// <summary>
    /// Random edges among the first nodes − 1 senders and targets − 1 receivers (the last node sends nothing, the last
    /// target receives nothing), then the first three edges repeated.
    /// </summary>
    private static (int[] Senders, int[] Receivers) RandomEdges(Random random, int nodes, int targets, int edges)
    {
        int[] senders = Enumerable.Range(0, edges - 3).Select(_ => random.Next(nodes - 1)).ToArray();
        int[] receivers = Enumerable.Range(0, edges - 3).Select(_ => random.Next(targets - 1)).ToArray();
        return (senders.Concat(senders.Take(3)).ToArray(), receivers.Concat(receivers.Take(3)).ToArray());
    }

    /// <summary>A convolution under test: its description, whether weights are shared, and its backward and double backward passes on arrays.</summary>
    private sealed record Layer(string Name, TensorProductDescription D, bool Weighted,
        Func<Graph, double[], double[], double[], double[], (double[] Gx, double[] Gy, double[] Gw)> Backward,
        Func<Graph, double[], double[], double[], double[], double[], double[], double[], (double[] Gx, double[] Gy, double[] Gw, double[] Ggo)> DoubleBackward);

    private sealed record Graph(int Nodes, int Targets, int[] Senders, int[] Receivers)
    {
        public int Edges => Senders.Length;
    }

    private static readonly Layer s_nequip = new("Nequip (uvu, per-edge weights)", ConvolutionKernels.Nequip, true,
        (graph, x, y, w, g) =>
        {
            var d = ConvolutionKernels.Nequip;
            var (gx, gy, gw) = (new double[x.Length], new double[y.Length], new double[w.Length]);
            ConvolutionKernels.NequipInteractionBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), Rows(w, d.WeightCount), graph.Senders, graph.Receivers, Rows(g, d.DimOut),
                Result(gx, d.Dim1), Result(gy, d.Dim2), Result(gw, d.WeightCount));
            return (gx, gy, gw);
        },
        (graph, x, y, w, g, ax, ay, aw) =>
        {
            var d = ConvolutionKernels.Nequip;
            var (gx, gy, gw, ggo) = (new double[x.Length], new double[y.Length], new double[w.Length], new double[g.Length]);
            ConvolutionKernels.NequipInteractionDoubleBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), Rows(w, d.WeightCount), graph.Senders, graph.Receivers, Rows(g, d.DimOut),
                Rows(ax, d.Dim1), Rows(ay, d.Dim2), Rows(aw, d.WeightCount), Result(gx, d.Dim1), Result(gy, d.Dim2), Result(gw, d.WeightCount), Result(ggo, d.DimOut));
            return (gx, gy, gw, ggo);
        });

    private static readonly Layer s_shared = new("Shared (fully connected, shared weights)", ConvolutionKernels.Shared, true,
        (graph, x, y, w, g) =>
        {
            var d = ConvolutionKernels.Shared;
            var (gx, gy, gw) = (new double[x.Length], new double[y.Length], new double[w.Length]);
            ConvolutionKernels.SharedInteractionBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), Vector(w), graph.Senders, graph.Receivers, Rows(g, d.DimOut),
                Result(gx, d.Dim1), Result(gy, d.Dim2), new TensorSpan<double>(gw, [gw.Length]));
            return (gx, gy, gw);
        },
        (graph, x, y, w, g, ax, ay, aw) =>
        {
            var d = ConvolutionKernels.Shared;
            var (gx, gy, gw, ggo) = (new double[x.Length], new double[y.Length], new double[w.Length], new double[g.Length]);
            ConvolutionKernels.SharedInteractionDoubleBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), Vector(w), graph.Senders, graph.Receivers, Rows(g, d.DimOut),
                Rows(ax, d.Dim1), Rows(ay, d.Dim2), Vector(aw), Result(gx, d.Dim1), Result(gy, d.Dim2), new TensorSpan<double>(gw, [gw.Length]), Result(ggo, d.DimOut));
            return (gx, gy, gw, ggo);
        });

    private static readonly Layer s_unweighted = new("Unweighted", ConvolutionKernels.Unweighted, false,
        (graph, x, y, w, g) =>
        {
            var d = ConvolutionKernels.Unweighted;
            var (gx, gy) = (new double[x.Length], new double[y.Length]);
            ConvolutionKernels.UnweightedInteractionBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), graph.Senders, graph.Receivers, Rows(g, d.DimOut),
                Result(gx, d.Dim1), Result(gy, d.Dim2));
            return (gx, gy, []);
        },
        (graph, x, y, w, g, ax, ay, aw) =>
        {
            var d = ConvolutionKernels.Unweighted;
            var (gx, gy, ggo) = (new double[x.Length], new double[y.Length], new double[g.Length]);
            ConvolutionKernels.UnweightedInteractionDoubleBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), graph.Senders, graph.Receivers, Rows(g, d.DimOut),
                Rows(ax, d.Dim1), Rows(ay, d.Dim2), Result(gx, d.Dim1), Result(gy, d.Dim2), Result(ggo, d.DimOut));
            return (gx, gy, [], ggo);
        });

    public static TheoryData<string> Layers => new() { "nequip", "shared", "unweighted" };

    private static Layer Pick(string name) => name switch { "nequip" => s_nequip, "shared" => s_shared, _ => s_unweighted };

    /// <summary>Every operand of one call, drawn for a graph.</summary>
    private sealed record Operands(double[] X, double[] Y, double[] W, double[] G, double[] Ax, double[] Ay, double[] Aw)
    {
        public static Operands Draw(Layer layer, Graph graph, Random random)
        {
            var d = layer.D;
            int weights = !layer.Weighted ? 0 : d.SharedWeights ? d.WeightCount : graph.Edges * d.WeightCount;
            return new Operands(ProductHarness.Random(random, graph.Nodes * d.Dim1), ProductHarness.Random(random, graph.Edges * d.Dim2),
                ProductHarness.Random(random, weights), ProductHarness.Random(random, graph.Targets * d.DimOut), ProductHarness.Random(random, graph.Nodes * d.Dim1),
                ProductHarness.Random(random, graph.Edges * d.Dim2), ProductHarness.Random(random, weights));
        }
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Every_result_matches_central_differences_of_the_backward_pass(string name)
    {
        Layer layer = Pick(name);
        var random = new Random(11);
        var (senders, receivers) = RandomEdges(random, 6, 5, 14);
        var graph = new Graph(6, 5, senders, receivers);
        var o = Operands.Draw(layer, graph, random);
        var (gx, gy, gw, ggo) = layer.DoubleBackward(graph, o.X, o.Y, o.W, o.G, o.Ax, o.Ay, o.Aw);

        double Loss(double[] x, double[] y, double[] w, double[] g)
        {
            var (bx, by, bw) = layer.Backward(graph, x, y, w, g);
            return Dot(o.Ax, bx) + Dot(o.Ay, by) + Dot(o.Aw, bw);
        }

        AssertCentralDifferences(o.X, gx, v => Loss(v, o.Y, o.W, o.G), $"{layer.Name} gradNodeFeatures");
        AssertCentralDifferences(o.Y, gy, v => Loss(o.X, v, o.W, o.G), $"{layer.Name} gradEdgeFeatures");
        AssertCentralDifferences(o.W, gw, v => Loss(o.X, o.Y, v, o.G), $"{layer.Name} gradWeights");
        AssertCentralDifferences(o.G, ggo, v => Loss(o.X, o.Y, o.W, v), $"{layer.Name} gradGradOutput");
        Assert.All(gx.Skip(5 * layer.D.Dim1), v => Assert.Equal(0.0, v)); // the node that sends nothing
        Assert.All(ggo.Skip(4 * layer.D.DimOut), v => Assert.Equal(0.0, v)); // the target that receives nothing
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Double_backward_is_the_reference_products_of_gathered_rows_scattered(string name)
    {
        Layer layer = Pick(name);
        TensorProductDescription d = layer.D;
        var random = new Random(12);
        const int Nodes = 30, Edges = 400;
        var (senders, receivers) = RandomEdges(random, Nodes, Nodes, Edges);
        var graph = new Graph(Nodes, Nodes, senders, receivers);
        var o = Operands.Draw(layer, graph, random);
        var (gx, gy, gw, ggo) = layer.DoubleBackward(graph, o.X, o.Y, o.W, o.G, o.Ax, o.Ay, o.Aw);

        // Per edge, with the dense reference product (the tests' own 3j): TP°(x, y; aw) = TP(x, y; aw) − TP(x, y; 0), likewise B°.
        ReferenceTensorProduct reference = ReferenceTensorProduct.Of(d);
        double[] x = Gather(o.X, senders, d.Dim1), ax = Gather(o.Ax, senders, d.Dim1), g = Gather(o.G, receivers, d.DimOut);
        double[] zero = new double[o.W.Length];
        double[] weightedForward = layer.Weighted ? Subtract(reference.Forward(x, o.Y, o.Aw, Edges), reference.Forward(x, o.Y, zero, Edges)) : new double[Edges * d.DimOut];
        var fromAx = reference.Backward(ax, o.Y, o.W, g, Edges);
        var fromAy = reference.Backward(x, o.Ay, o.W, g, Edges);
        var inWeights = reference.Backward(x, o.Y, layer.Weighted ? o.Aw : zero, g, Edges);
        var atZero = reference.Backward(x, o.Y, zero, g, Edges);
        double[] weightedX = layer.Weighted ? Subtract(inWeights.GradX1, atZero.GradX1) : new double[x.Length];
        double[] weightedY = layer.Weighted ? Subtract(inWeights.GradX2, atZero.GradX2) : new double[o.Y.Length];

        AssertRelative(Scatter(Add(reference.Forward(ax, o.Y, o.W, Edges), reference.Forward(x, o.Ay, o.W, Edges), weightedForward), receivers, Nodes, d.DimOut), ggo,
            $"{layer.Name} gradGradOutput");
        AssertRelative(Scatter(Add(fromAy.GradX1, weightedX), senders, Nodes, d.Dim1), gx, $"{layer.Name} gradNodeFeatures");
        AssertRelative(Add(fromAx.GradX2, weightedY), gy, $"{layer.Name} gradEdgeFeatures");
        if (layer.Weighted)
        {
            AssertRelative(Add(fromAx.GradWeights, fromAy.GradWeights), gw, $"{layer.Name} gradWeights");
        }
    }

    [Fact]
    public void Thousands_of_edges_give_the_same_bits_every_run_and_for_presorted_edges()
    {
        var random = new Random(13);
        const int Nodes = 300, Edges = 9000;
        var (senders, receivers) = RandomEdges(random, Nodes, Nodes, Edges);
        var graph = new Graph(Nodes, Nodes, senders, receivers);
        var o = Operands.Draw(s_nequip, graph, random);
        var first = s_nequip.DoubleBackward(graph, o.X, o.Y, o.W, o.G, o.Ax, o.Ay, o.Aw);
        var second = s_nequip.DoubleBackward(graph, o.X, o.Y, o.W, o.G, o.Ax, o.Ay, o.Aw);
        Assert.Equal(first.Gx, second.Gx);
        Assert.Equal(first.Gy, second.Gy);
        Assert.Equal(first.Gw, second.Gw);
        Assert.Equal(first.Ggo, second.Ggo);

        // Edges already sorted by receiver: each receiver's sum in the same order, the same bits.
        var d = s_nequip.D;
        int[] order = Enumerable.Range(0, Edges).OrderBy(e => receivers[e]).ToArray();
        var sortedGraph = new Graph(Nodes, Nodes, order.Select(e => senders[e]).ToArray(), order.Select(e => receivers[e]).ToArray());
        var sorted = s_nequip.DoubleBackward(sortedGraph, o.X, Gather(o.Y, order, d.Dim2), Gather(o.W, order, d.WeightCount), o.G, o.Ax, Gather(o.Ay, order, d.Dim2),
            Gather(o.Aw, order, d.WeightCount));
        Assert.Equal(first.Ggo, sorted.Ggo);
    }

    [Fact]
    public void Float_callers_match_double_within_float_precision()
    {
        var random = new Random(14);
        TensorProductDescription d = ConvolutionKernels.Nequip;
        const int Nodes = 20, Edges = 150;
        var (senders, receivers) = RandomEdges(random, Nodes, Nodes, Edges);
        var graph = new Graph(Nodes, Nodes, senders, receivers);
        var o = Operands.Draw(s_nequip, graph, random);
        var expected = s_nequip.DoubleBackward(graph, o.X, o.Y, o.W, o.G, o.Ax, o.Ay, o.Aw);

        static ReadOnlyTensorSpan<float> F(double[] v, int features) => new(v.Select(x => (float)x).ToArray(), [v.Length / features, features]);
        var (gx, gy, gw, ggo) = (new float[o.X.Length], new float[o.Y.Length], new float[o.W.Length], new float[o.G.Length]);
        ConvolutionKernels.NequipInteractionDoubleBackwardSingle(F(o.X, d.Dim1), F(o.Y, d.Dim2), F(o.W, d.WeightCount), senders, receivers, F(o.G, d.DimOut),
            F(o.Ax, d.Dim1), F(o.Ay, d.Dim2), F(o.Aw, d.WeightCount), new TensorSpan<float>(gx, [Nodes, d.Dim1]), new TensorSpan<float>(gy, [Edges, d.Dim2]),
            new TensorSpan<float>(gw, [Edges, d.WeightCount]), new TensorSpan<float>(ggo, [Nodes, d.DimOut]));
        static double[] D(float[] v) => v.Select(x => (double)x).ToArray();
        GeneratedConformanceTests.AssertRelative(expected.Gx, D(gx), "float gradNodeFeatures");
        GeneratedConformanceTests.AssertRelative(expected.Gy, D(gy), "float gradEdgeFeatures");
        GeneratedConformanceTests.AssertRelative(expected.Gw, D(gw), "float gradWeights");
        GeneratedConformanceTests.AssertRelative(expected.Ggo, D(ggo), "float gradGradOutput");
    }

    [Fact]
    public void No_edges_give_zeros()
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        var graph = new Graph(2, 3, [], []);
        var o = new Operands(new double[2 * d.Dim1], [], [], new double[3 * d.DimOut], new double[2 * d.Dim1], [], []);
        var (gx, gy, gw, ggo) = (Enumerable.Repeat(42.0, 2 * d.Dim1).ToArray(), new double[0], new double[0], Enumerable.Repeat(42.0, 3 * d.DimOut).ToArray());
        ConvolutionKernels.NequipInteractionDoubleBackward(Rows(o.X, d.Dim1), new ReadOnlyTensorSpan<double>(o.Y, [0, d.Dim2]), new ReadOnlyTensorSpan<double>(o.W, [0, d.WeightCount]),
            graph.Senders, graph.Receivers, Rows(o.G, d.DimOut), Rows(o.Ax, d.Dim1), new ReadOnlyTensorSpan<double>(o.Ay, [0, d.Dim2]),
            new ReadOnlyTensorSpan<double>(o.Aw, [0, d.WeightCount]), Result(gx, d.Dim1), new TensorSpan<double>(gy, [0, d.Dim2]),
            new TensorSpan<double>(gw, [0, d.WeightCount]), Result(ggo, d.DimOut));
        Assert.All(gx.Concat(ggo), v => Assert.Equal(0.0, v));
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
        double[] x = new double[Nodes * d.Dim1], y = new double[Edges * d.Dim2], w = new double[Edges * d.WeightCount], g = new double[Targets * d.DimOut];
        double[] gx = Filled(x.Length), gy = Filled(y.Length), gw = Filled(w.Length), ggo = Filled(g.Length);
        var error = Assert.Throws<ArgumentException>(() => ConvolutionKernels.NequipInteractionDoubleBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), Rows(w, d.WeightCount), s, r,
            Rows(g, d.DimOut), Rows(x, d.Dim1), Rows(y, d.Dim2), Rows(w, d.WeightCount), Result(gx, d.Dim1), Result(gy, d.Dim2), Result(gw, d.WeightCount), Result(ggo, d.DimOut)));
        Assert.Equal(array, error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.All(gx.Concat(gy).Concat(gw).Concat(ggo), v => Assert.Equal(42.0, v));
    }

    [Fact]
    public void Wrong_shapes_and_shared_memory_name_the_operands_before_any_write()
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        const int Nodes = 4, Edges = 3;
        int[] senders = [0, 1, 2], receivers = [1, 2, 3];
        double[] x = new double[Nodes * d.Dim1], y = new double[Edges * d.Dim2], w = new double[Edges * d.WeightCount], g = new double[Nodes * d.DimOut];
        double[] gx = Filled(x.Length), gy = Filled(y.Length), gw = Filled(w.Length), ggo = Filled(g.Length);

        // gradGradEdgeFeatures with a row too few.
        var error = Assert.Throws<ArgumentException>(() => ConvolutionKernels.NequipInteractionDoubleBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), Rows(w, d.WeightCount),
            senders, receivers, Rows(g, d.DimOut), Rows(x, d.Dim1), new ReadOnlyTensorSpan<double>(new double[(Edges - 1) * d.Dim2], [Edges - 1, d.Dim2]),
            Rows(w, d.WeightCount), Result(gx, d.Dim1), Result(gy, d.Dim2), Result(gw, d.WeightCount), Result(ggo, d.DimOut)));
        Assert.Equal("gradGradEdgeFeatures", error.ParamName);
        Assert.Contains($"[{Edges - 1}, {d.Dim2}]", error.Message, StringComparison.Ordinal);
        Assert.Contains($"[{Edges}, {d.Dim2}]", error.Message, StringComparison.Ordinal);

        // gradGradOutput written over gradOutput.
        double[] gAliased = Filled(g.Length);
        error = Assert.Throws<ArgumentException>(() => ConvolutionKernels.NequipInteractionDoubleBackward(Rows(x, d.Dim1), Rows(y, d.Dim2), Rows(w, d.WeightCount),
            senders, receivers, Rows(gAliased, d.DimOut), Rows(x, d.Dim1), Rows(y, d.Dim2), Rows(w, d.WeightCount), Result(gx, d.Dim1), Result(gy, d.Dim2),
            Result(gw, d.WeightCount), Result(gAliased, d.DimOut)));
        Assert.Equal("gradGradOutput", error.ParamName);
        Assert.Contains("gradOutput", error.Message, StringComparison.Ordinal);
        Assert.All(gx.Concat(gy).Concat(gw).Concat(ggo).Concat(gAliased), v => Assert.Equal(42.0, v));
    }

    private static double[] Filled(int n) => Enumerable.Repeat(42.0, n).ToArray();

    private static ReadOnlyTensorSpan<double> Rows(double[] values, int features) => new(values, [values.Length / features, features]);

    private static ReadOnlyTensorSpan<double> Vector(double[] values) => new(values, [values.Length]);

    private static TensorSpan<double> Result(double[] values, int features) => new(values, [values.Length / features, features]);

    private static double[] Gather(double[] rows, int[] index, int dim) => index.SelectMany(i => rows.Skip(i * dim).Take(dim)).ToArray();

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
}
