using System;

namespace TensorGen.Runtime;

/// <summary>
/// The loop space of one bound step: every distinct index of the step with its extent, and the stride of
/// each operand along it (0 where an operand lacks the index or broadcasts it). Indices
/// 0..<see cref="KeptCount"/>−1 are the output's, in its order; the rest are summed.
/// </summary>
/// <remarks>
/// Offsets are in elements from the first element of each operand's span. The least span lengths that the
/// step reads and writes (<see cref="LeftLength"/>, <see cref="RightLength"/>, <see cref="OutputLength"/>) are
/// computed here, so a kernel checks its spans once and then runs unchecked.
/// </remarks>
public sealed class StepLayout
{
    private readonly nint[] _extents;
    private readonly nint[] _leftStrides;
    private readonly nint[] _rightStrides;
    private readonly nint[] _outputStrides;
    private readonly StepIndexUse[] _uses;
    private GemmView? _gemm;
    private readonly byte[] _gemmChoices = new byte[3 * ((int)KernelTier.Avx512 + 1)];

    internal StepLayout(int index, ExpandedStep step, nint[] extents, nint[] leftStrides, nint[] rightStrides, nint[] outputStrides, bool isEmptySum)
        : this(index, step.Contraction, step.Left, step.Right, step.KeptCount, step.Uses, extents, leftStrides, rightStrides, outputStrides, isEmptySum)
    {
    }

    private StepLayout(int index, string contraction, int leftOperand, int rightOperand, int keptCount, StepIndexUse[] uses,
        nint[] extents, nint[] leftStrides, nint[] rightStrides, nint[] outputStrides, bool isEmptySum)
    {
        IsEmptySum = isEmptySum;
        Index = index;
        Contraction = contraction;
        IsUnary = rightOperand < 0;
        KeptCount = keptCount;
        LeftOperand = leftOperand;
        RightOperand = rightOperand;
        _uses = uses;
        _extents = extents;
        _leftStrides = leftStrides;
        _rightStrides = rightStrides;
        _outputStrides = outputStrides;

        bool emptyLoop = isEmptySum || EmptyExtents.Any(extents);
        bool emptyOutput = EmptyExtents.Any(extents.AsSpan(0, KeptCount));
        LeftLength = emptyLoop ? 0 : Reach(extents, leftStrides);
        RightLength = emptyLoop || IsUnary ? 0 : Reach(extents, rightStrides);
        OutputLength = emptyOutput ? 0 : Reach(extents, outputStrides);
    }

    /// <summary>
    /// A step laid out at compile time: static kernels carry their steps' layouts as constants (the generator computes them as
    /// <see cref="EinsumProgram.BindDense"/> would), so their first call parses, plans and binds nothing.
    /// </summary>
    /// <param name="index">The step's position in the plan.</param>
    /// <param name="contraction">The step as an einsum, for messages, e.g. <c>"bij,bjk->bik"</c>.</param>
    /// <param name="leftOperand">The left (or only) operand's id: inputs are 0..N−1, the intermediate of step k is N+k.</param>
    /// <param name="rightOperand">The right operand's id, or −1 for a unary step.</param>
    /// <param name="uses">Which operands have each loop index; the output's indices come first.</param>
    /// <param name="extents">The size of each loop index.</param>
    /// <param name="leftStrides">The left operand's stride in elements along each loop index.</param>
    /// <param name="rightStrides">The right operand's strides (all 0 for a unary step).</param>
    /// <param name="outputStrides">The output's strides (0 on the summed indices).</param>
    /// <exception cref="ArgumentException">The arrays differ in length, the output's indices are not the leading ones, a
    /// stride disagrees with the uses, or an extent or stride is negative.</exception>
    public static StepLayout Create(int index, string contraction, int leftOperand, int rightOperand, StepIndexUse[] uses,
        nint[] extents, nint[] leftStrides, nint[] rightStrides, nint[] outputStrides)
    {
        ArgumentNullException.ThrowIfNull(contraction);
        ArgumentNullException.ThrowIfNull(uses);
        ArgumentNullException.ThrowIfNull(extents);
        ArgumentNullException.ThrowIfNull(leftStrides);
        ArgumentNullException.ThrowIfNull(rightStrides);
        ArgumentNullException.ThrowIfNull(outputStrides);
        int rank = uses.Length;
        if (extents.Length != rank || leftStrides.Length != rank || rightStrides.Length != rank || outputStrides.Length != rank)
        {
            throw new ArgumentException(
                $"Step \"{contraction}\" has {rank} loop indices (uses) but {extents.Length} extents and {leftStrides.Length}, {rightStrides.Length} "
                + $"and {outputStrides.Length} left, right and output strides.", nameof(uses));
        }

        int kept = 0;
        while (kept < rank && (uses[kept] & StepIndexUse.Output) != 0)
        {
            kept++;
        }

        for (int d = 0; d < rank; d++)
        {
            bool misplaced = d >= kept && (uses[d] & StepIndexUse.Output) != 0;
            bool strayStride = ((uses[d] & StepIndexUse.Left) == 0 && leftStrides[d] != 0)
                || ((uses[d] & StepIndexUse.Right) == 0 && rightStrides[d] != 0)
                || ((uses[d] & StepIndexUse.Output) == 0 && outputStrides[d] != 0);
            if (misplaced || strayStride || extents[d] < 0 || leftStrides[d] < 0 || rightStrides[d] < 0 || outputStrides[d] < 0)
            {
                throw new ArgumentException(
                    $"Loop index {d} of step \"{contraction}\" ({uses[d]}, extent {extents[d]}, strides {leftStrides[d]}, {rightStrides[d]}, "
                    + $"{outputStrides[d]}) does not fit: the output's indices come first, an operand without the index has stride 0, and "
                    + "no extent or stride is negative.", nameof(uses));
            }
        }

        return new StepLayout(index, contraction, leftOperand, rightOperand, kept, uses, extents, leftStrides, rightStrides, outputStrides,
            isEmptySum: false);
    }

    /// <summary>The step's position in the plan (0 is the first step).</summary>
    public int Index { get; }

    /// <summary>The step as an einsum over the plan's labels, e.g. <c>"ij,jk->ik"</c>; <c>...</c> dimensions show as <c>...0</c>, <c>...1</c>.</summary>
    public string Contraction { get; }

    /// <summary>True for a step over one operand (a permutation, trace or sum); <see cref="RightStrides"/> are then all 0.</summary>
    public bool IsUnary { get; }

    /// <summary>The number of loop indices.</summary>
    public int Rank => _extents.Length;

    /// <summary>The number of leading loop indices that the output keeps; the remaining ones are summed.</summary>
    public int KeptCount { get; }

    /// <summary>The size of each loop index.</summary>
    public ReadOnlySpan<nint> Extents => _extents;

    /// <summary>The left (or only) operand's strides in elements along each loop index.</summary>
    public ReadOnlySpan<nint> LeftStrides => _leftStrides;

    /// <summary>The right operand's strides in elements along each loop index.</summary>
    public ReadOnlySpan<nint> RightStrides => _rightStrides;

    /// <summary>The output's strides; 0 on the summed indices.</summary>
    public ReadOnlySpan<nint> OutputStrides => _outputStrides;

    /// <summary>Which operands have each loop index, i.e. whether it is a batch, free, contracted or summed index.</summary>
    public ReadOnlySpan<StepIndexUse> Uses => _uses;

    /// <summary>
    /// True when the whole einsum's loop space is empty (some index has size 0, perhaps one this step does not have): every
    /// output element is a sum of no terms, so the step reads nothing and writes zeros (adds nothing when accumulating).
    /// Running the plan's steps instead could multiply a NaN or ∞ operand by an earlier step's empty sum and make NaN.
    /// </summary>
    public bool IsEmptySum { get; }

    /// <summary>The least length of the left operand's span: its largest offset + 1, or 0 when the step reads nothing.</summary>
    public nint LeftLength { get; }

    /// <summary>The least length of the right operand's span (0 for a unary step).</summary>
    public nint RightLength { get; }

    /// <summary>The least length of the output span, or 0 when the output has no elements.</summary>
    public nint OutputLength { get; }

    /// <summary>
    /// Which operand the step reads as left: inputs are 0..N−1 and the intermediate of step k is N+k, as the
    /// shared plan numbers them (opt_einsum's order: the pair's lower position is left).
    /// </summary>
    public int LeftOperand { get; }

    /// <summary>Which operand the step reads as right, or −1 for a unary step.</summary>
    public int RightOperand { get; }

    /// <summary>
    /// The step as a batched GEMM, or null for a unary step or one too large to tabulate; computed on first use
    /// and kept, so a layout bound once (as static kernels do) pays for it once.
    /// </summary>
    internal GemmLayout? Gemm
    {
        get
        {
            // A benign race: two threads may both build the view; either result is the same.
            _gemm ??= new GemmView(IsUnary ? null : GemmLayout.Create(this));
            return _gemm.Layout;
        }
    }

    /// <summary>
    /// Whether the GEMM engine is estimated to beat the loop nest on this step at <paramref name="tier"/> for elements of
    /// <typeparamref name="T"/> (float, double or Complex; <see cref="GemmCostModel.PrefersGemm"/>): decided once per tier and
    /// element type and kept, so a layout run many times (a seen shape) does not re-estimate it on every call.
    /// </summary>
    internal bool PrefersGemm<T>(GemmLayout gemm, KernelTier tier)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        int slot = ((int)tier * 3) + (typeof(T) == typeof(float) ? 0 : typeof(T) == typeof(double) ? 1 : 2);
        // 0: not decided yet, 1: loop nest, 2: GEMM engine. A benign race: threads decide the same.
        byte decided = _gemmChoices[slot];
        if (decided == 0)
        {
            decided = GemmCostModel.PrefersGemm(gemm, GemmEngine.Blocking<T>(tier)) ? (byte)2 : (byte)1;
            _gemmChoices[slot] = decided;
        }

        return decided == 2;
    }

    /// <summary>The step, its extents and strides, for debugging.</summary>
    public override string ToString() =>
        $"step {Index} \"{Contraction}\": extents {ShapeText.Format(_extents)}, left strides {ShapeText.Format(_leftStrides)}, "
        + $"right strides {ShapeText.Format(_rightStrides)}, output strides {ShapeText.Format(_outputStrides)}";

    /// <summary>Σ (extent − 1) × stride + 1; checked, since strides come from the caller.</summary>
    private static nint Reach(nint[] extents, nint[] strides)
    {
        nint reach = 0;
        for (int d = 0; d < extents.Length; d++)
        {
            reach = checked(reach + ((extents[d] - 1) * strides[d]));
        }

        return checked(reach + 1);
    }

    /// <summary>Holds a computed <see cref="Gemm"/>, null included.</summary>
    private sealed record GemmView(GemmLayout? Layout);
}
