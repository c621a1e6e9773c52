using System.Numerics;
using System.Runtime.CompilerServices;

namespace TensorGen.Runtime;

/// <summary>
/// The value a step sums at one point of its loop space, given the operands' offsets there. The loop nest is
/// generic over it so that the JIT specialises one loop for binary and one for unary steps.
/// </summary>
internal interface IStepTerm<T>
{
    /// <summary>The value at the given offsets, computed in <typeparamref name="TAccumulator"/> (float steps sum in double).</summary>
    TAccumulator Read<TAccumulator>(nint leftOffset, nint rightOffset)
        where TAccumulator : INumberBase<TAccumulator>;
}

/// <summary><c>left[l] × right[r]</c>; offsets were checked against the spans' lengths before the loop.</summary>
internal readonly ref struct ProductTerm<T> : IStepTerm<T>
    where T : INumberBase<T>
{
    private readonly ref readonly T _left;
    private readonly ref readonly T _right;

    public ProductTerm(ref readonly T left, ref readonly T right)
    {
        _left = ref left;
        _right = ref right;
    }

    public TAccumulator Read<TAccumulator>(nint leftOffset, nint rightOffset)
        where TAccumulator : INumberBase<TAccumulator> =>
        TAccumulator.CreateTruncating(Unsafe.Add(ref Unsafe.AsRef(in _left), leftOffset))
        * TAccumulator.CreateTruncating(Unsafe.Add(ref Unsafe.AsRef(in _right), rightOffset));
}

/// <summary><c>input[l]</c> for a unary step; offsets were checked against the span's length before the loop.</summary>
internal readonly ref struct SingleTerm<T> : IStepTerm<T>
    where T : INumberBase<T>
{
    private readonly ref readonly T _input;

    public SingleTerm(ref readonly T input) => _input = ref input;

    public TAccumulator Read<TAccumulator>(nint leftOffset, nint rightOffset)
        where TAccumulator : INumberBase<TAccumulator> =>
        TAccumulator.CreateTruncating(Unsafe.Add(ref Unsafe.AsRef(in _input), leftOffset));
}
