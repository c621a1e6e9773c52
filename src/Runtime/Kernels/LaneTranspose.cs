using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Runtime;

/// <summary>
/// The in-register transposes behind <see cref="BatchLanes"/> when <see cref="Vector{T}"/> is 256 bits wide (the
/// default on x64 with AVX2): 8 × 8 floats with unpack, shuffle and 128-bit lane permutes (24 shuffles per 64
/// elements), 4 × 4 doubles likewise. Each call handles the leading whole blocks of every item's elements and returns
/// how many elements per item that is; the caller moves the rest one by one.
/// </summary>
internal static unsafe class LaneTranspose
{
    /// <summary>A full lane block of items (dense, <paramref name="itemLength"/> each) into lane-major vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ToLanes<T>(ReadOnlySpan<T> items, int itemLength, Span<T> lanes)
        where T : unmanaged
    {
        if (!Avx.IsSupported || Vector<T>.Count != Vector256<T>.Count || (typeof(T) != typeof(float) && typeof(T) != typeof(double)))
        {
            return 0;
        }

        int width = Vector256<T>.Count;
        int blocks = itemLength / width;
        fixed (T* source = items, target = lanes)
        {
            for (int block = 0; block < blocks; block++)
            {
                // Rows: item l's elements block·width … ; columns become lane vectors for those elements.
                T* from = source + (block * width);
                T* to = target + (block * width * width);
                if (typeof(T) == typeof(float))
                {
                    Transpose8((float*)from, itemLength, (float*)to, width, accumulate: false);
                }
                else
                {
                    Transpose4((double*)from, itemLength, (double*)to, width, accumulate: false);
                }
            }
        }

        return blocks * width;
    }

    /// <summary>Lane-major vectors back into a full lane block of items, written or added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FromLanes<T>(ReadOnlySpan<T> lanes, int itemLength, Span<T> items, bool accumulate)
        where T : unmanaged
    {
        if (!Avx.IsSupported || Vector<T>.Count != Vector256<T>.Count || (typeof(T) != typeof(float) && typeof(T) != typeof(double)))
        {
            return 0;
        }

        int width = Vector256<T>.Count;
        int blocks = itemLength / width;
        fixed (T* source = lanes, target = items)
        {
            for (int block = 0; block < blocks; block++)
            {
                T* from = source + (block * width * width);
                T* to = target + (block * width);
                if (typeof(T) == typeof(float))
                {
                    Transpose8((float*)from, width, (float*)to, itemLength, accumulate);
                }
                else
                {
                    Transpose4((double*)from, width, (double*)to, itemLength, accumulate);
                }
            }
        }

        return blocks * width;
    }

    /// <summary>Row r of the 8 × 8 block at <paramref name="source"/> (rows <paramref name="sourceStride"/> apart) becomes column r at <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(float* source, nint sourceStride, float* target, nint targetStride, bool accumulate)
    {
        Vector256<float> r0 = Avx.LoadVector256(source), r1 = Avx.LoadVector256(source + sourceStride);
        Vector256<float> r2 = Avx.LoadVector256(source + (2 * sourceStride)), r3 = Avx.LoadVector256(source + (3 * sourceStride));
        Vector256<float> r4 = Avx.LoadVector256(source + (4 * sourceStride)), r5 = Avx.LoadVector256(source + (5 * sourceStride));
        Vector256<float> r6 = Avx.LoadVector256(source + (6 * sourceStride)), r7 = Avx.LoadVector256(source + (7 * sourceStride));

        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

        Store(target, Avx.Permute2x128(u0, u4, 0x20), accumulate);
        Store(target + targetStride, Avx.Permute2x128(u1, u5, 0x20), accumulate);
        Store(target + (2 * targetStride), Avx.Permute2x128(u2, u6, 0x20), accumulate);
        Store(target + (3 * targetStride), Avx.Permute2x128(u3, u7, 0x20), accumulate);
        Store(target + (4 * targetStride), Avx.Permute2x128(u0, u4, 0x31), accumulate);
        Store(target + (5 * targetStride), Avx.Permute2x128(u1, u5, 0x31), accumulate);
        Store(target + (6 * targetStride), Avx.Permute2x128(u2, u6, 0x31), accumulate);
        Store(target + (7 * targetStride), Avx.Permute2x128(u3, u7, 0x31), accumulate);
    }

    /// <summary>Row r of the 4 × 4 block of doubles becomes column r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4(double* source, nint sourceStride, double* target, nint targetStride, bool accumulate)
    {
        Vector256<double> r0 = Avx.LoadVector256(source), r1 = Avx.LoadVector256(source + sourceStride);
        Vector256<double> r2 = Avx.LoadVector256(source + (2 * sourceStride)), r3 = Avx.LoadVector256(source + (3 * sourceStride));
        Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);

        Store(target, Avx.Permute2x128(t0, t2, 0x20), accumulate);
        Store(target + targetStride, Avx.Permute2x128(t1, t3, 0x20), accumulate);
        Store(target + (2 * targetStride), Avx.Permute2x128(t0, t2, 0x31), accumulate);
        Store(target + (3 * targetStride), Avx.Permute2x128(t1, t3, 0x31), accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(T* target, Vector256<T> value, bool accumulate)
        where T : unmanaged
    {
        (accumulate ? value + Vector256.Load(target) : value).Store(target);
    }
}
