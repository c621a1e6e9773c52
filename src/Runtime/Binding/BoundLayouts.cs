using System;

namespace TensorGen.Runtime;

/// <summary>
/// The step layouts of one binding with the lengths and strides they were built from. A program keeps the last one:
/// a call with the same lengths and strides (the usual case in a loop) reuses its layouts, and with them the GEMM views
/// and offset tables computed on them, instead of rebuilding both.
/// </summary>
internal sealed class BoundLayouts
{
    private readonly nint[][] _inputLengths;
    private readonly nint[][] _inputStrides;
    private readonly nint[] _resultLengths;
    private readonly nint[] _resultStrides;

    public BoundLayouts(nint[][] inputLengths, nint[][] inputStrides, nint[] resultLengths, nint[] resultStrides, StepLayout[] steps,
        int[] intermediateLengths)
    {
        _inputLengths = inputLengths;
        _inputStrides = inputStrides;
        _resultLengths = resultLengths;
        _resultStrides = resultStrides;
        Steps = steps;
        IntermediateLengths = intermediateLengths;
    }

    public StepLayout[] Steps { get; }

    public int[] IntermediateLengths { get; }

    /// <summary>True when these layouts were built from exactly these lengths and strides.</summary>
    public bool Matches(nint[][] inputLengths, nint[][] inputStrides, nint[] resultLengths, nint[] resultStrides)
    {
        if (!resultLengths.AsSpan().SequenceEqual(_resultLengths) || !resultStrides.AsSpan().SequenceEqual(_resultStrides))
        {
            return false;
        }

        for (int i = 0; i < inputLengths.Length; i++)
        {
            if (!inputLengths[i].AsSpan().SequenceEqual(_inputLengths[i]) || !inputStrides[i].AsSpan().SequenceEqual(_inputStrides[i]))
            {
                return false;
            }
        }

        return true;
    }
}
