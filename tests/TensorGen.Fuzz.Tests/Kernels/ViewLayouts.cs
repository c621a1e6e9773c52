using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Random memory layouts for a logical shape, within what System.Numerics.Tensors 10.0.15 allows: non-negative strides,
/// stride 0 on length-1 dimensions and all strides 0 for an empty view, nested (non-overlapping) strides except for
/// broadcast (stride-0) dimensions. Layouts the library still refuses fall back to dense row-major.
/// </summary>
internal static class ViewLayouts
{
    /// <summary>
    /// A view of <paramref name="shape"/> in fresh storage with guard regions, its elements set by <paramref name="value"/>.
    /// </summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="shape">The logical shape ([] for a scalar, which becomes span lengths [1]).</param>
    /// <param name="broadcast">Whether dimensions may have stride 0 (inputs may; a result may not).</param>
    /// <param name="dense">Whether the view must be dense and row-major (the static form's spans).</param>
    /// <param name="extra">Further storage after the view (room for an overlapping view).</param>
    /// <param name="value">The value of each element, in row-major order of the view's positions.</param>
    public static FuzzTensor<T> Create<T>(Random random, int[] shape, bool broadcast, bool dense, int extra, Func<T> value)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint[] lengths = shape.Length == 0 ? [1] : shape.Select(s => (nint)s).ToArray();
        nint[] strides = dense || random.Next(3) == 0 ? RowMajor(lengths) : Strided(random, lengths, broadcast);
        if (lengths.Contains(0))
        {
            strides = new nint[lengths.Length];
        }

        for (int d = 0; d < lengths.Length; d++)
        {
            if (lengths[d] == 1)
            {
                strides[d] = 0;
            }
        }

        int offset = FuzzTensor<T>.GuardLength + random.Next(4);
        if (!IsAllowed<T>(lengths, strides))
        {
            strides = RowMajor(lengths);
        }

        return Place(Guarded<T>(offset + Reach(lengths, strides) + extra + FuzzTensor<T>.GuardLength + random.Next(4)), offset, lengths, strides, shape, value);
    }

    /// <summary>A view over existing storage (to overlap another view), its elements set by <paramref name="value"/> unless null.</summary>
    public static FuzzTensor<T> Place<T>(T[] storage, int offset, nint[] lengths, nint[] strides, int[] shape, Func<T>? value)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tensor = new FuzzTensor<T>(storage, offset, lengths, strides, shape);
        if (value is not null)
        {
            foreach (int position in tensor.Positions())
            {
                storage[position] = value();
            }
        }

        return tensor;
    }

    /// <summary>Storage filled with the guard value.</summary>
    public static T[] Guarded<T>(int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var storage = new T[length];
        Array.Fill(storage, FuzzTensor<T>.Guard);
        return storage;
    }

    public static nint[] RowMajor(nint[] lengths)
    {
        var strides = new nint[lengths.Length];
        nint stride = 1;
        for (int d = lengths.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= Math.Max(1, lengths[d]);
        }

        return strides;
    }

    public static int Reach(nint[] lengths, nint[] strides) =>
        lengths.Contains(0) ? 0 : (int)(lengths.Zip(strides, (l, s) => (long)((l - 1) * s)).Sum() + 1);

    /// <summary>Axes in a random memory order, with gaps after some, and (if allowed) some broadcast with stride 0.</summary>
    private static nint[] Strided(Random random, nint[] lengths, bool broadcast)
    {
        var strides = new nint[lengths.Length];
        nint stride = 1 + random.Next(2);
        foreach (int axis in Enumerable.Range(0, lengths.Length).OrderBy(_ => random.Next()))
        {
            if (broadcast && random.Next(5) == 0)
            {
                continue; // stride 0: every index of this axis reads the same memory
            }

            strides[axis] = stride;
            stride *= Math.Max(1, lengths[axis]) + random.Next(3);
        }

        return strides;
    }

    private static bool IsAllowed<T>(nint[] lengths, nint[] strides)
    {
        try
        {
            _ = new ReadOnlyTensorSpan<T>(new T[Reach(lengths, strides)], lengths, strides);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
