using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance;
using TensorGen.Runtime.Gpu;
using TensorGen.Tests.Reference;

namespace TensorGen.Gpu.Tests.MessagePassing;

/// <summary>A graph: N node rows, M output rows, and one (sender, receiver) pair per edge.</summary>
internal sealed record ConvolutionGraph(int Nodes, int Targets, int[] Senders, int[] Receivers)
{
    public int Edges => Senders.Length;

    /// <summary>
    /// A random graph whose receivers leave some output rows without edges (empty segments), with repeated (sender, receiver)
    /// pairs and a node that sends many edges, in no particular order.
    /// </summary>
    public static ConvolutionGraph Random(int seed, int nodes = 9, int targets = 8, int edges = 41)
    {
        var random = new Random(seed);
        var senders = new int[edges];
        var receivers = new int[edges];
        for (int e = 0; e < edges; e++)
        {
            senders[e] = e % 5 == 0 ? 3 : random.Next(nodes);
            int receiver = random.Next(targets - 2);
            receivers[e] = receiver >= 2 ? receiver + 1 : receiver; // rows 2 and targets - 1 receive no edge
        }

        senders[edges - 1] = senders[0];
        receivers[edges - 1] = receivers[0];
        return new ConvolutionGraph(nodes, targets, senders, receivers);
    }
}

/// <summary>One declared convolution (forward and backward) runnable on the CPU kernel or a GPU context, on double arrays.</summary>
internal sealed class ConvolutionGpuCase
{
    public required string Name { get; init; }

    public required TensorProductDescription Description { get; init; }

    public required bool Deterministic { get; init; }

    /// <summary>Relative tolerance against the CPU kernel and the reference (float: 1e-5 scale; double: rounding).</summary>
    public required double Tolerance { get; init; }

    /// <summary>(gpu or null for the CPU kernel, x, y, w, graph) → output.</summary>
    public required Func<GpuContext?, double[], double[], double[], ConvolutionGraph, double[]> Forward { get; init; }

    /// <summary>(gpu or null, x, y, w, graph, gradOutput) → gradients.</summary>
    public required Func<GpuContext?, double[], double[], double[], ConvolutionGraph, double[], (double[] X, double[] Y, double[] W)> Backward { get; init; }

    public bool HasWeights => Description.WeightCount > 0;

    public int WeightLength(int edges) => !HasWeights ? 0 : Description.SharedWeights ? Description.WeightCount : edges * Description.WeightCount;

    /// <summary>The plain gather → dense reference product (double) → scatter.</summary>
    public double[] ReferenceForward(double[] x, double[] y, double[] w, ConvolutionGraph graph)
    {
        ReferenceTensorProduct product = ReferenceTensorProduct.Of(Description);
        double[] messages = product.Forward(Gather(x, graph.Senders, Description.Dim1), y, w, graph.Edges);
        return ScatterAdd(messages, graph.Receivers, graph.Targets, Description.DimOut);
    }

    /// <summary>The reference backward pass: the product's backward on gathered rows, the node gradients added into senders.</summary>
    public (double[] X, double[] Y, double[] W) ReferenceBackward(double[] x, double[] y, double[] w, ConvolutionGraph graph, double[] gradOutput)
    {
        ReferenceTensorProduct product = ReferenceTensorProduct.Of(Description);
        var (gx, gy, gw) = product.Backward(Gather(x, graph.Senders, Description.Dim1), y, w, Gather(gradOutput, graph.Receivers, Description.DimOut), graph.Edges);
        return (ScatterAdd(gx, graph.Senders, graph.Nodes, Description.Dim1), gy, gw);
    }

    private static double[] Gather(double[] rows, int[] index, int width)
    {
        var gathered = new double[index.Length * width];
        for (int e = 0; e < index.Length; e++)
        {
            Array.Copy(rows, index[e] * width, gathered, e * width, width);
        }

        return gathered;
    }

    private static double[] ScatterAdd(double[] rows, int[] index, int count, int width)
    {
        var sums = new double[count * width];
        for (int e = 0; e < index.Length; e++)
        {
            for (int f = 0; f < width; f++)
            {
                sums[(index[e] * width) + f] += rows[(e * width) + f];
            }
        }

        return sums;
    }
}

/// <summary>The convolutions of <see cref="ConvolutionGpuKernels"/> by name.</summary>
internal static class ConvolutionGpuCases
{
    private static readonly TensorProductDescription Nequip = TensorProductDescription.Create(ConvolutionGpuKernels.Nequip1, ConvolutionGpuKernels.Nequip2, "",
        kind: TensorProductKind.Channelwise, sharedWeights: false);

    private static readonly TensorProductDescription Shared = TensorProductDescription.Create(ConvolutionGpuKernels.Shared1, ConvolutionGpuKernels.Shared2,
        ConvolutionGpuKernels.SharedOut);

    private static readonly TensorProductDescription Warp = TensorProductDescription.Create(ConvolutionGpuKernels.Warp1, ConvolutionGpuKernels.Warp2, "",
        kind: TensorProductKind.Channelwise, sharedWeights: false);

    private static readonly TensorProductDescription Unweighted = TensorProductDescription.Create(ConvolutionGpuKernels.Unweighted1, ConvolutionGpuKernels.Unweighted2,
        ConvolutionGpuKernels.UnweightedOut, ConvolutionGpuKernels.UnweightedInstructions);

    public static IReadOnlyDictionary<string, ConvolutionGpuCase> All { get; } = new[]
    {
        Weighted<double>("nequip double deterministic", Nequip, true, 1e-12, ConvolutionGpuKernels.NequipDeterministic, ConvolutionGpuKernels.NequipDeterministicGpu,
            ConvolutionGpuKernels.NequipDeterministicBackward, ConvolutionGpuKernels.NequipDeterministicBackwardGpu),
        Weighted<double>("nequip double atomic", Nequip, false, 1e-12, ConvolutionGpuKernels.NequipAtomic, ConvolutionGpuKernels.NequipAtomicGpu,
            ConvolutionGpuKernels.NequipAtomicBackward, ConvolutionGpuKernels.NequipAtomicBackwardGpu),
        Weighted<float>("nequip float deterministic", Nequip, true, 2e-5, ConvolutionGpuKernels.NequipSingleDeterministic, ConvolutionGpuKernels.NequipSingleDeterministicGpu,
            ConvolutionGpuKernels.NequipSingleDeterministicBackward, ConvolutionGpuKernels.NequipSingleDeterministicBackwardGpu),
        Weighted<float>("nequip float atomic", Nequip, false, 2e-5, ConvolutionGpuKernels.NequipSingleAtomic, ConvolutionGpuKernels.NequipSingleAtomicGpu,
            ConvolutionGpuKernels.NequipSingleAtomicBackward, ConvolutionGpuKernels.NequipSingleAtomicBackwardGpu),
        Weighted<double>("shared double deterministic", Shared, true, 1e-12, ConvolutionGpuKernels.SharedDeterministic, ConvolutionGpuKernels.SharedDeterministicGpu,
            ConvolutionGpuKernels.SharedDeterministicBackward, ConvolutionGpuKernels.SharedDeterministicBackwardGpu),
        Weighted<double>("shared double atomic", Shared, false, 1e-12, ConvolutionGpuKernels.SharedAtomic, ConvolutionGpuKernels.SharedAtomicGpu,
            ConvolutionGpuKernels.SharedAtomicBackward, ConvolutionGpuKernels.SharedAtomicBackwardGpu),
        Weighted<float>("warp float deterministic", Warp, true, 2e-5, ConvolutionGpuKernels.WarpDeterministic, ConvolutionGpuKernels.WarpDeterministicGpu,
            ConvolutionGpuKernels.WarpDeterministicBackward, ConvolutionGpuKernels.WarpDeterministicBackwardGpu),
        Weighted<float>("warp float atomic", Warp, false, 2e-5, ConvolutionGpuKernels.WarpAtomic, ConvolutionGpuKernels.WarpAtomicGpu,
            ConvolutionGpuKernels.WarpAtomicBackward, ConvolutionGpuKernels.WarpAtomicBackwardGpu),
        Weighted<double>("unweighted double deterministic", Unweighted, true, 1e-12,
            (x, y, _, s, r, o) => ConvolutionGpuKernels.UnweightedDeterministic(x, y, s, r, o),
            (gpu, x, y, _, s, r, o) => ConvolutionGpuKernels.UnweightedDeterministicGpu(gpu, x, y, s, r, o),
            (x, y, _, s, r, g, gx, gy, _) => ConvolutionGpuKernels.UnweightedDeterministicBackward(x, y, s, r, g, gx, gy),
            (gpu, x, y, _, s, r, g, gx, gy, _) => ConvolutionGpuKernels.UnweightedDeterministicBackwardGpu(gpu, x, y, s, r, g, gx, gy)),
        Weighted<double>("unweighted double atomic", Unweighted, false, 1e-12,
            (x, y, _, s, r, o) => ConvolutionGpuKernels.UnweightedAtomic(x, y, s, r, o),
            (gpu, x, y, _, s, r, o) => ConvolutionGpuKernels.UnweightedAtomicGpu(gpu, x, y, s, r, o),
            (x, y, _, s, r, g, gx, gy, _) => ConvolutionGpuKernels.UnweightedAtomicBackward(x, y, s, r, g, gx, gy),
            (gpu, x, y, _, s, r, g, gx, gy, _) => ConvolutionGpuKernels.UnweightedAtomicBackwardGpu(gpu, x, y, s, r, g, gx, gy)),
    }.ToDictionary(c => c.Name);

    public delegate void Cpu<T>(ReadOnlyTensorSpan<T> x, ReadOnlyTensorSpan<T> y, ReadOnlyTensorSpan<T> w, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers,
        TensorSpan<T> output);

    public delegate void Gpu<T>(GpuContext gpu, ReadOnlyTensorSpan<T> x, ReadOnlyTensorSpan<T> y, ReadOnlyTensorSpan<T> w, ReadOnlySpan<int> senders,
        ReadOnlySpan<int> receivers, TensorSpan<T> output);

    public delegate void CpuBackward<T>(ReadOnlyTensorSpan<T> x, ReadOnlyTensorSpan<T> y, ReadOnlyTensorSpan<T> w, ReadOnlySpan<int> senders,
        ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradX, TensorSpan<T> gradY, TensorSpan<T> gradW);

    public delegate void GpuBackward<T>(GpuContext gpu, ReadOnlyTensorSpan<T> x, ReadOnlyTensorSpan<T> y, ReadOnlyTensorSpan<T> w, ReadOnlySpan<int> senders,
        ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradX, TensorSpan<T> gradY, TensorSpan<T> gradW);

    private static ConvolutionGpuCase Weighted<T>(string name, TensorProductDescription description, bool deterministic, double tolerance, Cpu<T> cpu, Gpu<T> gpu,
        CpuBackward<T> cpuBackward, GpuBackward<T> gpuBackward)
        where T : unmanaged, IConvertible
    {
        int d1 = description.Dim1, d2 = description.Dim2, dOut = description.DimOut, weightCount = description.WeightCount;
        nint[] WeightShape(int edges) => weightCount == 0 ? new nint[] { 0 } : description.SharedWeights ? new nint[] { weightCount } : new nint[] { edges, weightCount };
        return new ConvolutionGpuCase
        {
            Name = name,
            Description = description,
            Deterministic = deterministic,
            Tolerance = tolerance,
            Forward = (context, x, y, w, graph) =>
            {
                var output = new T[graph.Targets * dOut];
                var xs = new ReadOnlyTensorSpan<T>(To<T>(x), new nint[] { graph.Nodes, d1 });
                var ys = new ReadOnlyTensorSpan<T>(To<T>(y), new nint[] { graph.Edges, d2 });
                var ws = new ReadOnlyTensorSpan<T>(To<T>(w), WeightShape(graph.Edges));
                var os = new TensorSpan<T>(output, new nint[] { graph.Targets, dOut });
                if (context is null)
                {
                    cpu(xs, ys, ws, graph.Senders, graph.Receivers, os);
                }
                else
                {
                    gpu(context, xs, ys, ws, graph.Senders, graph.Receivers, os);
                }

                return From(output);
            },
            Backward = (context, x, y, w, graph, g) =>
            {
                var gx = new T[x.Length];
                var gy = new T[y.Length];
                var gw = new T[w.Length];
                var xs = new ReadOnlyTensorSpan<T>(To<T>(x), new nint[] { graph.Nodes, d1 });
                var ys = new ReadOnlyTensorSpan<T>(To<T>(y), new nint[] { graph.Edges, d2 });
                var ws = new ReadOnlyTensorSpan<T>(To<T>(w), WeightShape(graph.Edges));
                var gs = new ReadOnlyTensorSpan<T>(To<T>(g), new nint[] { graph.Targets, dOut });
                var gxs = new TensorSpan<T>(gx, new nint[] { graph.Nodes, d1 });
                var gys = new TensorSpan<T>(gy, new nint[] { graph.Edges, d2 });
                var gws = new TensorSpan<T>(gw, WeightShape(graph.Edges));
                if (context is null)
                {
                    cpuBackward(xs, ys, ws, graph.Senders, graph.Receivers, gs, gxs, gys, gws);
                }
                else
                {
                    gpuBackward(context, xs, ys, ws, graph.Senders, graph.Receivers, gs, gxs, gys, gws);
                }

                return (From(gx), From(gy), From(gw));
            },
        };
    }

    private static T[] To<T>(double[] values) =>
        typeof(T) == typeof(float) ? (T[])(object)values.Select(v => (float)v).ToArray() : (T[])(object)values.ToArray();

    private static double[] From<T>(T[] values)
        where T : IConvertible =>
        values.Select(v => v.ToDouble(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
