using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TensorGen.Runtime;

/// <summary>
/// The memory behind a tensor span as an ordinary span, which kernels index with a <see cref="StepLayout"/>'s
/// offsets, and the overlap check between a result and its operands.
/// </summary>
/// <remarks>
/// System.Numerics.Tensors 10 rejects negative strides (its constructors throw "Strides cannot be less than
/// 0"), so a view's first element is always its lowest address and no rebasing is needed.
/// </remarks>
public static class TensorMemory
{
    /// <summary>
    /// The span from the view's first element to its last: Σ (length − 1) × stride + 1 elements, or empty when
    /// the view has no elements. Broadcast (stride-0) and strided views cover only what they can reach.
    /// </summary>
    /// <exception cref="ArgumentException">The view reaches more than <see cref="int.MaxValue"/> elements, which no span can hold.</exception>
    public static ReadOnlySpan<T> Of<T>(scoped in ReadOnlyTensorSpan<T> tensor)
    {
        int length = Reach(tensor.Lengths, tensor.Strides, tensor.FlattenedLength);
        return length == 0 ? ReadOnlySpan<T>.Empty : MemoryMarshal.CreateReadOnlySpan(in TensorMarshal.GetReference(tensor), length);
    }

    /// <inheritdoc cref="Of{T}(in ReadOnlyTensorSpan{T})"/>
    public static Span<T> Of<T>(scoped in TensorSpan<T> tensor)
    {
        int length = Reach(tensor.Lengths, tensor.Strides, tensor.FlattenedLength);
        return length == 0 ? Span<T>.Empty : MemoryMarshal.CreateSpan(ref TensorMarshal.GetReference(tensor), length);
    }

    /// <summary>
    /// Throws when <paramref name="result"/> shares memory with <paramref name="input"/>: einsum reads its
    /// operands while it writes the result, so a shared element could be overwritten before it is read.
    /// </summary>
    /// <exception cref="ArgumentException">The two spans overlap; the message names both parameters.</exception>
    public static void ThrowIfOverlaps<T>(ReadOnlySpan<T> result, string resultName, ReadOnlySpan<T> input, string inputName)
    {
        if (result.Overlaps(input))
        {
            ThrowOverlap(resultName, inputName);
        }
    }

    /// <summary>The throw, apart: the check stays small enough for the JIT to inline into kernels.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowOverlap(string resultName, string inputName) =>
        throw new ArgumentException(
            $"Result '{resultName}' shares memory with operand '{inputName}'. The result is written while the operands are read, "
            + $"so pass a result that does not overlap '{inputName}' (copy the operand, or write to a fresh tensor).",
            resultName);

    private static int Reach(ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, nint flattenedLength)
    {
        if (flattenedLength == 0)
        {
            return 0;
        }

        long reach = 1;
        for (int d = 0; d < lengths.Length; d++)
        {
            reach += (long)(lengths[d] - 1) * strides[d];
        }

        if (reach > int.MaxValue)
        {
            throw new ArgumentException(
                $"A tensor span with lengths {ShapeText.Format(lengths)} and strides {ShapeText.Format(strides)} reaches {reach} elements; "
                + $"spans hold at most {int.MaxValue}.");
        }

        return (int)reach;
    }
}
