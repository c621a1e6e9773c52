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

    private readonly ExpandedPlan? _plan;
    private readonly ResolvedShapes? _shapes;
    private ChainView? _chain;

    public BoundLayouts(nint[][] inputLengths, nint[][] inputStrides, nint[] resultLengths, nint[] resultStrides, StepLayout[] steps,
        int[] intermediateLengths, ExpandedPlan? plan = null, ResolvedShapes? shapes = null)
    {
        _plan = plan;
        _shapes = shapes;
        _inputLengths = inputLengths;
        _inputStrides = inputStrides;
        _resultLengths = resultLengths;
        _resultStrides = resultStrides;
        Steps = steps;
        IntermediateLengths = intermediateLengths;
        IntermediateOffsets = new int[intermediateLengths.Length];
        long offset = 0;
        for (int k = 0; k < intermediateLengths.Length; k++)
        {
            IntermediateOffsets[k] = (int)offset;
            // Intermediates sit side by side in one scratch buffer; each fits an array, all together must too.
            offset += intermediateLengths[k];
            if (offset > Array.MaxLength)
            {
                throw new OverflowException();
            }
        }

        ScratchLength = (int)offset;
    }

    public StepLayout[] Steps { get; }

    public int[] IntermediateLengths { get; }

    /// <summary>Where each intermediate starts in the one scratch buffer that holds them all, side by side.</summary>
    public int[] IntermediateOffsets { get; }

    /// <summary>The elements of that scratch buffer: the sum of the intermediates' lengths.</summary>
    public int ScratchLength { get; }

    /// <summary>
    /// The plan as a run-time batched chain when it is one (see <see cref="BatchedChainPlan"/>), else null; made on first use
    /// and kept, so kernels that never ask (the static form's) never pay for it.
    /// </summary>
    public BatchedChainPlan? Chain
    {
        get
        {
            // A benign race: two threads may both build it; either result is the same.
            _chain ??= new ChainView(_plan is null || _shapes is null ? null
                : BatchedChainPlan.TryCreate(_plan, _shapes, _inputLengths, _inputStrides, _resultLengths, _resultStrides));
            return _chain.Plan;
        }
    }

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

    /// <summary>Holds a computed <see cref="Chain"/>, null included.</summary>
    private sealed record ChainView(BatchedChainPlan? Plan);
}
