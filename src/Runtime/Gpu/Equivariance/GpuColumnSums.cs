using System;
using ILGPU;
using ILGPU.Runtime;

namespace TensorGen.Runtime.Gpu.Equivariance;

/// <summary>
/// sums[c] += Σ_r rows[r, c] over a dense [rows, columns] device matrix: the second pass of shared weights' gradient, whose
/// backward kernel writes one gradient row per batch row. Thread (c, s) adds rows s, s + slices, … of column c (adjacent
/// threads read adjacent columns) and adds its partial sum atomically. Ordered sums (a deterministic convolution's shared
/// weights) take one slice per column: one thread adds every row in order and adds its total once into the zeroed sums.
/// </summary>
internal static class GpuColumnSums
{
    /// <summary>Rows a thread sums at least before another slice is worth a thread.</summary>
    private const int RowsPerSlice = 64;

    /// <summary>Enqueues sums += the column sums of <paramref name="rows"/> on <see cref="GpuContext.Stream"/>.</summary>
    /// <param name="gpu">The context.</param>
    /// <param name="rows">A dense [rowCount, columns] matrix.</param>
    /// <param name="rowCount">Its rows.</param>
    /// <param name="columns">Its columns.</param>
    /// <param name="sums">[columns], added into.</param>
    /// <param name="ordered">Whether each column is summed by one thread in row order (bit-identical run to run when sums start at zero).</param>
    public static void Add<T>(GpuContext gpu, ArrayView<T> rows, int rowCount, int columns, ArrayView<T> sums, bool ordered = false)
        where T : unmanaged
    {
        int slices = ordered ? 1 : Math.Clamp(rowCount / RowsPerSlice, 1, 1024);
        var extent = new Index2D(columns, slices);
        if (typeof(T) == typeof(float))
        {
            gpu.Kernel(static a => a.LoadAutoGroupedKernel<Index2D, ArrayView<float>, int, int, int, ArrayView<float>>(SingleKernel))(
                gpu.Stream, extent, rows.Cast<float>(), rowCount, columns, slices, sums.Cast<float>());
        }
        else if (typeof(T) == typeof(double))
        {
            gpu.Kernel(static a => a.LoadAutoGroupedKernel<Index2D, ArrayView<double>, int, int, int, ArrayView<double>>(DoubleKernel))(
                gpu.Stream, extent, rows.Cast<double>(), rowCount, columns, slices, sums.Cast<double>());
        }
        else
        {
            throw new NotSupportedException($"Column sums of {typeof(T)}: the GPU kernels are float or double.");
        }
    }

    private static void SingleKernel(Index2D index, ArrayView<float> rows, int rowCount, int columns, int slices, ArrayView<float> sums)
    {
        float sum = 0f;
        for (int r = index.Y; r < rowCount; r += slices)
        {
            sum += rows[((long)r * columns) + index.X];
        }

        Atomic.Add(ref sums[index.X], sum);
    }

    private static void DoubleKernel(Index2D index, ArrayView<double> rows, int rowCount, int columns, int slices, ArrayView<double> sums)
    {
        double sum = 0.0;
        for (int r = index.Y; r < rowCount; r += slices)
        {
            sum += rows[((long)r * columns) + index.X];
        }

        Atomic.Add(ref sums[index.X], sum);
    }
}
