using System;

namespace TensorGen.Runtime;

/// <summary>
/// One call's binding of an <see cref="EinsumProgram"/>: give each operand's lengths and strides with
/// <see cref="Operand"/>, then the result's with <see cref="Result"/>, which checks everything against numpy's
/// rules before anything is written; then read each step's <see cref="StepLayout"/>.
/// </summary>
/// <remarks>
/// Strides are in elements and must not be negative (System.Numerics.Tensors 10 rejects negative strides, so
/// a tensor span never has one). A term with no index (a scalar) takes shape <c>[]</c> or <c>[1]</c>:
/// System.Numerics.Tensors has no rank-0 tensor span (empty lengths mean "one dimension over the whole buffer").
/// </remarks>
public sealed class EinsumBinding
{
    private readonly EinsumProgram _program;
    private readonly nint[]?[] _lengths;
    private readonly nint[]?[] _strides;
    private ResolvedShapes? _shapes;
    private StepLayout[]? _steps;
    private int[]? _intermediateLengths;
    private nint[]? _resultLengths;
    private nint[]? _resultStrides;
    private nint[] _boundResultLengths = [];
    private nint[] _boundResultStrides = [];
    private int[]? _intermediateOffsets;
    private int _scratchLength;
    private BoundLayouts? _layouts;

    internal EinsumBinding(EinsumProgram program)
    {
        _program = program;
        _lengths = new nint[program.InputCount][];
        _strides = new nint[program.InputCount][];
    }

    internal EinsumProgram Program => _program;

    /// <summary>The result's shape, once every operand is bound (what <see cref="Result"/> expects).</summary>
    internal ReadOnlySpan<nint> OutputShape => Resolve().OutputShape;

    /// <summary>What the bound operands' shapes say about the expression.</summary>
    internal ResolvedShapes Resolved => Resolve();

    /// <summary>Binds input <paramref name="index"/> (in expression order) to a tensor's lengths and strides.</summary>
    /// <remarks>Binding the lengths and strides the operand already has changes nothing and allocates nothing.</remarks>
    /// <exception cref="ArgumentException">The index is out of range, or the lengths and strides do not describe a tensor.</exception>
    public void Operand(int index, scoped ReadOnlySpan<nint> lengths, scoped ReadOnlySpan<nint> strides)
    {
        if ((uint)index >= (uint)_lengths.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"Expression \"{_program.Expression.Text}\" has {_lengths.Length} operands; operand index {index} is out of range.");
        }

        bool isScalarAsVector = lengths.Length == 1 && lengths[0] == 1 && strides.Length == 1 && strides[0] >= 0
            && _program.Labels.Inputs[index].IsScalar;
        if (isScalarAsVector)
        {
            lengths = ReadOnlySpan<nint>.Empty;
            strides = ReadOnlySpan<nint>.Empty;
        }

        if (_lengths[index] is { } bound && lengths.SequenceEqual(bound) && strides.SequenceEqual(_strides[index]!))
        {
            return; // Already bound to exactly this layout, which was checked then.
        }

        ThrowIfInvalidLayout("Operand", _program.ParameterNames[index], lengths, strides);
        _lengths[index] = lengths.ToArray();
        _strides[index] = strides.ToArray();
        _shapes = null;
        _steps = null;
        _intermediateLengths = null;
        _resultLengths = null;
        _resultStrides = null;
    }

    /// <summary>
    /// Binds the result and checks the whole call: operand ranks, <c>...</c> expansion, size-1 broadcasting,
    /// diagonal lengths, the result's shape (exactly the output's) and that no two result elements share memory.
    /// </summary>
    /// <exception cref="ArgumentException">A check fails; the message names the parameter and shows the shapes.</exception>
    /// <exception cref="InvalidOperationException">An operand was not bound.</exception>
    public void Result(scoped ReadOnlySpan<nint> lengths, scoped ReadOnlySpan<nint> strides)
    {
        if (_steps is not null && lengths.SequenceEqual(_boundResultLengths) && strides.SequenceEqual(_boundResultStrides))
        {
            return; // Every operand and the result are bound as on the last successful call, whose checks all passed.
        }

        string name = _program.ParameterNames[^1];
        _steps = null;
        _intermediateLengths = null;
        ThrowIfInvalidLayout("Result", name, lengths, strides);
        ResolvedShapes shapes = Resolve();
        bool isScalarAsVector = shapes.OutputShape.Length == 0 && lengths.Length == 1 && lengths[0] == 1;
        nint[] resultLengths = isScalarAsVector ? Array.Empty<nint>() : lengths.ToArray();
        nint[] resultStrides = isScalarAsVector ? Array.Empty<nint>() : strides.ToArray();
        if (!resultLengths.AsSpan().SequenceEqual(shapes.OutputShape))
        {
            string scalarNote = shapes.OutputShape.Length == 0 ? " (a scalar: pass shape [1])" : string.Empty;
            throw new ArgumentException(
                $"Result '{name}' has shape {ShapeText.Format(lengths)} but expression output \"{_program.Labels.Output.Text}\" needs shape "
                + $"{ShapeText.Format(shapes.OutputShape)}{scalarNote}.",
                name);
        }

        try
        {
            ResultOverlap.ThrowIfSelfOverlapping(name, resultLengths, resultStrides);
            nint[][] inputLengths = Array.ConvertAll(_lengths, l => l!);
            nint[][] inputStrides = Array.ConvertAll(_strides, s => s!);
            BoundLayouts? last = _program.LastLayouts;
            if (last is null || !last.Matches(inputLengths, inputStrides, resultLengths, resultStrides))
            {
                ExpandedPlan plan = _program.PlanFor(shapes);
                (StepLayout[] steps, int[] intermediateLengths) = StepLayoutBuilder.Build(plan, shapes, inputLengths, inputStrides, resultLengths, resultStrides);
                last = new BoundLayouts(inputLengths, inputStrides, resultLengths, resultStrides, steps, intermediateLengths, plan, shapes);
                _program.LastLayouts = last;
            }

            (_resultLengths, _resultStrides) = (resultLengths, resultStrides);
            (_boundResultLengths, _boundResultStrides) = (lengths.ToArray(), strides.ToArray());
            (_intermediateLengths, _intermediateOffsets, _scratchLength) = (last.IntermediateLengths, last.IntermediateOffsets, last.ScratchLength);
            _layouts = last;
            _steps = last.Steps;
        }
        catch (OverflowException e)
        {
            throw new ArgumentException(
                $"The strides of the operands or of result '{name}' reach further than memory can: offsets overflow. Pass real tensor spans.",
                name, e);
        }
    }

    /// <summary>
    /// Whether the bound plan runs best as one batched chain (<see cref="BatchedChainKernel"/>): every step keeps the output's
    /// leading index, of at least 32 items, and is small per item — many small contractions, as in <c>ia,jb,nab->nij</c>.
    /// </summary>
    public bool RunsBatchedChain => BatchedChain is not null;

    /// <summary>The batched chain of the bound plan, or null (after <see cref="Result"/>).</summary>
    internal BatchedChainPlan? BatchedChain => _steps is null ? throw NotBound() : _layouts!.Chain;

    /// <summary>The number of steps of the bound plan (after <see cref="Result"/>).</summary>
    public int StepCount => (_steps ?? throw NotBound()).Length;

    /// <summary>The element count of the dense row-major intermediate that step <paramref name="step"/> makes (not the final step).</summary>
    public int IntermediateLength(int step)
    {
        int[] lengths = _intermediateLengths ?? throw NotBound();
        if ((uint)step >= (uint)lengths.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step,
                $"Steps 0..{lengths.Length - 1} make intermediates; step {lengths.Length} writes the result.");
        }

        return lengths[step];
    }

    /// <summary>
    /// The element count of one buffer that holds every intermediate of the bound plan side by side (0 for a one-step plan):
    /// a kernel rents it once per call and gives step k <see cref="IntermediateLength"/>(k) elements from
    /// <see cref="IntermediateOffset"/>(k).
    /// </summary>
    public int ScratchLength => _steps is null ? throw NotBound() : _scratchLength;

    /// <summary>Where in the scratch buffer (<see cref="ScratchLength"/>) the intermediate of step <paramref name="step"/> starts.</summary>
    public int IntermediateOffset(int step)
    {
        int[] offsets = _intermediateOffsets ?? throw NotBound();
        if ((uint)step >= (uint)offsets.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step,
                $"Steps 0..{offsets.Length - 1} make intermediates; step {offsets.Length} writes the result.");
        }

        return offsets[step];
    }

    /// <summary>
    /// The memory of operand <paramref name="operand"/> when it is an intermediate (operand ids from
    /// <see cref="StepLayout.LeftOperand"/>: the intermediate of step k is <c>InputCount + k</c>) in the call's scratch buffer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The operand is an input, not an intermediate.</exception>
    public Span<T> Intermediate<T>(T[] scratch, int operand)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        int step = operand - _program.InputCount;
        return scratch.AsSpan(IntermediateOffset(step), IntermediateLength(step));
    }

    /// <summary>The loop extents and operand strides of step <paramref name="step"/>.</summary>
    public StepLayout Step(int step)
    {
        StepLayout[] steps = _steps ?? throw NotBound();
        if ((uint)step >= (uint)steps.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The program has {steps.Length} steps.");
        }

        return steps[step];
    }

    /// <summary>
    /// Input <paramref name="operand"/>'s (or, for <c>operand == InputCount</c>, the result's) stride along each letter
    /// of the expression, by label id: the sum over its dimensions with that letter (a repeated letter walks the
    /// diagonal), 0 for a length-1 dimension or an absent letter. For terms without <c>...</c>, after <see cref="Result"/>.
    /// </summary>
    internal nint[] LetterStrides(int operand)
    {
        bool isResult = operand == _program.InputCount;
        TermPattern pattern = isResult ? _program.Labels.Output : _program.Labels.Inputs[operand];
        nint[] lengths = (isResult ? _resultLengths : _lengths[operand]) ?? throw NotBound();
        nint[] strides = (isResult ? _resultStrides : _strides[operand]) ?? throw NotBound();
        var byLetter = new nint[_program.Labels.LetterCount];
        for (int d = 0; d < pattern.Leading.Length; d++)
        {
            if (lengths[d] != 1)
            {
                byLetter[pattern.Leading[d]] += strides[d];
            }
        }

        return byLetter;
    }

    private ResolvedShapes Resolve()
    {
        if (_shapes is not null)
        {
            return _shapes;
        }

        int missing = Array.IndexOf(_lengths, null);
        if (missing >= 0)
        {
            throw new InvalidOperationException(
                $"Operand {missing} ('{_program.ParameterNames[missing]}') is not bound. Call Operand for every input before Result.");
        }

        _shapes = ShapeResolver.Resolve(_program.Labels, _program.Expression.Text, _program.ParameterNames, Array.ConvertAll(_lengths, l => l!));
        return _shapes;
    }

    private static InvalidOperationException NotBound() => new("Call Result, after Operand for every input, before reading steps.");

    private static void ThrowIfInvalidLayout(string role, string name, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides)
    {
        if (lengths.Length != strides.Length)
        {
            throw new ArgumentException(
                $"{role} '{name}' has {lengths.Length} lengths {ShapeText.Format(lengths)} but {strides.Length} strides {ShapeText.Format(strides)}.",
                name);
        }

        for (int d = 0; d < lengths.Length; d++)
        {
            if (lengths[d] < 0 || strides[d] < 0)
            {
                throw new ArgumentException(
                    $"{role} '{name}' has lengths {ShapeText.Format(lengths)} and strides {ShapeText.Format(strides)}; lengths and strides "
                    + "cannot be negative (System.Numerics.Tensors spans never have negative strides).",
                    name);
            }
        }
    }
}
