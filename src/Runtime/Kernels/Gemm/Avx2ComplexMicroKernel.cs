using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Runtime;

/// <summary>
/// The AVX2 + FMA3 micro-kernel for <see cref="Complex"/> elements: <see cref="Avx512ComplexMicroKernel"/>'s scheme in ymm
/// registers — a 3 × 2-vector tile (3 × 4 complex numbers), two accumulators per vector (Σ Re(a)·b and Σ Im(a)·b) in 12 of
/// the 16 registers, 2 for the right panel's row and 2 for the broadcast parts, combined after the depth loop.
/// </summary>
internal readonly unsafe struct Avx2ComplexMicroKernel : IMicroKernel<Complex>
{
    public int MaxRows => 3;

    public int MaxWidth => 2;

    /// <summary>Complex numbers per 256-bit vector (4 doubles).</summary>
    public int VectorLength => 2;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply<TRows, TWidth>(nint depth, Complex* a, nint aRowStride, nint aDepthStride, Complex* b, nint bDepthStride,
        Complex* c, nint cRowStride, bool addToC)
        where TRows : struct, ITileCount
        where TWidth : struct, ITileCount
    {
        int rows = default(TRows).Value, width = default(TWidth).Value;
        // rXY: Σ Re(a[X]) · b[Y-th vector]; iXY: Σ Im(a[X]) · b[Y-th vector].
        Vector256<double> r00 = default, r01 = default, i00 = default, i01 = default;
        Vector256<double> r10 = default, r11 = default, i10 = default, i11 = default;
        Vector256<double> r20 = default, r21 = default, i20 = default, i21 = default;
        double* a0 = (double*)a, a1 = (double*)(a + aRowStride), a2 = (double*)(a + 2 * aRowStride);
        double* bp = (double*)b;
        nint aStep = 2 * aDepthStride, bStep = 2 * bDepthStride;
        for (nint p = 0, ap = 0; p < depth; p++, ap += aStep, bp += bStep)
        {
            Vector256<double> b0 = Vector256.Load(bp);
            Vector256<double> b1 = width > 1 ? Vector256.Load(bp + 4) : default;
            Vector256<double> x = Vector256.Create(a0[ap]);
            Vector256<double> y = Vector256.Create(a0[ap + 1]);
            r00 = Fma.MultiplyAdd(x, b0, r00);
            i00 = Fma.MultiplyAdd(y, b0, i00);
            if (width > 1) { r01 = Fma.MultiplyAdd(x, b1, r01); i01 = Fma.MultiplyAdd(y, b1, i01); }

            if (rows > 1)
            {
                x = Vector256.Create(a1[ap]);
                y = Vector256.Create(a1[ap + 1]);
                r10 = Fma.MultiplyAdd(x, b0, r10);
                i10 = Fma.MultiplyAdd(y, b0, i10);
                if (width > 1) { r11 = Fma.MultiplyAdd(x, b1, r11); i11 = Fma.MultiplyAdd(y, b1, i11); }
            }

            if (rows > 2)
            {
                x = Vector256.Create(a2[ap]);
                y = Vector256.Create(a2[ap + 1]);
                r20 = Fma.MultiplyAdd(x, b0, r20);
                i20 = Fma.MultiplyAdd(y, b0, i20);
                if (width > 1) { r21 = Fma.MultiplyAdd(x, b1, r21); i21 = Fma.MultiplyAdd(y, b1, i21); }
            }
        }

        double* cp = (double*)c;
        nint cStep = 2 * cRowStride;
        StoreRow<TWidth>(cp, addToC, r00, i00, r01, i01);
        if (rows > 1) { StoreRow<TWidth>(cp + cStep, addToC, r10, i10, r11, i11); }
        if (rows > 2) { StoreRow<TWidth>(cp + 2 * cStep, addToC, r20, i20, r21, i21); }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TWidth>(double* c, bool addToC, Vector256<double> r0, Vector256<double> i0, Vector256<double> r1, Vector256<double> i1)
        where TWidth : struct, ITileCount
    {
        Store(c, addToC, r0, i0);
        if (default(TWidth).Value > 1) { Store(c + 4, addToC, r1, i1); }
    }

    /// <summary>Two complex results: Σ Re(a)·b plus the swapped lanes of Σ Im(a)·b times (−1, +1) (see <see cref="Avx512ComplexMicroKernel"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(double* c, bool addToC, Vector256<double> real, Vector256<double> imaginary)
    {
        Vector256<double> swapped = Avx.Permute(imaginary, 0b0101);
        Vector256<double> value = Fma.MultiplyAdd(swapped, Vector256.Create(-1.0, 1.0, -1.0, 1.0), real);
        if (addToC)
        {
            value += Vector256.Load(c);
        }

        value.Store(c);
    }
}
