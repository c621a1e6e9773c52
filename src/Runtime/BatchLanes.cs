using System;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace TensorGen.Runtime;

/// <summary>
/// Moves items of a batch between memory and SIMD lanes for kernels generated for a batch of small contractions
/// (the static form's batched-chain family): lane l of vector e holds element e of item <c>first + l</c>, so one
/// straight-line pass over the per-item contraction computes <see cref="Vector{T}.Count"/> items at once.
/// </summary>
public static class BatchLanes
{
    /// <summary>
    /// Transposes items <paramref name="first"/> … <paramref name="first"/> + <see cref="Vector{T}.Count"/> − 1 of
    /// <paramref name="items"/> (dense, <paramref name="itemLength"/> elements each) into <paramref name="lanes"/>; lanes past
    /// the last item are zero.
    /// </summary>
    /// <exception cref="ArgumentException">The item length, the first item or the lanes' length does not fit.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather<T>(ReadOnlySpan<T> items, int itemLength, int first, Span<Vector<T>> lanes)
        where T : unmanaged, INumberBase<T>
    {
        int count = LaneCount<T>(items.Length, itemLength, first, lanes.Length);
        int width = Vector<T>.Count;
        Span<T> target = MemoryMarshal.Cast<Vector<T>, T>(lanes[..itemLength]);
        if (count < width)
        {
            target.Clear();
        }

        int done = count == width ? LaneTranspose.ToLanes(items[(first * itemLength)..], itemLength, target) : 0;
        for (int l = 0; l < count; l++)
        {
            ReadOnlySpan<T> item = items.Slice((first + l) * itemLength, itemLength);
            for (int e = done; e < itemLength; e++)
            {
                target[(e * width) + l] = item[e];
            }
        }
    }

    /// <summary>
    /// Writes (or, with <paramref name="accumulate"/>, adds) the lanes of <paramref name="lanes"/> that hold items — item
    /// <paramref name="first"/> + l from lane l — into <paramref name="items"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The item length, the first item or the lanes' length does not fit.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scatter<T>(ReadOnlySpan<Vector<T>> lanes, Span<T> items, int itemLength, int first, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        int count = LaneCount<T>(items.Length, itemLength, first, lanes.Length);
        int width = Vector<T>.Count;
        ReadOnlySpan<T> source = MemoryMarshal.Cast<Vector<T>, T>(lanes[..itemLength]);
        int done = count == width
            ? LaneTranspose.FromLanes(source, itemLength, items[(first * itemLength)..], accumulate)
            : 0;
        for (int l = 0; l < count; l++)
        {
            Span<T> item = items.Slice((first + l) * itemLength, itemLength);
            for (int e = done; e < itemLength; e++)
            {
                T value = source[(e * width) + l];
                item[e] = accumulate ? item[e] + value : value;
            }
        }
    }

    /// <summary>The number of items from <paramref name="first"/> that the lanes hold.</summary>
    private static int LaneCount<T>(int itemsLength, int itemLength, int first, int lanesLength)
    {
        if (itemLength < 1 || itemsLength % itemLength != 0 || first < 0 || first >= itemsLength / itemLength || lanesLength < itemLength)
        {
            throw new ArgumentException(
                $"Items of {itemLength} elements in a span of {itemsLength}, from item {first}, into {lanesLength} vectors: these do not fit.");
        }

        return Math.Min(Vector<T>.Count, (itemsLength / itemLength) - first);
    }
}
