using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Runtime;

/// <summary>
/// The AVX2 + FMA3 micro-kernel: a 6 × 2-vector tile (6 × 16 floats or 6 × 8 doubles) in 12 of the 16 ymm registers,
/// with 2 for the right panel's row and 1 for the broadcast element — BLIS's Haswell sgemm/dgemm shape.
/// </summary>
internal readonly unsafe struct Avx2MicroKernel<T> : IMicroKernel<T>
    where T : unmanaged
{
    public int MaxRows => 6;

    public int MaxWidth => 2;

    public int VectorLength => Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply<TRows, TWidth>(nint depth, T* a, nint aRowStride, nint aDepthStride, T* b, nint bDepthStride,
        T* c, nint cRowStride, bool addToC)
        where TRows : struct, ITileCount
        where TWidth : struct, ITileCount
    {
        int rows = default(TRows).Value, width = default(TWidth).Value;
        int v = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        T* a0 = a, a1 = a + aRowStride, a2 = a + 2 * aRowStride, a3 = a + 3 * aRowStride, a4 = a + 4 * aRowStride, a5 = a + 5 * aRowStride;
        for (nint p = 0, ap = 0; p < depth; p++, ap += aDepthStride, b += bDepthStride)
        {
            Vector256<T> b0 = Vector256.Load(b);
            Vector256<T> b1 = width > 1 ? Vector256.Load(b + v) : default;
            Vector256<T> x0 = Vector256.Create(a0[ap]);
            c00 = MultiplyAdd(x0, b0, c00);
            if (width > 1) { c01 = MultiplyAdd(x0, b1, c01); }

            if (rows > 1)
            {
                Vector256<T> x1 = Vector256.Create(a1[ap]);
                c10 = MultiplyAdd(x1, b0, c10);
                if (width > 1) { c11 = MultiplyAdd(x1, b1, c11); }
            }

            if (rows > 2)
            {
                Vector256<T> x2 = Vector256.Create(a2[ap]);
                c20 = MultiplyAdd(x2, b0, c20);
                if (width > 1) { c21 = MultiplyAdd(x2, b1, c21); }
            }

            if (rows > 3)
            {
                Vector256<T> x3 = Vector256.Create(a3[ap]);
                c30 = MultiplyAdd(x3, b0, c30);
                if (width > 1) { c31 = MultiplyAdd(x3, b1, c31); }
            }

            if (rows > 4)
            {
                Vector256<T> x4 = Vector256.Create(a4[ap]);
                c40 = MultiplyAdd(x4, b0, c40);
                if (width > 1) { c41 = MultiplyAdd(x4, b1, c41); }
            }

            if (rows > 5)
            {
                Vector256<T> x5 = Vector256.Create(a5[ap]);
                c50 = MultiplyAdd(x5, b0, c50);
                if (width > 1) { c51 = MultiplyAdd(x5, b1, c51); }
            }
        }

        StoreRow<TWidth>(c, addToC, c00, c01);
        if (rows > 1) { StoreRow<TWidth>(c + cRowStride, addToC, c10, c11); }
        if (rows > 2) { StoreRow<TWidth>(c + 2 * cRowStride, addToC, c20, c21); }
        if (rows > 3) { StoreRow<TWidth>(c + 3 * cRowStride, addToC, c30, c31); }
        if (rows > 4) { StoreRow<TWidth>(c + 4 * cRowStride, addToC, c40, c41); }
        if (rows > 5) { StoreRow<TWidth>(c + 5 * cRowStride, addToC, c50, c51); }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TWidth>(T* c, bool addToC, Vector256<T> r0, Vector256<T> r1)
        where TWidth : struct, ITileCount
    {
        int width = default(TWidth).Value;
        int v = Vector256<T>.Count;
        if (addToC)
        {
            r0 += Vector256.Load(c);
            if (width > 1) { r1 += Vector256.Load(c + v); }
        }

        r0.Store(c);
        if (width > 1) { r1.Store(c + v); }
    }

    /// <summary><c>x·y + z</c> rounded once (vfmadd231ps/pd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MultiplyAdd(Vector256<T> x, Vector256<T> y, Vector256<T> z)
    {
        if (typeof(T) == typeof(float))
        {
            return Fma.MultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
        }

        return Fma.MultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();
    }
}
