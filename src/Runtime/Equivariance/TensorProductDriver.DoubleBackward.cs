using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// The double backward pass: with a1, a2, aw the upstream gradients of the backward pass's results gradX1, gradX2,
/// gradWeights, the loss L = ⟨a1, B₁⟩ + ⟨a2, B₂⟩ + ⟨aw, B_w⟩ = ⟨g, TP(a1, x2; w) + TP(x1, a2; w) + TP°(x1, x2; aw)⟩ (the
/// product is linear in each argument; ° keeps the weighted paths), so each gradient is a sum of the product's own forward
/// and backward tiles on swapped arguments (docs/double-backward.md):
/// <list type="bullet">
/// <item>∂L/∂g = TP(a1, x2; w) + TP(x1, a2; w) + TP°(x1, x2; aw): three forward tiles added into one;</item>
/// <item>∂L/∂x1 = B₁(x1, a2, w; g) + B₁°(x1, x2, aw; g), ∂L/∂x2 = B₂(a1, x2, w; g) + B₂°(x1, x2, aw; g),
/// ∂L/∂w = B_w(a1, x2, w; g) + B_w(x1, a2, w; g): three backward tiles, each gradient added where it is wanted and the
/// others (each backward tile computes all three) dropped in spare tiles.</item>
/// </list>
/// </summary>
public static partial class TensorProductDriver
{
    /// <summary>The gradients of ⟨gradGradX1, gradX1⟩ + ⟨gradGradX2, gradX2⟩ + ⟨gradGradWeights, gradWeights⟩ (the backward pass's results) with respect to its inputs.</summary>
    /// <exception cref="ArgumentException">A shape does not fit the kernel, or a result overlaps an input, another result or itself; nothing has been written.</exception>
    public static unsafe void DoubleBackward<T, TKernel>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
        ReadOnlyTensorSpan<T> gradGradX1, ReadOnlyTensorSpan<T> gradGradX2, ReadOnlyTensorSpan<T> gradGradWeights,
        TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights, TensorSpan<T> gradGradOutput)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductDoubleBackward<T>
    {
        TensorProductLayout layout = TKernel.Layout;
        bool hasWeights = layout.ParameterNames.Span[2] is not null;
        int batch = TensorProductArguments.Matrix(layout.Method, layout.Name(0), x1.Lengths, layout.Dim1, -1);
        TensorProductArguments.Matrix(layout.Method, layout.Name(1), x2.Lengths, layout.Dim2, batch);
        TensorProductArguments.Matrix(layout.Method, layout.Name(3), gradOutput.Lengths, layout.DimOut, batch);
        TensorProductArguments.Matrix(layout.Method, layout.Name(4), gradGradX1.Lengths, layout.Dim1, batch);
        TensorProductArguments.Matrix(layout.Method, layout.Name(5), gradGradX2.Lengths, layout.Dim2, batch);
        TensorProductArguments.Matrix(layout.Method, layout.Name(7), gradX1.Lengths, layout.Dim1, batch);
        TensorProductArguments.Matrix(layout.Method, layout.Name(8), gradX2.Lengths, layout.Dim2, batch);
        TensorProductArguments.Matrix(layout.Method, layout.Name(10), gradGradOutput.Lengths, layout.DimOut, batch);
        if (hasWeights)
        {
            TensorProductArguments.Weights(layout, layout.Name(2), weights.Lengths, batch);
            TensorProductArguments.Weights(layout, layout.Name(6), gradGradWeights.Lengths, batch);
            TensorProductArguments.Weights(layout, layout.Name(9), gradWeights.Lengths, batch);
        }

        string[] names = new string[11];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = layout.Name(i);
        }

        DoubleBackwardArguments.CheckResults<T>(names, hasWeights,
            TensorProductArguments.Memory(x1), TensorProductArguments.Memory(x2), TensorProductArguments.Memory(weights), TensorProductArguments.Memory(gradOutput),
            TensorProductArguments.Memory(gradGradX1), TensorProductArguments.Memory(gradGradX2), TensorProductArguments.Memory(gradGradWeights),
            gradX1, gradX2, gradWeights, gradGradOutput);

        bool weighted = hasWeights && layout.WeightCount > 0;
        if (hasWeights && (layout.SharedWeights || batch == 0))
        {
            gradWeights.Fill(T.Zero);
        }

        if (batch == 0)
        {
            return;
        }

        T[] shared = layout.SharedWeights ? SharedWeights.Dense(weights, layout.WeightCount) : Array.Empty<T>();
        T[] sharedUpstream = layout.SharedWeights && hasWeights ? SharedWeights.Dense(gradGradWeights, layout.WeightCount) : Array.Empty<T>();
        bool perRowWeights = weighted && !layout.SharedWeights;
        fixed (T* px1 = &TensorMarshal.GetReference(x1))
        fixed (T* px2 = &TensorMarshal.GetReference(x2))
        fixed (T* pw = &TensorMarshal.GetReference(weights))
        fixed (T* pg = &TensorMarshal.GetReference(gradOutput))
        fixed (T* pa1 = &TensorMarshal.GetReference(gradGradX1))
        fixed (T* pa2 = &TensorMarshal.GetReference(gradGradX2))
        fixed (T* paw = &TensorMarshal.GetReference(gradGradWeights))
        fixed (T* pgx1 = &TensorMarshal.GetReference(gradX1))
        fixed (T* pgx2 = &TensorMarshal.GetReference(gradX2))
        fixed (T* pgw = &TensorMarshal.GetReference(gradWeights))
        fixed (T* pggo = &TensorMarshal.GetReference(gradGradOutput))
        {
            int tiles = Tiles<T>(batch);
            // Three forward and three backward tiles: about twelve times the forward's work.
            int workers = Parallelism.Workers(tiles, layout.FlopsPerRow * 12 * Vector<T>.Count);
            var job = new DoubleBackwardJob<T>(
                batch,
                StridedRows<T>.Of(px1, x1, layout.Dim1),
                StridedRows<T>.Of(px2, x2, layout.Dim2),
                perRowWeights ? StridedRows<T>.Of(pw, weights, layout.WeightCount) : default,
                StridedRows<T>.Of(pg, gradOutput, layout.DimOut),
                StridedRows<T>.Of(pa1, gradGradX1, layout.Dim1),
                StridedRows<T>.Of(pa2, gradGradX2, layout.Dim2),
                perRowWeights ? StridedRows<T>.Of(paw, gradGradWeights, layout.WeightCount) : default,
                StridedRows<T>.Of(pgx1, gradX1, layout.Dim1),
                StridedRows<T>.Of(pgx2, gradX2, layout.Dim2),
                perRowWeights ? StridedRows<T>.Of(pgw, gradWeights, layout.WeightCount) : default,
                StridedRows<T>.Of(pggo, gradGradOutput, layout.DimOut),
                shared,
                sharedUpstream,
                new T[workers][],
                weighted);
            Run(tiles, workers, job, static (in DoubleBackwardJob<T> j, int first, int end, int worker) => DoubleBackwardTiles<T, TKernel>(j, first, end, worker));

            if (weighted && layout.SharedWeights)
            {
                SharedWeights.WriteSum(job.SharedGradients, StridedRows<T>.Of(pgw, gradWeights, layout.WeightCount), layout.WeightCount);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DoubleBackwardTiles<T, TKernel>(in DoubleBackwardJob<T> job, int firstTile, int endTile, int worker)
        where T : unmanaged, INumberBase<T>
        where TKernel : ITensorProductDoubleBackward<T>
    {
        TensorProductLayout layout = TKernel.Layout;
        int lanes = Vector<T>.Count;
        bool weighted = job.Weighted;
        bool perRowWeights = weighted && !layout.SharedWeights;
        int x1Length = layout.Dim1 * lanes, x2Length = layout.Dim2 * lanes, outLength = layout.DimOut * lanes;
        int wLength = perRowWeights ? layout.WeightCount * lanes : 0;
        int gwLength = weighted ? layout.WeightCount * lanes : 0;
        var tiles = new DoubleBackwardTiles<T>(x1Length, x2Length, outLength, wLength, gwLength);
        T[] rented = ArrayPool<T>.Shared.Rent(tiles.Total);
        try
        {
            Span<T> scratch = rented.AsSpan(0, tiles.Total);
            scratch.Clear();
            ref T shared = ref MemoryMarshal.GetArrayDataReference(job.SharedWeights);
            ref T sharedUpstream = ref MemoryMarshal.GetArrayDataReference(job.SharedUpstreamWeights);
            for (int tile = firstTile; tile < endTile; tile++)
            {
                int row = tile * lanes;
                int rows = Math.Min(lanes, job.Batch - row);
                SoaTile.Gather(in job.X1.Row(row), job.X1.RowStride, job.X1.ColumnStride, rows, layout.Dim1, tiles.X1(scratch));
                SoaTile.Gather(in job.X2.Row(row), job.X2.RowStride, job.X2.ColumnStride, rows, layout.Dim2, tiles.X2(scratch));
                SoaTile.Gather(in job.GradOutput.Row(row), job.GradOutput.RowStride, job.GradOutput.ColumnStride, rows, layout.DimOut, tiles.GradOutput(scratch));
                SoaTile.Gather(in job.GradGradX1.Row(row), job.GradGradX1.RowStride, job.GradGradX1.ColumnStride, rows, layout.Dim1, tiles.GradGradX1(scratch));
                SoaTile.Gather(in job.GradGradX2.Row(row), job.GradGradX2.RowStride, job.GradGradX2.ColumnStride, rows, layout.Dim2, tiles.GradGradX2(scratch));
                if (perRowWeights)
                {
                    SoaTile.Gather(in job.Weights.Row(row), job.Weights.RowStride, job.Weights.ColumnStride, rows, layout.WeightCount, tiles.Weights(scratch));
                    SoaTile.Gather(in job.GradGradWeights.Row(row), job.GradGradWeights.RowStride, job.GradGradWeights.ColumnStride, rows, layout.WeightCount,
                        tiles.GradGradWeights(scratch));
                }

                ref T weights = ref perRowWeights ? ref MemoryMarshal.GetReference(tiles.Weights(scratch)) : ref shared;
                ref T upstreamWeights = ref perRowWeights ? ref MemoryMarshal.GetReference(tiles.GradGradWeights(scratch)) : ref sharedUpstream;
                tiles.Clear(scratch, forwards: true, backwards: true, sharedWeightGradients: weighted && !perRowWeights);
                DoubleBackwardTile<T, TKernel>.Forwards(scratch, tiles, ref weights, ref upstreamWeights, weighted);
                DoubleBackwardTile<T, TKernel>.Backwards(scratch, tiles, ref weights, ref upstreamWeights, weighted);

                SoaTile.Scatter<T>(tiles.GradGradOutput(scratch), rows, layout.DimOut, ref job.GradGradOutput.Row(row), job.GradGradOutput.RowStride, job.GradGradOutput.ColumnStride);
                SoaTile.Scatter<T>(tiles.GradX1(scratch), rows, layout.Dim1, ref job.GradX1.Row(row), job.GradX1.RowStride, job.GradX1.ColumnStride);
                SoaTile.Scatter<T>(tiles.GradX2(scratch), rows, layout.Dim2, ref job.GradX2.Row(row), job.GradX2.RowStride, job.GradX2.ColumnStride);
                if (perRowWeights)
                {
                    Span<T> gw = tiles.GradWeights(scratch);
                    TensorPrimitives.Add<T>(gw, tiles.GradWeightsSecond(scratch), gw);
                    SoaTile.Scatter<T>(gw, rows, layout.WeightCount, ref job.GradWeights.Row(row), job.GradWeights.RowStride, job.GradWeights.ColumnStride);
                }
            }

            if (weighted && !perRowWeights)
            {
                // Both weight-gradient tiles accumulated over this worker's tiles; padded lanes hold zeros. Sum them, then the lanes.
                Span<T> gw = tiles.GradWeights(scratch);
                TensorPrimitives.Add<T>(gw, tiles.GradWeightsSecond(scratch), gw);
                job.SharedGradients[worker] = SharedWeights.SumLanes<T>(gw, layout.WeightCount);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>What a worker needs for the double backward tiles; <c>SharedGradients</c> as in the backward pass.</summary>
    private readonly record struct DoubleBackwardJob<T>(int Batch, StridedRows<T> X1, StridedRows<T> X2, StridedRows<T> Weights, StridedRows<T> GradOutput,
        StridedRows<T> GradGradX1, StridedRows<T> GradGradX2, StridedRows<T> GradGradWeights, StridedRows<T> GradX1, StridedRows<T> GradX2,
        StridedRows<T> GradWeights, StridedRows<T> GradGradOutput, T[] SharedWeights, T[] SharedUpstreamWeights, T[]?[] SharedGradients, bool Weighted)
        where T : unmanaged;
}
