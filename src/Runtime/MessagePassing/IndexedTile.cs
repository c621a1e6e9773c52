using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// Moves between rows picked by index (a gather along edges, a scatter into nodes) and a feature-major tile of
/// <c>Vector&lt;T&gt;.Count</c> lanes — the layout the generated product kernels compute on (<see cref="SoaTile"/>).
/// </summary>
internal static class IndexedTile
{
    /// <summary>
    /// Row <c>rows[i]</c> of <paramref name="source"/> into lane i; lanes past <c>rows.Length</c> are zero. Rows with unit
    /// column stride are copied whole into <paramref name="rowMajor"/> (≥ lanes × dim) and transposed by
    /// <see cref="SoaTile.Gather"/>'s 8 × 8 block transposes: far fewer, contiguous memory accesses than element by element.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather<T>(StridedRows<T> source, ReadOnlySpan<int> rows, int dim, Span<T> tile, Span<T> rowMajor)
        where T : unmanaged
    {
        int lanes = Vector<T>.Count;
        if (dim == 0)
        {
            return;
        }

        if (source.ColumnStride == 1)
        {
            for (int lane = 0; lane < rows.Length; lane++)
            {
                MemoryMarshal.CreateReadOnlySpan(ref source.Row(rows[lane]), dim).CopyTo(rowMajor.Slice(lane * dim, dim));
            }

            SoaTile.Gather(in rowMajor[0], dim, 1, rows.Length, dim, tile);
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

    /// <summary>
    /// Adds lane i into row <c>rows[i]</c> of <paramref name="destination"/>, lanes in order (a row repeated sums in lane
    /// order). The tile is transposed into <paramref name="rowMajor"/> first (<see cref="SoaTile.Scatter"/>), so that each
    /// row is one contiguous vector add; element by element the sums are the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddTo<T>(ReadOnlySpan<T> tile, ReadOnlySpan<int> rows, int dim, StridedRows<T> destination, Span<T> rowMajor)
        where T : unmanaged, INumberBase<T>
    {
        if (dim == 0)
        {
            return;
        }

        SoaTile.Scatter(tile, rows.Length, dim, ref rowMajor[0], dim, 1);
        nint column = destination.ColumnStride;
        for (int lane = 0; lane < rows.Length; lane++)
        {
            ReadOnlySpan<T> message = rowMajor.Slice(lane * dim, dim);
            ref T row = ref destination.Row(rows[lane]);
            if (column == 1)
            {
                Span<T> target = MemoryMarshal.CreateSpan(ref row, dim);
                TensorPrimitives.Add<T>(target, message, target);
            }
            else
            {
                for (int f = 0; f < dim; f++)
                {
                    Unsafe.Add(ref row, f * column) += message[f];
                }
            }
        }
    }

    /// <summary>Writes lane i into row <c>rows[i]</c> of <paramref name="destination"/> (through <paramref name="rowMajor"/> as <see cref="AddTo"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scatter<T>(ReadOnlySpan<T> tile, ReadOnlySpan<int> rows, int dim, StridedRows<T> destination, Span<T> rowMajor)
        where T : unmanaged
    {
        if (dim == 0)
        {
            return;
        }

        SoaTile.Scatter(tile, rows.Length, dim, ref rowMajor[0], dim, 1);
        nint column = destination.ColumnStride;
        for (int lane = 0; lane < rows.Length; lane++)
        {
            ReadOnlySpan<T> values = rowMajor.Slice(lane * dim, dim);
            ref T row = ref destination.Row(rows[lane]);
            if (column == 1)
            {
                values.CopyTo(MemoryMarshal.CreateSpan(ref row, dim));
            }
            else
            {
                for (int f = 0; f < dim; f++)
                {
                    Unsafe.Add(ref row, f * column) = values[f];
                }
            }
        }
    }
}
