using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using TensorGen.Tests.Reference;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// A tensor view inside a storage array that has guard regions before and after it (and, for strided views, gaps
/// between its elements). Everything outside the view holds <see cref="Guard"/>; <see cref="Snapshot"/> and
/// <see cref="ChangesOutside"/> tell whether a kernel wrote anywhere it may not.
/// </summary>
internal sealed class FuzzTensor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Elements of guard region before and after every view.</summary>
    public const int GuardLength = 8;

    private byte[]? _snapshot;

    public FuzzTensor(T[] storage, int offset, nint[] lengths, nint[] strides, int[] logicalShape)
    {
        Storage = storage;
        Offset = offset;
        Lengths = lengths;
        Strides = strides;
        LogicalShape = logicalShape;
    }

    /// <summary>A NaN whose payload no arithmetic produces: memory outside every view.</summary>
    public static T Guard { get; } = FromBits(0x7FF8_0000_0000_0BADUL, 0x7FC0_0BAD);

    /// <summary>A NaN whose payload no arithmetic produces: a result's elements before a call that must overwrite them.</summary>
    public static T Poison { get; } = FromBits(0x7FF8_0000_0000_DEADUL, 0x7FC0_DEAD);

    public T[] Storage { get; }

    public int Offset { get; }

    /// <summary>The span's lengths (a scalar's are [1]: System.Numerics.Tensors has no rank-0 span).</summary>
    public nint[] Lengths { get; }

    public nint[] Strides { get; }

    /// <summary>The shape the reference interpreter sees ([] for a scalar).</summary>
    public int[] LogicalShape { get; }

    public long ElementCount => Lengths.Aggregate(1L, (p, l) => p * l);

    public ReadOnlyTensorSpan<T> ReadOnly => new(Storage.AsSpan(Offset), Lengths, Strides);

    public TensorSpan<T> Writable => new(Storage.AsSpan(Offset), Lengths, Strides);

    /// <summary>The view as a tensor over the same memory (for <c>Einsum.Evaluate</c>).</summary>
    public Tensor<T> Tensor => System.Numerics.Tensors.Tensor.Create(Storage, Offset, Lengths, Strides);

    /// <summary>The elements from the view's first to its last, as the static form's dense spans are.</summary>
    public Span<T> Dense => Storage.AsSpan(Offset, Reach);

    /// <summary>Σ (length − 1) × stride + 1, or 0 for an empty view.</summary>
    public int Reach => ElementCount == 0 ? 0 : (int)(Lengths.Zip(Strides, (l, s) => (long)((l - 1) * s)).Sum() + 1);

    /// <summary>The storage positions of the view's elements, in row-major order of its indices.</summary>
    public IEnumerable<int> Positions()
    {
        if (ElementCount == 0)
        {
            yield break;
        }

        var index = new nint[Lengths.Length];
        while (true)
        {
            nint position = Offset;
            for (int d = 0; d < index.Length; d++)
            {
                position += index[d] * Strides[d];
            }

            yield return (int)position;
            int axis = index.Length - 1;
            while (axis >= 0 && ++index[axis] == Lengths[axis])
            {
                index[axis--] = 0;
            }

            if (axis < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>The view's values in double precision, for the reference interpreter.</summary>
    public RefArray ToReference() => new(Positions().Select(p => double.CreateChecked(Storage[p])).ToArray(), LogicalShape);

    public void Snapshot() => _snapshot = Bytes();

    /// <summary>Storage positions whose bits differ from <see cref="Snapshot"/>, other than <paramref name="writable"/> ones.</summary>
    public List<int> ChangesOutside(IReadOnlySet<int> writable)
    {
        byte[] now = Bytes();
        int size = Unsafe.SizeOf<T>();
        var changed = new List<int>();
        for (int position = 0; position < Storage.Length; position++)
        {
            if (!writable.Contains(position) && !now.AsSpan(position * size, size).SequenceEqual(_snapshot.AsSpan(position * size, size)))
            {
                changed.Add(position);
            }
        }

        return changed;
    }

    public static bool IsPoison(T value) => Bits(value) == Bits(Poison);

    private byte[] Bytes() => System.Runtime.InteropServices.MemoryMarshal.AsBytes(Storage.AsSpan()).ToArray();

    private static ulong Bits(T value) =>
        typeof(T) == typeof(double) ? BitConverter.DoubleToUInt64Bits(double.CreateTruncating(value)) : BitConverter.SingleToUInt32Bits(float.CreateTruncating(value));

    private static T FromBits(ulong doubleBits, uint floatBits) =>
        typeof(T) == typeof(double)
            ? (T)(object)BitConverter.UInt64BitsToDouble(doubleBits)
            : (T)(object)BitConverter.UInt32BitsToSingle(floatBits);
}
