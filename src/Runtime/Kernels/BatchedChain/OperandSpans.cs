using System;

namespace TensorGen.Runtime;

/// <summary>
/// The memory of up to <see cref="MaxCount"/> operands of one call, for kernels that read every operand at once (the run-time
/// batched chain); a span cannot be an array element, so they are fields.
/// </summary>
public ref struct OperandSpans<T>
{
    /// <summary>The most operands one value holds.</summary>
    public const int MaxCount = 8;

    private ReadOnlySpan<T> _0, _1, _2, _3, _4, _5, _6, _7;

    /// <summary>Holds <paramref name="count"/> operands' memory, in expression order (the rest stay empty).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not 1 … <see cref="MaxCount"/>.</exception>
    public OperandSpans(int count, ReadOnlySpan<T> operand0, ReadOnlySpan<T> operand1 = default, ReadOnlySpan<T> operand2 = default,
        ReadOnlySpan<T> operand3 = default, ReadOnlySpan<T> operand4 = default, ReadOnlySpan<T> operand5 = default,
        ReadOnlySpan<T> operand6 = default, ReadOnlySpan<T> operand7 = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        Count = count;
        _0 = operand0;
        _1 = operand1;
        _2 = operand2;
        _3 = operand3;
        _4 = operand4;
        _5 = operand5;
        _6 = operand6;
        _7 = operand7;
    }

    /// <summary>The number of operands held.</summary>
    public int Count { get; private set; }

    /// <summary>Operand <paramref name="index"/>'s memory.</summary>
    public readonly ReadOnlySpan<T> this[int index] => index switch
    {
        0 => _0,
        1 => _1,
        2 => _2,
        3 => _3,
        4 => _4,
        5 => _5,
        6 => _6,
        7 => _7,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Sets operand <paramref name="index"/>'s memory (for callers that hold operands in a list).</summary>
    internal void Set(int index, ReadOnlySpan<T> memory)
    {
        switch (index)
        {
            case 0: _0 = memory; break;
            case 1: _1 = memory; break;
            case 2: _2 = memory; break;
            case 3: _3 = memory; break;
            case 4: _4 = memory; break;
            case 5: _5 = memory; break;
            case 6: _6 = memory; break;
            case 7: _7 = memory; break;
            default: throw new ArgumentOutOfRangeException(nameof(index));
        }

        Count = Math.Max(Count, index + 1);
    }
}
