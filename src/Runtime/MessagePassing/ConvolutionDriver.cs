using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// Runs a generated tensor-product kernel as a fused message-passing layer:
/// <c>output[r] = Σ_{e: receivers[e] = r} TP(nodeFeatures[senders[e]], edgeFeatures[e]; weights[e])</c>, and its backward
/// pass. Edges are taken in tiles of <c>Vector&lt;T&gt;.Count</c>, their operands gathered by index into feature-major
/// scratch, the product's tile kernel called, and the tile's messages added straight into their receivers' rows — no
/// message tensor [E, dimOut] exists. Threads own contiguous ranges of receivers (forward) or senders (backward), found
/// from <see cref="EdgeSegments"/>, so every sum runs in edge order on one thread: deterministic, no atomics.
/// </summary>
public static partial class ConvolutionDriver
{
    /// <summary>output = Σ over edges into each receiver of the product of the sender's features and the edge's.</summary>
    /// <exception cref="ArgumentException">A shape or an index does not fit, or the output overlaps an input or itself; nothing has been written.</exception>
    public static unsafe void Forward<T, TKernel>(ConvolutionLayout names, ReadOnlyTensorSpan<T> nodeFeatures, ReadOnlyTensorSpan<T> edgeFeatures,
        ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<T> output)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductForward<T>
    {
        ArgumentNullException.ThrowIfNull(names);
        TensorProductLayout product = TKernel.Layout;
        var (_, edges, targets) = ConvolutionArguments.CheckForward(names, product, nodeFeatures, edgeFeatures, weights, senders, receivers, output);
        if (targets == 0 || product.DimOut == 0)
        {
            return;
        }

        if (edges == 0)
        {
            output.Fill(T.Zero);
            return;
        }

        EdgeSegments segments = EdgeSegments.By(receivers, targets);
        T[] shared = product.SharedWeights ? SharedWeights.Dense(weights, product.WeightCount) : Array.Empty<T>();
        bool perEdgeWeights = names.HasWeights && !product.SharedWeights;
        fixed (T* px = &TensorMarshal.GetReference(nodeFeatures))
        fixed (T* pe = &TensorMarshal.GetReference(edgeFeatures))
        fixed (T* pw = &TensorMarshal.GetReference(weights))
        fixed (T* pout = &TensorMarshal.GetReference(output))
        fixed (int* ps = senders)
        fixed (int* pr = receivers)
        {
            var job = new Job<T>(
                StridedRows<T>.Of(px, nodeFeatures, product.Dim1),
                StridedRows<T>.Of(pe, edgeFeatures, product.Dim2),
                perEdgeWeights ? StridedRows<T>.Of(pw, weights, product.WeightCount) : default,
                default,
                StridedRows<T>.Of(pout, output, product.DimOut),
                default,
                default,
                default,
                (nint)ps,
                (nint)pr,
                segments,
                shared,
                Array.Empty<T[]?>(),
                names.HasWeights && product.WeightCount > 0,
                perEdgeWeights);
            int workers = Workers<T>(edges, product.FlopsPerRow);
            Run(workers, job, static (in Job<T> j, int worker, int workers) => ForwardRange<T, TKernel>(j, worker, workers));
        }
    }

    /// <summary>
    /// The gradients of Σ output · gradOutput with respect to the node features, the edge features and the weights.
    /// </summary>
    /// <exception cref="ArgumentException">A shape or an index does not fit, or a result overlaps an input, another result or itself; nothing has been written.</exception>
    public static unsafe void Backward<T, TKernel>(ConvolutionLayout names, ReadOnlyTensorSpan<T> nodeFeatures, ReadOnlyTensorSpan<T> edgeFeatures,
        ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<T> gradOutput,
        TensorSpan<T> gradNodeFeatures, TensorSpan<T> gradEdgeFeatures, TensorSpan<T> gradWeights)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductBackward<T>
    {
        ArgumentNullException.ThrowIfNull(names);
        TensorProductLayout product = TKernel.Layout;
        bool hasWeights = names.HasWeights;
        var (nodes, edges, _) = ConvolutionArguments.CheckBackward(names, product, nodeFeatures, edgeFeatures, weights, senders, receivers, gradOutput,
            gradNodeFeatures, gradEdgeFeatures, gradWeights);
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
            return;
        }

        EdgeSegments segments = EdgeSegments.By(senders, nodes);
        T[] shared = product.SharedWeights ? SharedWeights.Dense(weights, product.WeightCount) : Array.Empty<T>();
        bool perEdgeWeights = hasWeights && !product.SharedWeights;
        fixed (T* px = &TensorMarshal.GetReference(nodeFeatures))
        fixed (T* pe = &TensorMarshal.GetReference(edgeFeatures))
        fixed (T* pw = &TensorMarshal.GetReference(weights))
        fixed (T* pg = &TensorMarshal.GetReference(gradOutput))
        fixed (T* pgx = &TensorMarshal.GetReference(gradNodeFeatures))
        fixed (T* pge = &TensorMarshal.GetReference(gradEdgeFeatures))
        fixed (T* pgw = &TensorMarshal.GetReference(gradWeights))
        fixed (int* ps = senders)
        fixed (int* pr = receivers)
        {
            // The backward pass does about three times the forward's work.
            int workers = Workers<T>(edges, product.FlopsPerRow * 3);
            var job = new Job<T>(
                StridedRows<T>.Of(px, nodeFeatures, product.Dim1),
                StridedRows<T>.Of(pe, edgeFeatures, product.Dim2),
                perEdgeWeights ? StridedRows<T>.Of(pw, weights, product.WeightCount) : default,
                StridedRows<T>.Of(pg, gradOutput, product.DimOut),
                default,
                StridedRows<T>.Of(pgx, gradNodeFeatures, product.Dim1),
                StridedRows<T>.Of(pge, gradEdgeFeatures, product.Dim2),
                perEdgeWeights ? StridedRows<T>.Of(pgw, gradWeights, product.WeightCount) : default,
                (nint)ps,
                (nint)pr,
                segments,
                shared,
                new T[workers][],
                hasWeights && product.WeightCount > 0,
                perEdgeWeights);
            Run(workers, job, static (in Job<T> j, int worker, int workers) => BackwardRange<T, TKernel>(j, worker, workers));

            if (hasWeights && product.SharedWeights)
            {
                SharedWeights.WriteSum(job.SharedGradients, StridedRows<T>.Of(pgw, gradWeights, product.WeightCount), product.WeightCount);
            }
        }
    }

    private delegate void WorkerBody<TJob>(in TJob job, int worker, int workers);

    private static int Workers<T>(int edges, long flopsPerEdge)
    {
        int tiles = (edges + Vector<T>.Count - 1) / Vector<T>.Count;
        return Parallelism.Workers(tiles, flopsPerEdge * Vector<T>.Count);
    }

    private static void Run<TJob>(int workers, TJob job, WorkerBody<TJob> body)
    {
        if (workers == 1)
        {
            body(job, 0, 1);
            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w => body(job, w, workers));
    }

    /// <summary>One worker's receivers: their rows cleared, then every edge into them, tile by tile, added in edge order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ForwardRange<T, TKernel>(in Job<T> job, int worker, int workers)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductForward<T>
    {
        TensorProductLayout product = TKernel.Layout;
        EdgeSegments segments = job.Segments;
        int firstNode = segments.FirstNode(worker, workers), endNode = segments.FirstNode(worker + 1, workers);
        for (int node = firstNode; node < endNode; node++)
        {
            ref T row = ref job.Output.Row(node);
            for (int f = 0; f < product.DimOut; f++)
            {
                Unsafe.Add(ref row, f * job.Output.ColumnStride) = T.Zero;
            }
        }

        int lanes = Vector<T>.Count;
        bool perEdgeWeights = job.PerEdgeWeights;
        int x1Length = product.Dim1 * lanes, x2Length = product.Dim2 * lanes, outLength = product.DimOut * lanes;
        int wLength = perEdgeWeights ? product.WeightCount * lanes : 0;
        int rowMajorLength = Math.Max(Math.Max(product.Dim1, product.Dim2), Math.Max(product.DimOut, product.WeightCount)) * lanes;
        T[] rented = ArrayPool<T>.Shared.Rent(x1Length + x2Length + wLength + outLength + 1);
        T[] rowMajor = ArrayPool<T>.Shared.Rent(rowMajorLength + 1);
        int* senderRows = stackalloc int[lanes];
        int* edgeRows = stackalloc int[lanes];
        int* receiverRows = stackalloc int[lanes];
        try
        {
            Span<T> scratch = rented;
            Span<T> x1 = scratch.Slice(0, x1Length);
            Span<T> x2 = scratch.Slice(x1Length, x2Length);
            Span<T> w = scratch.Slice(x1Length + x2Length, wLength);
            Span<T> messages = scratch.Slice(x1Length + x2Length + wLength, outLength);
            ref T weights = ref perEdgeWeights ? ref MemoryMarshal.GetReference(w) : ref MemoryMarshal.GetArrayDataReference(job.SharedWeights);
            int* senders = (int*)job.Senders, receivers = (int*)job.Receivers;
            int end = segments.Offsets[endNode];
            for (int at = segments.Offsets[firstNode]; at < end; at += lanes)
            {
                int rows = Math.Min(lanes, end - at);
                for (int lane = 0; lane < rows; lane++)
                {
                    int edge = segments.Order[at + lane];
                    edgeRows[lane] = edge;
                    senderRows[lane] = senders[edge];
                    receiverRows[lane] = receivers[edge];
                }

                IndexedTile.Gather(job.X, new ReadOnlySpan<int>(senderRows, rows), product.Dim1, x1, rowMajor);
                IndexedTile.Gather(job.Edge, new ReadOnlySpan<int>(edgeRows, rows), product.Dim2, x2, rowMajor);
                if (perEdgeWeights)
                {
                    IndexedTile.Gather(job.Weights, new ReadOnlySpan<int>(edgeRows, rows), product.WeightCount, w, rowMajor);
                }

                TKernel.Forward(ref MemoryMarshal.GetReference(x1), ref MemoryMarshal.GetReference(x2), ref weights, ref MemoryMarshal.GetReference(messages));
                IndexedTile.AddTo<T>(messages, new ReadOnlySpan<int>(receiverRows, rows), product.DimOut, job.Output, rowMajor);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
            ArrayPool<T>.Shared.Return(rowMajor);
        }
    }

    /// <summary>
    /// One worker's senders: every edge out of them, tile by tile — the node features' gradient added into the sender's row
    /// (owned by this worker), the edge features' and per-edge weights' gradients written to the edge's row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void BackwardRange<T, TKernel>(in Job<T> job, int worker, int workers)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductBackward<T>
    {
        TensorProductLayout product = TKernel.Layout;
        EdgeSegments segments = job.Segments;
        int firstNode = segments.FirstNode(worker, workers), endNode = segments.FirstNode(worker + 1, workers);
        int lanes = Vector<T>.Count;
        bool weighted = job.Weighted;
        bool perEdgeWeights = job.PerEdgeWeights;
        int x1Length = product.Dim1 * lanes, x2Length = product.Dim2 * lanes, outLength = product.DimOut * lanes;
        int wLength = perEdgeWeights ? product.WeightCount * lanes : 0;
        int gwLength = weighted ? product.WeightCount * lanes : 0;
        int total = (2 * (x1Length + x2Length)) + wLength + outLength + gwLength + 1;
        int rowMajorLength = Math.Max(Math.Max(product.Dim1, product.Dim2), Math.Max(product.DimOut, product.WeightCount)) * lanes;
        T[] rented = ArrayPool<T>.Shared.Rent(total);
        T[] rowMajor = ArrayPool<T>.Shared.Rent(rowMajorLength + 1);
        int* senderRows = stackalloc int[lanes];
        int* edgeRows = stackalloc int[lanes];
        int* receiverRows = stackalloc int[lanes];
        try
        {
            Span<T> scratch = rented.AsSpan(0, total);
            scratch.Clear();
            int offset = 0;
            Span<T> Take(Span<T> all, int length)
            {
                Span<T> part = all.Slice(offset, length);
                offset += length;
                return part;
            }

            Span<T> x1 = Take(scratch, x1Length), x2 = Take(scratch, x2Length), w = Take(scratch, wLength), g = Take(scratch, outLength);
            Span<T> gx1 = Take(scratch, x1Length), gx2 = Take(scratch, x2Length), gw = Take(scratch, gwLength);
            ref T weights = ref perEdgeWeights ? ref MemoryMarshal.GetReference(w) : ref MemoryMarshal.GetArrayDataReference(job.SharedWeights);
            int* senders = (int*)job.Senders, receivers = (int*)job.Receivers;
            int end = segments.Offsets[endNode];
            for (int at = segments.Offsets[firstNode]; at < end; at += lanes)
            {
                int rows = Math.Min(lanes, end - at);
                for (int lane = 0; lane < rows; lane++)
                {
                    int edge = segments.Order[at + lane];
                    edgeRows[lane] = edge;
                    senderRows[lane] = senders[edge];
                    receiverRows[lane] = receivers[edge];
                }

                var edgeSpan = new ReadOnlySpan<int>(edgeRows, rows);
                IndexedTile.Gather(job.X, new ReadOnlySpan<int>(senderRows, rows), product.Dim1, x1, rowMajor);
                IndexedTile.Gather(job.Edge, edgeSpan, product.Dim2, x2, rowMajor);
                IndexedTile.Gather(job.GradOutput, new ReadOnlySpan<int>(receiverRows, rows), product.DimOut, g, rowMajor);
                if (perEdgeWeights)
                {
                    IndexedTile.Gather(job.Weights, edgeSpan, product.WeightCount, w, rowMajor);
                }

                gx1.Clear();
                gx2.Clear();
                TKernel.Backward(ref MemoryMarshal.GetReference(x1), ref MemoryMarshal.GetReference(x2), ref weights, ref MemoryMarshal.GetReference(g),
                    ref MemoryMarshal.GetReference(gx1), ref MemoryMarshal.GetReference(gx2), ref MemoryMarshal.GetReference(gw));
                IndexedTile.AddTo<T>(gx1, new ReadOnlySpan<int>(senderRows, rows), product.Dim1, job.GradX, rowMajor);
                IndexedTile.Scatter<T>(gx2, edgeSpan, product.Dim2, job.GradEdge, rowMajor);
                if (perEdgeWeights)
                {
                    IndexedTile.Scatter<T>(gw, edgeSpan, product.WeightCount, job.GradWeights, rowMajor);
                }
            }

            if (weighted && !perEdgeWeights)
            {
                // Shared weights: the tile accumulated over this worker's edges; padded lanes hold zeros. Sum the lanes.
                job.SharedGradients[worker] = SharedWeights.SumLanes<T>(gw, product.WeightCount);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
            ArrayPool<T>.Shared.Return(rowMajor);
        }
    }

    /// <summary>Everything a worker needs, as plain values (tensor spans cannot cross threads); unused parts default.</summary>
    private readonly record struct Job<T>(
        StridedRows<T> X,
        StridedRows<T> Edge,
        StridedRows<T> Weights,
        StridedRows<T> GradOutput,
        StridedRows<T> Output,
        StridedRows<T> GradX,
        StridedRows<T> GradEdge,
        StridedRows<T> GradWeights,
        nint Senders,
        nint Receivers,
        EdgeSegments Segments,
        T[] SharedWeights,
        T[]?[] SharedGradients,
        bool Weighted,
        bool PerEdgeWeights)
        where T : unmanaged;
}
