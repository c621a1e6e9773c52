using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Runtime;

/// <summary>
/// The AVX-512F micro-kernel: a 6 × 4-vector tile (6 × 64 floats or 6 × 32 doubles) in 24 of the 32 zmm registers,
/// with 4 for the right panel's row and 1 for the broadcast element: 24 FMAs per 10 loads at each depth step.
/// </summary>
/// <remarks>
/// Zen 4 issues one 512-bit FMA per cycle and Zen 5 two, each with a latency of 4 cycles, so 24 independent
/// accumulators keep both pipes busy; the shape is BLIS's row-preferential 6 × NR tile widened to 512 bits.
/// </remarks>
internal readonly unsafe struct Avx512MicroKernel<T> : IMicroKernel<T>
    where T : unmanaged
{
    public int MaxRows => 6;

    public int MaxWidth => 4;

    public int VectorLength => Vector512<T>.Count;

    // AggressiveOptimization (so crossgen2 leaves it to the JIT, fully optimized on first use): precompiled, this loop
    // became hot as ReadyToRun code and went through TieredPGO's instrumented tier, 5-50x slower, for hundreds of calls.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply<TRows, TWidth>(nint depth, T* a, nint aRowStride, nint aDepthStride, T* b, nint bDepthStride,
        T* c, nint cRowStride, bool addToC)
        where TRows : struct, ITileCount
        where TWidth : struct, ITileCount
    {
        int rows = default(TRows).Value, width = default(TWidth).Value;
        int v = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<T> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<T> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<T> c30 = default, c31 = default, c32 = default, c33 = default;
        Vector512<T> c40 = default, c41 = default, c42 = default, c43 = default;
        Vector512<T> c50 = default, c51 = default, c52 = default, c53 = default;
        T* a0 = a, a1 = a + aRowStride, a2 = a + 2 * aRowStride, a3 = a + 3 * aRowStride, a4 = a + 4 * aRowStride, a5 = a + 5 * aRowStride;
        for (nint p = 0, ap = 0; p < depth; p++, ap += aDepthStride, b += bDepthStride)
        {
            Vector512<T> b0 = Vector512.Load(b);
            Vector512<T> b1 = width > 1 ? Vector512.Load(b + v) : default;
            Vector512<T> b2 = width > 2 ? Vector512.Load(b + 2 * v) : default;
            Vector512<T> b3 = width > 3 ? Vector512.Load(b + 3 * v) : default;
            Vector512<T> x0 = Vector512.Create(a0[ap]);
            c00 = MultiplyAdd(x0, b0, c00);
            if (width > 1) { c01 = MultiplyAdd(x0, b1, c01); }
            if (width > 2) { c02 = MultiplyAdd(x0, b2, c02); }
            if (width > 3) { c03 = MultiplyAdd(x0, b3, c03); }

            if (rows > 1)
            {
                Vector512<T> x1 = Vector512.Create(a1[ap]);
                c10 = MultiplyAdd(x1, b0, c10);
                if (width > 1) { c11 = MultiplyAdd(x1, b1, c11); }
                if (width > 2) { c12 = MultiplyAdd(x1, b2, c12); }
                if (width > 3) { c13 = MultiplyAdd(x1, b3, c13); }
            }

            if (rows > 2)
            {
                Vector512<T> x2 = Vector512.Create(a2[ap]);
                c20 = MultiplyAdd(x2, b0, c20);
                if (width > 1) { c21 = MultiplyAdd(x2, b1, c21); }
                if (width > 2) { c22 = MultiplyAdd(x2, b2, c22); }
                if (width > 3) { c23 = MultiplyAdd(x2, b3, c23); }
            }

            if (rows > 3)
            {
                Vector512<T> x3 = Vector512.Create(a3[ap]);
                c30 = MultiplyAdd(x3, b0, c30);
                if (width > 1) { c31 = MultiplyAdd(x3, b1, c31); }
                if (width > 2) { c32 = MultiplyAdd(x3, b2, c32); }
                if (width > 3) { c33 = MultiplyAdd(x3, b3, c33); }
            }

            if (rows > 4)
            {
                Vector512<T> x4 = Vector512.Create(a4[ap]);
                c40 = MultiplyAdd(x4, b0, c40);
                if (width > 1) { c41 = MultiplyAdd(x4, b1, c41); }
                if (width > 2) { c42 = MultiplyAdd(x4, b2, c42); }
                if (width > 3) { c43 = MultiplyAdd(x4, b3, c43); }
            }

            if (rows > 5)
            {
                Vector512<T> x5 = Vector512.Create(a5[ap]);
                c50 = MultiplyAdd(x5, b0, c50);
                if (width > 1) { c51 = MultiplyAdd(x5, b1, c51); }
                if (width > 2) { c52 = MultiplyAdd(x5, b2, c52); }
                if (width > 3) { c53 = MultiplyAdd(x5, b3, c53); }
            }
        }

        StoreRow<TWidth>(c, addToC, c00, c01, c02, c03);
        if (rows > 1) { StoreRow<TWidth>(c + cRowStride, addToC, c10, c11, c12, c13); }
        if (rows > 2) { StoreRow<TWidth>(c + 2 * cRowStride, addToC, c20, c21, c22, c23); }
        if (rows > 3) { StoreRow<TWidth>(c + 3 * cRowStride, addToC, c30, c31, c32, c33); }
        if (rows > 4) { StoreRow<TWidth>(c + 4 * cRowStride, addToC, c40, c41, c42, c43); }
        if (rows > 5) { StoreRow<TWidth>(c + 5 * cRowStride, addToC, c50, c51, c52, c53); }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TWidth>(T* c, bool addToC, Vector512<T> r0, Vector512<T> r1, Vector512<T> r2, Vector512<T> r3)
        where TWidth : struct, ITileCount
    {
        int width = default(TWidth).Value;
        int v = Vector512<T>.Count;
        if (addToC)
        {
            r0 += Vector512.Load(c);
            if (width > 1) { r1 += Vector512.Load(c + v); }
            if (width > 2) { r2 += Vector512.Load(c + 2 * v); }
            if (width > 3) { r3 += Vector512.Load(c + 3 * v); }
        }

        r0.Store(c);
        if (width > 1) { r1.Store(c + v); }
        if (width > 2) { r2.Store(c + 2 * v); }
        if (width > 3) { r3.Store(c + 3 * v); }
    }

    /// <summary><c>x·y + z</c> rounded once (vfmadd231ps/pd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> MultiplyAdd(Vector512<T> x, Vector512<T> y, Vector512<T> z)
    {
        if (typeof(T) == typeof(float))
        {
            return Avx512F.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
        }

        return Avx512F.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();
    }
}
