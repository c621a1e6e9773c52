using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// Calls the micro-kernel instance for a tile's shape — rows 1..MR, vectors 1..4 — so that each edge shape runs
/// its own register-allocated code; and writes a tile computed into a buffer out to a result of any strides.
/// </summary>
internal static unsafe class MicroTile<T, TKernel>
    where T : unmanaged, INumberBase<T>
    where TKernel : struct, IMicroKernel<T>
{
    [MethodImpl(HotPath.Optimize)]
    public static void Multiply(int rows, int vectors, nint depth, T* a, nint aRowStride, nint aDepthStride, T* b, nint bDepthStride,
        T* c, nint cRowStride, bool addToC)
    {
        switch (vectors)
        {
            case 1:
                Multiply<One>(rows, depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
            case 2:
                Multiply<Two>(rows, depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
            case 3:
                Multiply<Three>(rows, depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
            default:
                Multiply<Four>(rows, depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
        }
    }

    /// <summary>
    /// <c>c[rows[r] + columns[j]] (+)= tile[r·tileStride + j]</c>; with <paramref name="unitColumns"/> the columns are
    /// consecutive elements from <c>columns[0]</c>.
    /// </summary>
    // AggressiveOptimization, not HotPath.Optimize: its generic arithmetic (INumberBase<T> operators) is a static virtual
    // call crossgen2 cannot compile, so this method is JIT-compiled even with the ReadyToRun image; fully optimized at once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scatter(T* tile, nint tileStride, T* c, ReadOnlySpan<nint> rows, ReadOnlySpan<nint> columns, bool unitColumns, bool addToC)
    {
        for (int r = 0; r < rows.Length; r++)
        {
            T* source = tile + (r * tileStride);
            T* target = c + rows[r];
            if (unitColumns)
            {
                target += columns[0];
                for (int j = 0; j < columns.Length; j++)
                {
                    target[j] = addToC ? target[j] + source[j] : source[j];
                }
            }
            else
            {
                for (int j = 0; j < columns.Length; j++)
                {
                    target[columns[j]] = addToC ? target[columns[j]] + source[j] : source[j];
                }
            }
        }
    }

    [MethodImpl(HotPath.Optimize)]
    private static void Multiply<TWidth>(int rows, nint depth, T* a, nint aRowStride, nint aDepthStride, T* b, nint bDepthStride,
        T* c, nint cRowStride, bool addToC)
        where TWidth : struct, ITileCount
    {
        switch (rows)
        {
            case 1:
                default(TKernel).Multiply<One, TWidth>(depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
            case 2:
                default(TKernel).Multiply<Two, TWidth>(depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
            case 3:
                default(TKernel).Multiply<Three, TWidth>(depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
            case 4:
                default(TKernel).Multiply<Four, TWidth>(depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
            case 5:
                default(TKernel).Multiply<Five, TWidth>(depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
            default:
                default(TKernel).Multiply<Six, TWidth>(depth, a, aRowStride, aDepthStride, b, bDepthStride, c, cRowStride, addToC);
                break;
        }
    }
}
