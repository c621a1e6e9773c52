using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;

namespace TensorGen.EndToEnd.Tests;

/// <summary>How a test lays a logical tensor out in memory.</summary>
public enum Layout
{
    /// <summary>Row-major, contiguous.</summary>
    Dense,

    /// <summary>Axes stored in reverse order (a transposed view): column-major for a matrix.</summary>
    Transposed,

    /// <summary>Row-major with a gap after every row and an offset into a larger buffer.</summary>
    Padded,

    /// <summary>The first axis has stride 0 (a broadcast view: every slice along it is the same memory).</summary>
    Broadcast,
}

/// <summary>A tensor view over a storage array, with its logical values readable for the reference.</summary>
public sealed class TestTensor<T>
    where T : unmanaged, INumberBase<T>
{
    /// <summary>Storage outside the view holds this value; a kernel that writes there is caught.</summary>
    public static readonly T Guard = T.CreateChecked(-7777);

    private TestTensor(T[] storage, int offset, int[] shape, nint[] strides)
    {
        Storage = storage;
        Offset = offset;
        Shape = shape;
        Strides = strides;
    }

    public T[] Storage { get; }

    public int Offset { get; }

    /// <summary>The logical shape; [] for a scalar.</summary>
    public int[] Shape { get; }

    public nint[] Strides { get; }

    /// <summary>
    /// A scalar is passed as a one-element span (System.Numerics.Tensors has no rank-0 span); System.Numerics.Tensors
    /// also insists on stride 0 for dimensions of length 1 and on all-zero strides for an empty view.
    /// </summary>
    public ReadOnlyTensorSpan<T> ReadOnly => new(Storage.AsSpan(Offset), SpanLengths, SpanStrides);

    public TensorSpan<T> Writable => new(Storage.AsSpan(Offset), SpanLengths, SpanStrides);

    private nint[] SpanLengths => Shape.Length == 0 ? [1] : Shape.Select(s => (nint)s).ToArray();

    private nint[] SpanStrides => Shape.Length == 0 ? [0]
        : Shape.Contains(0) ? new nint[Shape.Length]
        : Strides.Select((stride, axis) => Shape[axis] == 1 ? 0 : stride).ToArray();

    public static TestTensor<T> Create(int[] shape, Layout layout, Random random)
    {
        int rank = shape.Length;
        var strides = new nint[rank];
        int offset = 0;
        int padding = 0;
        if (layout == Layout.Padded)
        {
            offset = 3;
            padding = 2;
        }

        // Axis order in memory: last axis fastest, or first axis fastest when transposed.
        var order = Enumerable.Range(0, rank).ToArray();
        if (layout == Layout.Transposed)
        {
            Array.Reverse(order);
        }

        nint stride = 1;
        for (int n = rank - 1; n >= 0; n--)
        {
            int axis = order[n];
            strides[axis] = stride;
            stride *= Math.Max(1, shape[axis]) + (n == rank - 1 ? padding : 0);
        }

        if (layout == Layout.Broadcast && rank > 0)
        {
            strides[0] = 0;
        }

        nint extent = 1;
        for (int axis = 0; axis < rank; axis++)
        {
            extent += (Math.Max(1, shape[axis]) - 1) * strides[axis];
        }

        var storage = new T[offset + extent + 4];
        Array.Fill(storage, Guard);
        var tensor = new TestTensor<T>(storage, offset, shape, strides);
        foreach (int[] index in Indices(shape))
        {
            storage[tensor.OffsetOf(index)] = T.CreateChecked(Math.Round(random.NextDouble() * 4 - 2, 3));
        }

        return tensor;
    }

    /// <summary>The logical values, row-major, in double precision.</summary>
    public RefArray ToReference()
    {
        var data = Indices(Shape).Select(index => double.CreateChecked(Storage[OffsetOf(index)])).ToArray();
        return new RefArray(data, Shape);
    }

    /// <summary>Replaces every logical value with the next of <paramref name="value"/> (values <see cref="Create"/> cannot draw, e.g. complex ones).</summary>
    public void Fill(Func<T> value)
    {
        foreach (int[] index in Indices(Shape))
        {
            Storage[OffsetOf(index)] = value();
        }
    }

    /// <summary>The logical values, row-major, as they are.</summary>
    public T[] Values() => Indices(Shape).Select(index => Storage[OffsetOf(index)]).ToArray();

    /// <summary>Storage positions outside the view that no longer hold <see cref="Guard"/>.</summary>
    public int GuardViolations()
    {
        var inside = Indices(Shape).Select(OffsetOf).ToHashSet();
        return Storage.Where((value, position) => !inside.Contains(position) && value != Guard).Count();
    }

    private int OffsetOf(int[] index)
    {
        nint position = Offset;
        for (int axis = 0; axis < index.Length; axis++)
        {
            position += index[axis] * Strides[axis];
        }

        return (int)position;
    }

    /// <summary>Every multi-index of <paramref name="shape"/> in row-major order (one empty index for a scalar).</summary>
    public static System.Collections.Generic.IEnumerable<int[]> Indices(int[] shape)
    {
        if (shape.Any(s => s == 0))
        {
            yield break;
        }

        var index = new int[shape.Length];
        while (true)
        {
            yield return (int[])index.Clone();
            int axis = shape.Length - 1;
            while (axis >= 0 && ++index[axis] == shape[axis])
            {
                index[axis--] = 0;
            }

            if (axis < 0)
            {
                yield break;
            }
        }
    }
}
