using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Tests.Kernels;

/// <summary>How a test operand lies in memory.</summary>
public enum ViewKind
{
    /// <summary>Row-major, contiguous.</summary>
    Dense,

    /// <summary>Dimensions in reverse memory order (column-major): every index's stride differs from the dense one.</summary>
    Transposed,

    /// <summary>Row-major with a gap after every dimension and an offset from the buffer's start.</summary>
    Padded,

    /// <summary>Row-major, but the first dimension longer than 1 has stride 0: every slice along it is the same memory.</summary>
    Broadcast,
}

/// <summary>Operands and results of kernel tests: strided views over buffers of exactly representable values.</summary>
public static class OperandViews
{
    /// <summary>
    /// A view of <paramref name="shape"/> laid out as <paramref name="kind"/>, filled with multiples of 1/8 in [−2, 2): products
    /// and sums of thousands of them are exact in float and double, so every summation order gives the same result.
    /// </summary>
    public static Tensor<T> Create<T>(int[] shape, ViewKind kind, int seed)
        where T : INumberBase<T>
    {
        nint[] lengths = shape.Select(l => (nint)l).ToArray();
        nint[] strides = Strides(shape, kind);
        int offset = Offset(kind);
        int reach = shape.Contains(0) ? 0 : shape.Select((l, d) => (l - 1) * (int)strides[d]).Sum() + 1;
        var buffer = new T[offset + reach + 1];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = T.CreateChecked(Value(seed, i));
        }

        return Tensor.Create(buffer, offset, lengths, strides);
    }

    /// <summary>Where a view of this kind starts in its buffer.</summary>
    public static int Offset(ViewKind kind) => kind == ViewKind.Padded ? 3 : 0;

    /// <summary>Strides in elements; length-0 and length-1 dimensions get 0, as System.Numerics.Tensors requires.</summary>
    public static nint[] Strides(int[] shape, ViewKind kind)
    {
        var strides = new nint[shape.Length];
        nint running = 1;
        int[] order = Enumerable.Range(0, shape.Length).ToArray();
        if (kind != ViewKind.Transposed)
        {
            Array.Reverse(order);
        }

        int broadcast = kind == ViewKind.Broadcast ? Array.FindIndex(shape, l => l > 1) : -1;
        foreach (int d in order)
        {
            if (shape[d] <= 1 || d == broadcast)
            {
                continue;
            }

            strides[d] = running;
            running *= shape[d] + (kind == ViewKind.Padded ? 2 : 0);
        }

        return strides;
    }

    private static double Value(int seed, int index) => ((int)((((uint)index * 2654435761u) + ((uint)seed * 40503u)) >> 27) - 16) / 8.0;
}
