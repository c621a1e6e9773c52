using System.Runtime.CompilerServices;
using System.Numerics;

namespace TensorGen.Runtime;

/// <summary>
/// The scalar micro-kernel: a 4 × 2 tile in 8 registers, for hardware without SIMD and as the plain reference the
/// vector tiers are tested against. Multiply-add is two roundings (no FMA), as scalar code without FMA computes it.
/// </summary>
internal readonly unsafe struct ScalarMicroKernel<T> : IMicroKernel<T>
    where T : unmanaged, INumberBase<T>
{
    public int MaxRows => 4;

    public int MaxWidth => 2;

    public int VectorLength => 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply<TRows, TWidth>(nint depth, T* a, nint aRowStride, nint aDepthStride, T* b, nint bDepthStride,
        T* c, nint cRowStride, bool addToC)
        where TRows : struct, ITileCount
        where TWidth : struct, ITileCount
    {
        int rows = default(TRows).Value, width = default(TWidth).Value;
        const int v = 1;
        T c00 = default, c01 = default;
        T c10 = default, c11 = default;
        T c20 = default, c21 = default;
        T c30 = default, c31 = default;
        T* a0 = a, a1 = a + aRowStride, a2 = a + 2 * aRowStride, a3 = a + 3 * aRowStride;
        for (nint p = 0, ap = 0; p < depth; p++, ap += aDepthStride, b += bDepthStride)
        {
            T b0 = *b;
            T b1 = width > 1 ? b[v] : default;
            T x0 = a0[ap];
            c00 = MultiplyAdd(x0, b0, c00);
            if (width > 1) { c01 = MultiplyAdd(x0, b1, c01); }

            if (rows > 1)
            {
                T x1 = a1[ap];
                c10 = MultiplyAdd(x1, b0, c10);
                if (width > 1) { c11 = MultiplyAdd(x1, b1, c11); }
            }

            if (rows > 2)
            {
                T x2 = a2[ap];
                c20 = MultiplyAdd(x2, b0, c20);
                if (width > 1) { c21 = MultiplyAdd(x2, b1, c21); }
            }

            if (rows > 3)
            {
                T x3 = a3[ap];
                c30 = MultiplyAdd(x3, b0, c30);
                if (width > 1) { c31 = MultiplyAdd(x3, b1, c31); }
            }
        }

        StoreRow<TWidth>(c, addToC, c00, c01);
        if (rows > 1) { StoreRow<TWidth>(c + cRowStride, addToC, c10, c11); }
        if (rows > 2) { StoreRow<TWidth>(c + 2 * cRowStride, addToC, c20, c21); }
        if (rows > 3) { StoreRow<TWidth>(c + 3 * cRowStride, addToC, c30, c31); }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TWidth>(T* c, bool addToC, T r0, T r1)
        where TWidth : struct, ITileCount
    {
        int width = default(TWidth).Value;
        const int v = 1;
        if (addToC)
        {
            r0 += c[0];
            if (width > 1) { r1 += c[v]; }
        }

        c[0] = r0;
        if (width > 1) { c[v] = r1; }
    }

    /// <summary><c>x·y + z</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MultiplyAdd(T x, T y, T z)
    {
        return x * y + z;
    }
}
