using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Threading.Tasks;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// Runs a generated tensor-product kernel over a batch: checks the shapes, then cuts the batch into tiles of
/// <c>Vector&lt;T&gt;.Count</c> rows, transposes each tile's rows into feature-major scratch, calls the kernel, and
/// transposes the results back. Tiles are shared out to worker threads in contiguous ranges (<see cref="Parallelism"/>);
/// each worker has its own scratch.
/// </summary>
public static partial class TensorProductDriver
{
    /// <summary>output = x1 ⊗ x2 with the kernel <typeparamref name="TKernel"/>.</summary>
    /// <exception cref="ArgumentException">A shape does not fit the kernel, or the output overlaps an input or itself; nothing has been written.</exception>
    public static unsafe void Forward<T, TKernel>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, TensorSpan<T> output)
        where T : unmanaged
        where TKernel : ITensorProductForward<T>
    {
        TensorProductLayout layout = TKernel.Layout;
        int batch = TensorProductArguments.CheckForward(layout, x1, x2, weights, output, out bool hasWeights);

        if (batch == 0 || layout.DimOut == 0)
        {
            return;
        }

        T[] shared = layout.SharedWeights ? SharedWeights.Dense(weights, layout.WeightCount) : Array.Empty<T>();
        fixed (T* px1 = &TensorMarshal.GetReference(x1))
        fixed (T* px2 = &TensorMarshal.GetReference(x2))
        fixed (T* pw = &TensorMarshal.GetReference(weights))
        fixed (T* pout = &TensorMarshal.GetReference(output))
        {
            var job = new ForwardJob<T>(
                batch,
                StridedRows<T>.Of(px1, x1, layout.Dim1),
                StridedRows<T>.Of(px2, x2, layout.Dim2),
                layout.SharedWeights || !hasWeights ? default : StridedRows<T>.Of(pw, weights, layout.WeightCount),
                StridedRows<T>.Of(pout, output, layout.DimOut),
                shared);
            int tiles = Tiles<T>(batch);
            Run(tiles, Parallelism.Workers(tiles, layout.FlopsPerRow * Vector<T>.Count), job,
                static (in ForwardJob<T> j, int first, int end, int _) => ForwardTiles<T, TKernel>(j, first, end));
        }
    }

    /// <summary>The gradients of Σ output · gradOutput with respect to x1, x2 and the weights, with the kernel <typeparamref name="TKernel"/>.</summary>
    /// <exception cref="ArgumentException">A shape does not fit the kernel, or a result overlaps an input, another result or itself; nothing has been written.</exception>
    public static unsafe void Backward<T, TKernel>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
        TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductBackward<T>
    {
        TensorProductLayout layout = TKernel.Layout;
        int batch = TensorProductArguments.CheckBackward(layout, x1, x2, weights, gradOutput, gradX1, gradX2, gradWeights, out bool hasWeights);

        if (hasWeights && layout.SharedWeights)
        {
            Fill(gradWeights, T.Zero);
        }

        if (batch == 0)
        {
            if (hasWeights && !layout.SharedWeights)
            {
                Fill(gradWeights, T.Zero);
            }

            return;
        }

        T[] shared = layout.SharedWeights ? SharedWeights.Dense(weights, layout.WeightCount) : Array.Empty<T>();
        fixed (T* px1 = &TensorMarshal.GetReference(x1))
        fixed (T* px2 = &TensorMarshal.GetReference(x2))
        fixed (T* pw = &TensorMarshal.GetReference(weights))
        fixed (T* pg = &TensorMarshal.GetReference(gradOutput))
        fixed (T* pgx1 = &TensorMarshal.GetReference(gradX1))
        fixed (T* pgx2 = &TensorMarshal.GetReference(gradX2))
        fixed (T* pgw = &TensorMarshal.GetReference(gradWeights))
        {
            bool perRowWeights = hasWeights && !layout.SharedWeights;
            int tiles = Tiles<T>(batch);
            // The backward pass does about three times the forward's work.
            int workers = Parallelism.Workers(tiles, layout.FlopsPerRow * 3 * Vector<T>.Count);
            var job = new BackwardJob<T>(
                batch,
                StridedRows<T>.Of(px1, x1, layout.Dim1),
                StridedRows<T>.Of(px2, x2, layout.Dim2),
                perRowWeights ? StridedRows<T>.Of(pw, weights, layout.WeightCount) : default,
                StridedRows<T>.Of(pg, gradOutput, layout.DimOut),
                StridedRows<T>.Of(pgx1, gradX1, layout.Dim1),
                StridedRows<T>.Of(pgx2, gradX2, layout.Dim2),
                perRowWeights ? StridedRows<T>.Of(pgw, gradWeights, layout.WeightCount) : default,
                shared,
                new T[workers][]);
            Run(tiles, workers, job, static (in BackwardJob<T> j, int first, int end, int worker) => BackwardTiles<T, TKernel>(j, first, end, worker));

            if (hasWeights && layout.SharedWeights)
            {
                SharedWeights.WriteSum(job.SharedGradients, StridedRows<T>.Of(pgw, gradWeights, layout.WeightCount), layout.WeightCount);
            }
        }
    }

    private delegate void TileRange<TJob>(in TJob job, int firstTile, int endTile, int worker);

    private static int Tiles<T>(int batch) => (batch + Vector<T>.Count - 1) / Vector<T>.Count;

    /// <summary>Runs <paramref name="body"/> on <paramref name="workers"/> contiguous tile ranges, on this thread when there is one.</summary>
    private static void Run<TJob>(int tiles, int workers, TJob job, TileRange<TJob> body)
    {
        if (workers == 1)
        {
            body(job, 0, tiles, 0);
            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            body(job, (int)((long)tiles * w / workers), (int)((long)tiles * (w + 1) / workers), w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardTiles<T, TKernel>(in ForwardJob<T> job, int firstTile, int endTile)
        where T : unmanaged
        where TKernel : ITensorProductForward<T>
    {
        TensorProductLayout layout = TKernel.Layout;
        int lanes = Vector<T>.Count;
        bool perRowWeights = !layout.SharedWeights && layout.WeightCount > 0;
        int x1Length = layout.Dim1 * lanes, x2Length = layout.Dim2 * lanes, outLength = layout.DimOut * lanes;
        int wLength = perRowWeights ? layout.WeightCount * lanes : 0;
        bool streaming = IsStreamed<T>(job.Batch, layout.DimOut);
        T[] rented = ArrayPool<T>.Shared.Rent(x1Length + x2Length + wLength + outLength + 1);
        try
        {
            Span<T> scratch = rented;
            Span<T> x1 = scratch.Slice(0, x1Length);
            Span<T> x2 = scratch.Slice(x1Length, x2Length);
            Span<T> w = scratch.Slice(x1Length + x2Length, wLength);
            Span<T> output = scratch.Slice(x1Length + x2Length + wLength, outLength);
            ref T weights = ref perRowWeights ? ref MemoryMarshal.GetReference(w) : ref MemoryMarshal.GetArrayDataReference(job.SharedWeights);
            for (int tile = firstTile; tile < endTile; tile++)
            {
                int row = tile * lanes;
                int rows = Math.Min(lanes, job.Batch - row);
                SoaTile.Gather(in job.X1.Row(row), job.X1.RowStride, job.X1.ColumnStride, rows, layout.Dim1, x1);
                SoaTile.Gather(in job.X2.Row(row), job.X2.RowStride, job.X2.ColumnStride, rows, layout.Dim2, x2);
                if (perRowWeights)
                {
                    SoaTile.Gather(in job.Weights.Row(row), job.Weights.RowStride, job.Weights.ColumnStride, rows, layout.WeightCount, w);
                }

                TKernel.Forward(ref MemoryMarshal.GetReference(x1), ref MemoryMarshal.GetReference(x2), ref weights, ref MemoryMarshal.GetReference(output));
                SoaTile.Scatter<T>(output, rows, layout.DimOut, ref job.Output.Row(row), job.Output.RowStride, job.Output.ColumnStride, streaming);
            }

            if (streaming)
            {
                Sse.StoreFence();
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardTiles<T, TKernel>(in BackwardJob<T> job, int firstTile, int endTile, int worker)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductBackward<T>
    {
        TensorProductLayout layout = TKernel.Layout;
        int lanes = Vector<T>.Count;
        bool weighted = layout.WeightCount > 0 && layout.ParameterNames.Span[2] is not null;
        bool perRowWeights = weighted && !layout.SharedWeights;
        int x1Length = layout.Dim1 * lanes, x2Length = layout.Dim2 * lanes, outLength = layout.DimOut * lanes;
        int wLength = perRowWeights ? layout.WeightCount * lanes : 0;
        int gwLength = weighted ? layout.WeightCount * lanes : 0;
        int total = (2 * (x1Length + x2Length)) + wLength + outLength + gwLength + 1;
        bool streamX1 = IsStreamed<T>(job.Batch, layout.Dim1);
        bool streamWeights = perRowWeights && IsStreamed<T>(job.Batch, layout.WeightCount);
        T[] rented = ArrayPool<T>.Shared.Rent(total);
        try
        {
            Span<T> scratch = rented.AsSpan(0, total);
            scratch.Clear();
            int at = 0;
            Span<T> Take(Span<T> all, int length)
            {
                Span<T> part = all.Slice(at, length);
                at += length;
                return part;
            }

            Span<T> x1 = Take(scratch, x1Length), x2 = Take(scratch, x2Length), w = Take(scratch, wLength), g = Take(scratch, outLength);
            Span<T> gx1 = Take(scratch, x1Length), gx2 = Take(scratch, x2Length), gw = Take(scratch, gwLength);
            ref T weights = ref perRowWeights ? ref MemoryMarshal.GetReference(w) : ref MemoryMarshal.GetArrayDataReference(job.SharedWeights);
            for (int tile = firstTile; tile < endTile; tile++)
            {
                int row = tile * lanes;
                int rows = Math.Min(lanes, job.Batch - row);
                SoaTile.Gather(in job.X1.Row(row), job.X1.RowStride, job.X1.ColumnStride, rows, layout.Dim1, x1);
                SoaTile.Gather(in job.X2.Row(row), job.X2.RowStride, job.X2.ColumnStride, rows, layout.Dim2, x2);
                SoaTile.Gather(in job.GradOutput.Row(row), job.GradOutput.RowStride, job.GradOutput.ColumnStride, rows, layout.DimOut, g);
                if (perRowWeights)
                {
                    SoaTile.Gather(in job.Weights.Row(row), job.Weights.RowStride, job.Weights.ColumnStride, rows, layout.WeightCount, w);
                }

                gx1.Clear();
                gx2.Clear();
                TKernel.Backward(ref MemoryMarshal.GetReference(x1), ref MemoryMarshal.GetReference(x2), ref weights, ref MemoryMarshal.GetReference(g),
                    ref MemoryMarshal.GetReference(gx1), ref MemoryMarshal.GetReference(gx2), ref MemoryMarshal.GetReference(gw));
                SoaTile.Scatter<T>(gx1, rows, layout.Dim1, ref job.GradX1.Row(row), job.GradX1.RowStride, job.GradX1.ColumnStride, streamX1);
                SoaTile.Scatter<T>(gx2, rows, layout.Dim2, ref job.GradX2.Row(row), job.GradX2.RowStride, job.GradX2.ColumnStride);
                if (perRowWeights)
                {
                    SoaTile.Scatter<T>(gw, rows, layout.WeightCount, ref job.GradWeights.Row(row), job.GradWeights.RowStride, job.GradWeights.ColumnStride, streamWeights);
                }
            }

            if (streamX1 || streamWeights)
            {
                Sse.StoreFence();
            }

            if (weighted && layout.SharedWeights)
            {
                // The tile accumulated over this worker's tiles; padded lanes hold zeros. Sum the lanes.
                job.SharedGradients[worker] = SharedWeights.SumLanes<T>(gw, layout.WeightCount);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>Results of at least this many bytes are written with non-temporal stores: they would not stay in cache anyway.</summary>
    internal const long StreamingBytes = 4 << 20;

    private static bool IsStreamed<T>(int batch, int features) =>
        Sse.IsSupported && (long)batch * features * Unsafe.SizeOf<T>() >= StreamingBytes;


    private static void Fill<T>(TensorSpan<T> tensor, T value) => tensor.Fill(value);

    /// <summary>What a worker needs for the forward tiles: the pinned operands and the shared weights (dense).</summary>
    private readonly record struct ForwardJob<T>(int Batch, StridedRows<T> X1, StridedRows<T> X2, StridedRows<T> Weights, StridedRows<T> Output, T[] SharedWeights)
        where T : unmanaged;

    /// <summary>
    /// What a worker needs for the backward tiles: the pinned operands and gradients, the shared weights (dense), and
    /// <c>SharedGradients</c>, each worker's Σ over its rows of the shared weights' gradient.
    /// </summary>
    private readonly record struct BackwardJob<T>(int Batch, StridedRows<T> X1, StridedRows<T> X2, StridedRows<T> Weights, StridedRows<T> GradOutput,
        StridedRows<T> GradX1, StridedRows<T> GradX2, StridedRows<T> GradWeights, T[] SharedWeights, T[]?[] SharedGradients)
        where T : unmanaged;
}
