using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// In-register transposes between 8 rows of floats (4 of doubles) and feature-major tiles, 8×8 (4×4) elements at a time
/// with AVX shuffles: the fast path of <see cref="SoaTile"/>'s gather and scatter when <c>Vector&lt;T&gt;</c> is 256 bits
/// wide and rows are contiguous. (The classic unpack / shuffle / permute-lanes sequence; 24 shuffles per 64 floats.)
/// </summary>
internal static class TileTranspose
{
    /// <summary>Whether the fast path applies to <typeparamref name="T"/> on this machine.</summary>
    public static bool IsSupported<T>() =>
        Avx.IsSupported && Vector<T>.Count * Unsafe.SizeOf<T>() == 32 && (typeof(T) == typeof(float) || typeof(T) == typeof(double));

    /// <summary>
    /// Full tiles, contiguous rows: writes features [0, <paramref name="blockedDim"/>) of the lanes rows starting at
    /// <paramref name="source"/> (row stride <paramref name="rowStride"/>) into <paramref name="tile"/>. <paramref name="blockedDim"/>
    /// is a multiple of the lane count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather<T>(ref T source, nint rowStride, int blockedDim, ref T tile)
    {
        if (typeof(T) == typeof(float))
        {
            ref float s = ref Unsafe.As<T, float>(ref source);
            ref float t = ref Unsafe.As<T, float>(ref tile);
            for (int f = 0; f < blockedDim; f += 8)
            {
                Transpose8(
                    Row(ref s, 0, rowStride, f), Row(ref s, 1, rowStride, f), Row(ref s, 2, rowStride, f), Row(ref s, 3, rowStride, f),
                    Row(ref s, 4, rowStride, f), Row(ref s, 5, rowStride, f), Row(ref s, 6, rowStride, f), Row(ref s, 7, rowStride, f),
                    out var c0, out var c1, out var c2, out var c3, out var c4, out var c5, out var c6, out var c7);
                ref float at = ref Unsafe.Add(ref t, f * 8);
                c0.StoreUnsafe(ref at, 0);
                c1.StoreUnsafe(ref at, 8);
                c2.StoreUnsafe(ref at, 16);
                c3.StoreUnsafe(ref at, 24);
                c4.StoreUnsafe(ref at, 32);
                c5.StoreUnsafe(ref at, 40);
                c6.StoreUnsafe(ref at, 48);
                c7.StoreUnsafe(ref at, 56);
            }
        }
        else
        {
            ref double s = ref Unsafe.As<T, double>(ref source);
            ref double t = ref Unsafe.As<T, double>(ref tile);
            for (int f = 0; f < blockedDim; f += 4)
            {
                Transpose4(Row(ref s, 0, rowStride, f), Row(ref s, 1, rowStride, f), Row(ref s, 2, rowStride, f), Row(ref s, 3, rowStride, f),
                    out var c0, out var c1, out var c2, out var c3);
                ref double at = ref Unsafe.Add(ref t, f * 4);
                c0.StoreUnsafe(ref at, 0);
                c1.StoreUnsafe(ref at, 4);
                c2.StoreUnsafe(ref at, 8);
                c3.StoreUnsafe(ref at, 12);
            }
        }
    }

    /// <summary>Whether every row starting at <paramref name="destination"/> is 32-byte aligned (so aligned vector stores apply).</summary>
    public static unsafe bool IsAligned<T>(ref T destination, nint rowStride) =>
        ((nuint)Unsafe.AsPointer(ref destination) % 32) == 0 && (rowStride * Unsafe.SizeOf<T>()) % 32 == 0;

    /// <summary>
    /// The inverse of <see cref="Gather{T}"/>: features [0, <paramref name="blockedDim"/>) of a full tile to the lanes rows;
    /// non-temporal (streaming) stores when <paramref name="streaming"/>, which requires <see cref="IsAligned{T}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Scatter<T>(ref T tile, int blockedDim, ref T destination, nint rowStride, bool streaming)
    {
        if (typeof(T) == typeof(float))
        {
            ref float t = ref Unsafe.As<T, float>(ref tile);
            ref float d = ref Unsafe.As<T, float>(ref destination);
            for (int f = 0; f < blockedDim; f += 8)
            {
                ref float at = ref Unsafe.Add(ref t, f * 8);
                Transpose8(
                    Vector256.LoadUnsafe(ref at, 0), Vector256.LoadUnsafe(ref at, 8), Vector256.LoadUnsafe(ref at, 16), Vector256.LoadUnsafe(ref at, 24),
                    Vector256.LoadUnsafe(ref at, 32), Vector256.LoadUnsafe(ref at, 40), Vector256.LoadUnsafe(ref at, 48), Vector256.LoadUnsafe(ref at, 56),
                    out var r0, out var r1, out var r2, out var r3, out var r4, out var r5, out var r6, out var r7);
                Store(r0, ref d, f, streaming);
                Store(r1, ref Unsafe.Add(ref d, rowStride), f, streaming);
                Store(r2, ref Unsafe.Add(ref d, 2 * rowStride), f, streaming);
                Store(r3, ref Unsafe.Add(ref d, 3 * rowStride), f, streaming);
                Store(r4, ref Unsafe.Add(ref d, 4 * rowStride), f, streaming);
                Store(r5, ref Unsafe.Add(ref d, 5 * rowStride), f, streaming);
                Store(r6, ref Unsafe.Add(ref d, 6 * rowStride), f, streaming);
                Store(r7, ref Unsafe.Add(ref d, 7 * rowStride), f, streaming);
            }
        }
        else
        {
            ref double t = ref Unsafe.As<T, double>(ref tile);
            ref double d = ref Unsafe.As<T, double>(ref destination);
            for (int f = 0; f < blockedDim; f += 4)
            {
                ref double at = ref Unsafe.Add(ref t, f * 4);
                Transpose4(Vector256.LoadUnsafe(ref at, 0), Vector256.LoadUnsafe(ref at, 4), Vector256.LoadUnsafe(ref at, 8), Vector256.LoadUnsafe(ref at, 12),
                    out var r0, out var r1, out var r2, out var r3);
                Store(r0, ref d, f, streaming);
                Store(r1, ref Unsafe.Add(ref d, rowStride), f, streaming);
                Store(r2, ref Unsafe.Add(ref d, 2 * rowStride), f, streaming);
                Store(r3, ref Unsafe.Add(ref d, 3 * rowStride), f, streaming);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(Vector256<float> value, ref float row, int feature, bool streaming)
    {
        if (streaming)
        {
            Avx.StoreAlignedNonTemporal((float*)Unsafe.AsPointer(ref Unsafe.Add(ref row, feature)), value);
        }
        else
        {
            value.StoreUnsafe(ref row, (nuint)feature);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(Vector256<double> value, ref double row, int feature, bool streaming)
    {
        if (streaming)
        {
            Avx.StoreAlignedNonTemporal((double*)Unsafe.AsPointer(ref Unsafe.Add(ref row, feature)), value);
        }
        else
        {
            value.StoreUnsafe(ref row, (nuint)feature);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(ref float source, int row, nint rowStride, int feature) =>
        Vector256.LoadUnsafe(ref source, (nuint)((row * rowStride) + feature));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Row(ref double source, int row, nint rowStride, int feature) =>
        Vector256.LoadUnsafe(ref source, (nuint)((row * rowStride) + feature));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3,
        Vector256<float> r4, Vector256<float> r5, Vector256<float> r6, Vector256<float> r7,
        out Vector256<float> c0, out Vector256<float> c1, out Vector256<float> c2, out Vector256<float> c3,
        out Vector256<float> c4, out Vector256<float> c5, out Vector256<float> c6, out Vector256<float> c7)
    {
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44), s1 = Avx.Shuffle(t0, t2, 0xEE), s2 = Avx.Shuffle(t1, t3, 0x44), s3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44), s5 = Avx.Shuffle(t4, t6, 0xEE), s6 = Avx.Shuffle(t5, t7, 0x44), s7 = Avx.Shuffle(t5, t7, 0xEE);
        c0 = Avx.Permute2x128(s0, s4, 0x20);
        c1 = Avx.Permute2x128(s1, s5, 0x20);
        c2 = Avx.Permute2x128(s2, s6, 0x20);
        c3 = Avx.Permute2x128(s3, s7, 0x20);
        c4 = Avx.Permute2x128(s0, s4, 0x31);
        c5 = Avx.Permute2x128(s1, s5, 0x31);
        c6 = Avx.Permute2x128(s2, s6, 0x31);
        c7 = Avx.Permute2x128(s3, s7, 0x31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4(Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3,
        out Vector256<double> c0, out Vector256<double> c1, out Vector256<double> c2, out Vector256<double> c3)
    {
        Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        c0 = Avx.Permute2x128(t0, t2, 0x20);
        c1 = Avx.Permute2x128(t1, t3, 0x20);
        c2 = Avx.Permute2x128(t0, t2, 0x31);
        c3 = Avx.Permute2x128(t1, t3, 0x31);
    }
}
