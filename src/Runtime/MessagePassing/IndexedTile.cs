using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// Moves between rows picked by index (a gather along edges, a scatter into nodes) and a feature-major tile of
/// <c>Vector&lt;T&gt;.Count</c> lanes — the layout the generated product kernels compute on (<see cref="SoaTile"/>).
/// </summary>
internal static class IndexedTile
{
    /// <summary>Row <c>rows[i]</c> of <paramref name="source"/> into lane i; lanes past <c>rows.Length</c> are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather<T>(StridedRows<T> source, ReadOnlySpan<int> rows, int dim, Span<T> tile)
        where T : unmanaged
    {
        int lanes = Vector<T>.Count;
        if (dim == 0)
        {
            return;
        }

        if (rows.Length < lanes)
        {
            tile.Slice(0, dim * lanes).Clear();
        }

        ref T destination = ref tile[0];
        nint column = source.ColumnStride;
        for (int lane = 0; lane < rows.Length; lane++)
        {
            ref T row = ref source.Row(rows[lane]);
            for (int f = 0; f < dim; f++)
            {
                Unsafe.Add(ref destination, (f * lanes) + lane) = Unsafe.Add(ref row, f * column);
            }
        }
    }

    /// <summary>Adds lane i into row <c>rows[i]</c> of <paramref name="destination"/>, lanes in order (a row repeated sums in lane order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddTo<T>(ReadOnlySpan<T> tile, ReadOnlySpan<int> rows, int dim, StridedRows<T> destination)
        where T : unmanaged, INumberBase<T>
    {
        int lanes = Vector<T>.Count;
        nint column = destination.ColumnStride;
        for (int lane = 0; lane < rows.Length; lane++)
        {
            ref T row = ref destination.Row(rows[lane]);
            for (int f = 0; f < dim; f++)
            {
                Unsafe.Add(ref row, f * column) += tile[(f * lanes) + lane];
            }
        }
    }

    /// <summary>Writes lane i into row <c>rows[i]</c> of <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scatter<T>(ReadOnlySpan<T> tile, ReadOnlySpan<int> rows, int dim, StridedRows<T> destination)
        where T : unmanaged
    {
        int lanes = Vector<T>.Count;
        nint column = destination.ColumnStride;
        for (int lane = 0; lane < rows.Length; lane++)
        {
            ref T row = ref destination.Row(rows[lane]);
            for (int f = 0; f < dim; f++)
            {
                Unsafe.Add(ref row, f * column) = tile[(f * lanes) + lane];
            }
        }
    }
}
