using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Runtime;

/// <summary>
/// The AVX-512F micro-kernel for <see cref="Complex"/> elements, on the interleaved layout (re, im, re, im, ...) that
/// System.Numerics.Complex has in memory: a 4 × 3-vector tile (4 × 12 complex numbers) kept as two accumulators per
/// vector — Σ Re(a)·b and Σ Im(a)·b — in 24 of the 32 zmm registers, combined once after the depth loop into
/// <c>(Σ Re(a)·Re(b) − Σ Im(a)·Im(b), Σ Re(a)·Im(b) + Σ Im(a)·Re(b))</c> with one in-lane swap per vector.
/// </summary>
/// <remarks>
/// This is BLIS's zgemm scheme (the "4M in registers" method: Van Zee and Smith 2017, ACM TOMS 44(1) 7, §3): every depth
/// step is 24 real FMAs on 12 complex columns for 3 loads of B and 8 broadcasts of A's real and imaginary parts, the same
/// FMA density as the real fp64 kernel, with no permute inside the loop and nothing packed beyond what the real GEMM packs.
/// </remarks>
internal readonly unsafe struct Avx512ComplexMicroKernel : IMicroKernel<Complex>
{
    public int MaxRows => 4;

    public int MaxWidth => 3;

    /// <summary>Complex numbers per 512-bit vector (8 doubles).</summary>
    public int VectorLength => 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply<TRows, TWidth>(nint depth, Complex* a, nint aRowStride, nint aDepthStride, Complex* b, nint bDepthStride,
        Complex* c, nint cRowStride, bool addToC)
        where TRows : struct, ITileCount
        where TWidth : struct, ITileCount
    {
        int rows = default(TRows).Value, width = default(TWidth).Value;
        // rXY: Σ Re(a[X]) · b[Y-th vector]; iXY: Σ Im(a[X]) · b[Y-th vector].
        Vector512<double> r00 = default, r01 = default, r02 = default, i00 = default, i01 = default, i02 = default;
        Vector512<double> r10 = default, r11 = default, r12 = default, i10 = default, i11 = default, i12 = default;
        Vector512<double> r20 = default, r21 = default, r22 = default, i20 = default, i21 = default, i22 = default;
        Vector512<double> r30 = default, r31 = default, r32 = default, i30 = default, i31 = default, i32 = default;
        double* a0 = (double*)a, a1 = (double*)(a + aRowStride), a2 = (double*)(a + 2 * aRowStride), a3 = (double*)(a + 3 * aRowStride);
        double* bp = (double*)b;
        nint aStep = 2 * aDepthStride, bStep = 2 * bDepthStride;
        for (nint p = 0, ap = 0; p < depth; p++, ap += aStep, bp += bStep)
        {
            Vector512<double> b0 = Vector512.Load(bp);
            Vector512<double> b1 = width > 1 ? Vector512.Load(bp + 8) : default;
            Vector512<double> b2 = width > 2 ? Vector512.Load(bp + 16) : default;
            Vector512<double> x = Vector512.Create(a0[ap]);
            Vector512<double> y = Vector512.Create(a0[ap + 1]);
            r00 = Avx512F.FusedMultiplyAdd(x, b0, r00);
            i00 = Avx512F.FusedMultiplyAdd(y, b0, i00);
            if (width > 1) { r01 = Avx512F.FusedMultiplyAdd(x, b1, r01); i01 = Avx512F.FusedMultiplyAdd(y, b1, i01); }
            if (width > 2) { r02 = Avx512F.FusedMultiplyAdd(x, b2, r02); i02 = Avx512F.FusedMultiplyAdd(y, b2, i02); }

            if (rows > 1)
            {
                x = Vector512.Create(a1[ap]);
                y = Vector512.Create(a1[ap + 1]);
                r10 = Avx512F.FusedMultiplyAdd(x, b0, r10);
                i10 = Avx512F.FusedMultiplyAdd(y, b0, i10);
                if (width > 1) { r11 = Avx512F.FusedMultiplyAdd(x, b1, r11); i11 = Avx512F.FusedMultiplyAdd(y, b1, i11); }
                if (width > 2) { r12 = Avx512F.FusedMultiplyAdd(x, b2, r12); i12 = Avx512F.FusedMultiplyAdd(y, b2, i12); }
            }

            if (rows > 2)
            {
                x = Vector512.Create(a2[ap]);
                y = Vector512.Create(a2[ap + 1]);
                r20 = Avx512F.FusedMultiplyAdd(x, b0, r20);
                i20 = Avx512F.FusedMultiplyAdd(y, b0, i20);
                if (width > 1) { r21 = Avx512F.FusedMultiplyAdd(x, b1, r21); i21 = Avx512F.FusedMultiplyAdd(y, b1, i21); }
                if (width > 2) { r22 = Avx512F.FusedMultiplyAdd(x, b2, r22); i22 = Avx512F.FusedMultiplyAdd(y, b2, i22); }
            }

            if (rows > 3)
            {
                x = Vector512.Create(a3[ap]);
                y = Vector512.Create(a3[ap + 1]);
                r30 = Avx512F.FusedMultiplyAdd(x, b0, r30);
                i30 = Avx512F.FusedMultiplyAdd(y, b0, i30);
                if (width > 1) { r31 = Avx512F.FusedMultiplyAdd(x, b1, r31); i31 = Avx512F.FusedMultiplyAdd(y, b1, i31); }
                if (width > 2) { r32 = Avx512F.FusedMultiplyAdd(x, b2, r32); i32 = Avx512F.FusedMultiplyAdd(y, b2, i32); }
            }
        }

        double* cp = (double*)c;
        nint cStep = 2 * cRowStride;
        StoreRow<TWidth>(cp, addToC, r00, i00, r01, i01, r02, i02);
        if (rows > 1) { StoreRow<TWidth>(cp + cStep, addToC, r10, i10, r11, i11, r12, i12); }
        if (rows > 2) { StoreRow<TWidth>(cp + 2 * cStep, addToC, r20, i20, r21, i21, r22, i22); }
        if (rows > 3) { StoreRow<TWidth>(cp + 3 * cStep, addToC, r30, i30, r31, i31, r32, i32); }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TWidth>(double* c, bool addToC, Vector512<double> r0, Vector512<double> i0, Vector512<double> r1,
        Vector512<double> i1, Vector512<double> r2, Vector512<double> i2)
        where TWidth : struct, ITileCount
    {
        int width = default(TWidth).Value;
        Store(c, addToC, r0, i0);
        if (width > 1) { Store(c + 8, addToC, r1, i1); }
        if (width > 2) { Store(c + 16, addToC, r2, i2); }
    }

    /// <summary>
    /// Four complex results from Σ Re(a)·b (<paramref name="real"/>) and Σ Im(a)·b (<paramref name="imaginary"/>): the real
    /// part subtracts Σ Im(a)·Im(b), the imaginary part adds Σ Im(a)·Re(b) — the swapped lanes of <paramref name="imaginary"/>
    /// times (−1, +1), exact, so each part is rounded once more than its two sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(double* c, bool addToC, Vector512<double> real, Vector512<double> imaginary)
    {
        Vector512<double> swapped = Avx512F.Permute2x64(imaginary, 0b0101_0101);
        Vector512<double> signs = Vector512.Create(-1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0);
        Vector512<double> value = Avx512F.FusedMultiplyAdd(swapped, signs, real);
        if (addToC)
        {
            value += Vector512.Load(c);
        }

        value.Store(c);
    }
}
