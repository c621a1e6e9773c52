using System;
using System.Runtime.CompilerServices;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// Copies blocks of the operands into the contiguous panels the micro-kernels stream through (Goto and van de Geijn
/// 2008, §5), reading each element at its tabulated offset, so any strides — transposed, diagonal, broadcast or
/// multi-index — pack in one pass with no transpose copy beforehand (as TBLIS and GETT do).
/// </summary>
internal static unsafe class PanelPacking
{
    /// <summary>
    /// A left panel of <c>rowOffsets.Length</c> rows over <paramref name="depthOffsets"/>, depth-major with
    /// <paramref name="rowStride"/> elements per depth step: <c>panel[p·rowStride + r] = a[rowOffsets[r] + depthOffsets[p]]</c>.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static void PackRows<T>(T* panel, int rowStride, T* a, ReadOnlySpan<nint> rowOffsets, ReadOnlySpan<nint> depthOffsets)
        where T : unmanaged
    {
        int rows = rowOffsets.Length;
        for (int p = 0; p < depthOffsets.Length; p++)
        {
            T* source = a + depthOffsets[p];
            T* target = panel + ((nint)p * rowStride);
            for (int r = 0; r < rows; r++)
            {
                target[r] = source[rowOffsets[r]];
            }
        }
    }

    /// <summary>
    /// A right panel of <paramref name="width"/> columns over <paramref name="depthOffsets"/>, one row of
    /// <paramref name="width"/> elements per depth step; the columns past <paramref name="columnOffsets"/>'s length are
    /// zero, so a tile narrower than the kernel's vectors reads zeros rather than memory outside the operand.
    /// When <paramref name="unitColumns"/> is true the columns are consecutive elements and each row is copied as a block.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static void PackColumns<T>(T* panel, int width, T* b, ReadOnlySpan<nint> depthOffsets, ReadOnlySpan<nint> columnOffsets, bool unitColumns)
        where T : unmanaged
    {
        int columns = columnOffsets.Length;
        nint first = columnOffsets[0];
        for (int p = 0; p < depthOffsets.Length; p++)
        {
            T* source = b + depthOffsets[p];
            T* target = panel + ((nint)p * width);
            if (unitColumns)
            {
                Unsafe.CopyBlockUnaligned(target, source + first, (uint)(columns * sizeof(T)));
            }
            else
            {
                for (int j = 0; j < columns; j++)
                {
                    target[j] = source[columnOffsets[j]];
                }
            }

            for (int j = columns; j < width; j++)
            {
                target[j] = default;
            }
        }
    }
}
