using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// The convolution's double backward pass (docs/double-backward.md). With e = (s → r), a_x, a_y, a_w the upstream gradients
/// of the backward pass's results and g = gradOutput, the loss ⟨a_x, ∂⟩ + ⟨a_y, ∂⟩ + ⟨a_w, ∂⟩ is
/// Σ_e ⟨g[r], TP(a_x[s], y_e; w_e) + TP(x[s], a_y,e; w_e) + TP°(x[s], y_e; a_w,e)⟩, so
/// gradGradOutput is a convolution of those three products (edges by receiver), and the node, edge and weight gradients are
/// the three backward products per edge (edges by sender; the node gradient summed into the sender's row, the edge and
/// per-edge weight gradients written to the edge's row). Two passes, each deterministic as the forward and the backward.
/// </summary>
public static partial class ConvolutionDriver
{
    /// <summary>Indices of the method's parameters as the double backward pass's checks name them: the seven tensor inputs, then the four results.</summary>
    private static readonly int[] s_doubleBackwardTensors = { 0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12 };

    /// <summary>
    /// The gradients of ⟨gradGradNodeFeatures, gradNodeFeatures⟩ + ⟨gradGradEdgeFeatures, gradEdgeFeatures⟩ +
    /// ⟨gradGradWeights, gradWeights⟩ (the backward pass's results) with respect to the node features, the edge features, the
    /// weights and gradOutput.
    /// </summary>
    /// <exception cref="ArgumentException">A shape or an index does not fit, or a result overlaps an input, another result or itself; nothing has been written.</exception>
    public static unsafe void DoubleBackward<T, TKernel>(ConvolutionLayout names, ReadOnlyTensorSpan<T> nodeFeatures, ReadOnlyTensorSpan<T> edgeFeatures,
        ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<T> gradOutput,
        ReadOnlyTensorSpan<T> gradGradNodeFeatures, ReadOnlyTensorSpan<T> gradGradEdgeFeatures, ReadOnlyTensorSpan<T> gradGradWeights,
        TensorSpan<T> gradNodeFeatures, TensorSpan<T> gradEdgeFeatures, TensorSpan<T> gradWeights, TensorSpan<T> gradGradOutput)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductDoubleBackward<T>
    {
        ArgumentNullException.ThrowIfNull(names);
        TensorProductLayout product = TKernel.Layout;
        string method = names.Method;
        bool hasWeights = names.HasWeights;
        int nodes = ConvolutionArguments.Matrix(method, names.Name(0), nodeFeatures.Lengths, product.Dim1, -1, "N");
        int edges = ConvolutionArguments.Matrix(method, names.Name(1), edgeFeatures.Lengths, product.Dim2, -1, "E");
        int targets = ConvolutionArguments.Matrix(method, names.Name(5), gradOutput.Lengths, product.DimOut, -1, "M");
        ConvolutionArguments.Matrix(method, names.Name(6), gradGradNodeFeatures.Lengths, product.Dim1, nodes, $"N, {names.Name(0)}' rows");
        ConvolutionArguments.Matrix(method, names.Name(7), gradGradEdgeFeatures.Lengths, product.Dim2, edges, $"E, {names.Name(1)}' rows");
        ConvolutionArguments.Matrix(method, names.Name(9), gradNodeFeatures.Lengths, product.Dim1, nodes, $"N, {names.Name(0)}' rows");
        ConvolutionArguments.Matrix(method, names.Name(10), gradEdgeFeatures.Lengths, product.Dim2, edges, $"E, {names.Name(1)}' rows");
        ConvolutionArguments.Matrix(method, names.Name(12), gradGradOutput.Lengths, product.DimOut, targets, $"M, {names.Name(5)}' rows");
        if (hasWeights)
        {
            ConvolutionArguments.Weights(method, product, names.Name(2), weights.Lengths, edges);
            ConvolutionArguments.Weights(method, product, names.Name(8), gradGradWeights.Lengths, edges);
            ConvolutionArguments.Weights(method, product, names.Name(11), gradWeights.Lengths, edges);
        }

        EdgeSegments.Check(method, names.Name(3), senders, edges, names.Name(1), nodes, names.Name(0));
        EdgeSegments.Check(method, names.Name(4), receivers, edges, names.Name(1), targets, names.Name(5));
        string[] tensorNames = Array.ConvertAll(s_doubleBackwardTensors, names.Name);
        DoubleBackwardArguments.CheckResults<T>(tensorNames, hasWeights,
            TensorProductArguments.Memory(nodeFeatures), TensorProductArguments.Memory(edgeFeatures), TensorProductArguments.Memory(weights),
            TensorProductArguments.Memory(gradOutput), TensorProductArguments.Memory(gradGradNodeFeatures), TensorProductArguments.Memory(gradGradEdgeFeatures),
            TensorProductArguments.Memory(gradGradWeights), gradNodeFeatures, gradEdgeFeatures, gradWeights, gradGradOutput);

        if (nodes > 0 && product.Dim1 > 0)
        {
            gradNodeFeatures.Fill(T.Zero);
        }

        if (hasWeights && (product.SharedWeights || edges == 0))
        {
            gradWeights.Fill(T.Zero);
        }

        if (edges == 0)
        {
            if (targets > 0 && product.DimOut > 0)
            {
                gradGradOutput.Fill(T.Zero);
            }

            return;
        }

        T[] shared = product.SharedWeights ? SharedWeights.Dense(weights, product.WeightCount) : Array.Empty<T>();
        T[] sharedUpstream = product.SharedWeights && hasWeights ? SharedWeights.Dense(gradGradWeights, product.WeightCount) : Array.Empty<T>();
        bool weighted = hasWeights && product.WeightCount > 0;
        bool perEdgeWeights = weighted && !product.SharedWeights;
        fixed (T* px = &TensorMarshal.GetReference(nodeFeatures))
        fixed (T* pe = &TensorMarshal.GetReference(edgeFeatures))
        fixed (T* pw = &TensorMarshal.GetReference(weights))
        fixed (T* pg = &TensorMarshal.GetReference(gradOutput))
        fixed (T* pax = &TensorMarshal.GetReference(gradGradNodeFeatures))
        fixed (T* pae = &TensorMarshal.GetReference(gradGradEdgeFeatures))
        fixed (T* paw = &TensorMarshal.GetReference(gradGradWeights))
        fixed (T* pgx = &TensorMarshal.GetReference(gradNodeFeatures))
        fixed (T* pge = &TensorMarshal.GetReference(gradEdgeFeatures))
        fixed (T* pgw = &TensorMarshal.GetReference(gradWeights))
        fixed (T* pggo = &TensorMarshal.GetReference(gradGradOutput))
        fixed (int* ps = senders)
        fixed (int* pr = receivers)
        {
            var job = new DoubleBackwardJob<T>(
                StridedRows<T>.Of(px, nodeFeatures, product.Dim1),
                StridedRows<T>.Of(pe, edgeFeatures, product.Dim2),
                perEdgeWeights ? StridedRows<T>.Of(pw, weights, product.WeightCount) : default,
                StridedRows<T>.Of(pg, gradOutput, product.DimOut),
                StridedRows<T>.Of(pax, gradGradNodeFeatures, product.Dim1),
                StridedRows<T>.Of(pae, gradGradEdgeFeatures, product.Dim2),
                perEdgeWeights ? StridedRows<T>.Of(paw, gradGradWeights, product.WeightCount) : default,
                StridedRows<T>.Of(pgx, gradNodeFeatures, product.Dim1),
                StridedRows<T>.Of(pge, gradEdgeFeatures, product.Dim2),
                perEdgeWeights ? StridedRows<T>.Of(pgw, gradWeights, product.WeightCount) : default,
                StridedRows<T>.Of(pggo, gradGradOutput, product.DimOut),
                (nint)ps,
                (nint)pr,
                EdgeSegments.By(receivers, targets),
                shared,
                sharedUpstream,
                Array.Empty<T[]?>(),
                weighted,
                perEdgeWeights);

            // Pass 1, edges by receiver: gradGradOutput, three forward tiles per edge tile (three times the forward's work).
            if (targets > 0 && product.DimOut > 0)
            {
                Run(Workers<T>(edges, product.FlopsPerRow * 3), job,
                    static (in DoubleBackwardJob<T> j, int worker, int workers) => DoubleBackwardRange<T, TKernel>(j, worker, workers, byReceiver: true));
            }

            // Pass 2, edges by sender: the node, edge and weight gradients, three backward tiles per edge tile.
            int workers = Workers<T>(edges, product.FlopsPerRow * 9);
            job = job with { Segments = EdgeSegments.By(senders, nodes), SharedGradients = new T[workers][] };
            Run(workers, job, static (in DoubleBackwardJob<T> j, int worker, int workers) => DoubleBackwardRange<T, TKernel>(j, worker, workers, byReceiver: false));

            if (weighted && product.SharedWeights)
            {
                SharedWeights.WriteSum(job.SharedGradients, StridedRows<T>.Of(pgw, gradWeights, product.WeightCount), product.WeightCount);
            }
        }
    }

    /// <summary>
    /// One worker's nodes of one pass. By receiver: the nodes' gradGradOutput rows cleared, then the three forward products of
    /// every edge into them added in edge order. By sender: the three backward products of every edge out of them — the node
    /// gradient added into the sender's row in edge order, the edge features' and per-edge weights' gradients written to the
    /// edge's row, shared weights' gradient accumulated and summed over lanes at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void DoubleBackwardRange<T, TKernel>(in DoubleBackwardJob<T> job, int worker, int workers, bool byReceiver)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductDoubleBackward<T>
    {
        TensorProductLayout product = TKernel.Layout;
        EdgeSegments segments = job.Segments;
        int firstNode = segments.FirstNode(worker, workers), endNode = segments.FirstNode(worker + 1, workers);
        if (byReceiver)
        {
            for (int node = firstNode; node < endNode; node++)
            {
                ref T row = ref job.GradGradOutput.Row(node);
                for (int f = 0; f < product.DimOut; f++)
                {
                    Unsafe.Add(ref row, f * job.GradGradOutput.ColumnStride) = T.Zero;
                }
            }
        }

        bool sharedGradient = !byReceiver && job.Weighted && !job.PerEdgeWeights;
        int lanes = Vector<T>.Count;
        var tiles = new DoubleBackwardTiles<T>(product.Dim1 * lanes, product.Dim2 * lanes, product.DimOut * lanes,
            job.PerEdgeWeights ? product.WeightCount * lanes : 0, job.Weighted ? product.WeightCount * lanes : 0);
        T[] rented = ArrayPool<T>.Shared.Rent(tiles.Total);
        T[] rowMajor = ArrayPool<T>.Shared.Rent((Math.Max(Math.Max(product.Dim1, product.Dim2), Math.Max(product.DimOut, product.WeightCount)) * lanes) + 1);
        int* rows = stackalloc int[3 * lanes];
        try
        {
            Span<T> scratch = rented.AsSpan(0, tiles.Total);
            scratch.Clear();
            int last = segments.Offsets[endNode];
            for (int at = segments.Offsets[firstNode]; at < last; at += lanes)
            {
                var edge = EdgeTile.Take(job.Senders, job.Receivers, segments, at, Math.Min(lanes, last - at), rows);
                Gather(job, product, tiles, scratch, edge, rowMajor, gradOutput: !byReceiver);
                tiles.Clear(scratch, forwards: byReceiver, backwards: !byReceiver, sharedGradient);
                ref T weights = ref job.PerEdgeWeights ? ref MemoryMarshal.GetReference(tiles.Weights(scratch)) : ref MemoryMarshal.GetArrayDataReference(job.SharedWeights);
                ref T upstreamWeights = ref job.PerEdgeWeights
                    ? ref MemoryMarshal.GetReference(tiles.GradGradWeights(scratch))
                    : ref MemoryMarshal.GetArrayDataReference(job.SharedUpstreamWeights);
                if (byReceiver)
                {
                    DoubleBackwardTile<T, TKernel>.Forwards(scratch, tiles, ref weights, ref upstreamWeights, job.Weighted);
                    IndexedTile.AddTo<T>(tiles.GradGradOutput(scratch), edge.Receivers, product.DimOut, job.GradGradOutput, rowMajor);
                    continue;
                }

                DoubleBackwardTile<T, TKernel>.Backwards(scratch, tiles, ref weights, ref upstreamWeights, job.Weighted);
                IndexedTile.AddTo<T>(tiles.GradX1(scratch), edge.Senders, product.Dim1, job.GradX, rowMajor);
                IndexedTile.Scatter<T>(tiles.GradX2(scratch), edge.Edges, product.Dim2, job.GradEdge, rowMajor);
                if (job.PerEdgeWeights)
                {
                    Span<T> gw = tiles.GradWeights(scratch);
                    TensorPrimitives.Add<T>(gw, tiles.GradWeightsSecond(scratch), gw);
                    IndexedTile.Scatter<T>(gw, edge.Edges, product.WeightCount, job.GradWeights, rowMajor);
                }
            }

            if (sharedGradient)
            {
                // Both weight-gradient tiles accumulated over this worker's edges; padded lanes hold zeros. Sum them, then the lanes.
                Span<T> gw = tiles.GradWeights(scratch);
                TensorPrimitives.Add<T>(gw, tiles.GradWeightsSecond(scratch), gw);
                job.SharedGradients[worker] = SharedWeights.SumLanes<T>(gw, product.WeightCount);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
            ArrayPool<T>.Shared.Return(rowMajor);
        }
    }

    /// <summary>
    /// One edge tile's operands into the scratch: the senders' features and their upstream gradient, the edges' features and
    /// theirs, per-edge weights and theirs, and (for the backward products) the receivers' gradOutput.
    /// </summary>
    private static void Gather<T>(in DoubleBackwardJob<T> job, TensorProductLayout product, in DoubleBackwardTiles<T> tiles, Span<T> scratch, in EdgeTile edge,
        Span<T> rowMajor, bool gradOutput)
        where T : unmanaged
    {
        IndexedTile.Gather(job.X, edge.Senders, product.Dim1, tiles.X1(scratch), rowMajor);
        IndexedTile.Gather(job.GradGradX, edge.Senders, product.Dim1, tiles.GradGradX1(scratch), rowMajor);
        IndexedTile.Gather(job.Edge, edge.Edges, product.Dim2, tiles.X2(scratch), rowMajor);
        IndexedTile.Gather(job.GradGradEdge, edge.Edges, product.Dim2, tiles.GradGradX2(scratch), rowMajor);
        if (gradOutput)
        {
            IndexedTile.Gather(job.GradOutput, edge.Receivers, product.DimOut, tiles.GradOutput(scratch), rowMajor);
        }

        if (job.PerEdgeWeights)
        {
            IndexedTile.Gather(job.Weights, edge.Edges, product.WeightCount, tiles.Weights(scratch), rowMajor);
            IndexedTile.Gather(job.GradGradWeights, edge.Edges, product.WeightCount, tiles.GradGradWeights(scratch), rowMajor);
        }
    }

    /// <summary>Everything a worker of the double backward pass needs, as plain values; <c>Segments</c> is the pass's grouping.</summary>
    private readonly record struct DoubleBackwardJob<T>(
        StridedRows<T> X,
        StridedRows<T> Edge,
        StridedRows<T> Weights,
        StridedRows<T> GradOutput,
        StridedRows<T> GradGradX,
        StridedRows<T> GradGradEdge,
        StridedRows<T> GradGradWeights,
        StridedRows<T> GradX,
        StridedRows<T> GradEdge,
        StridedRows<T> GradWeights,
        StridedRows<T> GradGradOutput,
        nint Senders,
        nint Receivers,
        EdgeSegments Segments,
        T[] SharedWeights,
        T[] SharedUpstreamWeights,
        T[]?[] SharedGradients,
        bool Weighted,
        bool PerEdgeWeights)
        where T : unmanaged;
}
