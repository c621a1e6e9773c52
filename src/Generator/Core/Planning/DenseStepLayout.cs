using System.Collections.Generic;
using System.Linq;
using TensorGen.Parsing;

namespace TensorGen.Planning;

/// <summary>
/// One plan step bound to dense row-major operands of static sizes: its loop indices (the step's result indices in order,
/// then the summed ones in order of first appearance), their extents, which operands have each, and every operand's
/// stride along each — what TensorGen.Runtime's binding computes for <c>BindDense</c>, computed at compile time so
/// static kernels carry their layouts as constants instead of parsing, lowering and binding on first use.
/// </summary>
/// <remarks>
/// Mirrors the runtime's rules (StepLayoutBuilder): an input's stride along a label is the sum of the row-major strides of
/// its dimensions with that label (a repeated label walks the diagonal), 0 where a dimension has length 1; an
/// intermediate is dense row-major over the producing step's result labels; the final step writes the result's row-major
/// strides (0 for a length-1 dimension), other steps their intermediate's. A test compares both for the suite and random
/// expressions.
/// </remarks>
internal sealed class DenseStepLayout
{
    /// <summary>The left (or only) operand has the index (the runtime's <c>StepIndexUse.Left</c>).</summary>
    public const int UsedByLeft = 1;

    /// <summary>The right operand has the index (<c>StepIndexUse.Right</c>).</summary>
    public const int UsedByRight = 2;

    /// <summary>The step's output keeps the index (<c>StepIndexUse.Output</c>).</summary>
    public const int UsedByOutput = 4;

    private DenseStepLayout(int index, ContractionStep step, IReadOnlyList<string> loopLabels, int[] uses, long[] extents,
        long[] leftStrides, long[] rightStrides, long[] outputStrides)
    {
        Index = index;
        Step = step;
        LoopLabels = loopLabels;
        Uses = uses;
        Extents = extents;
        LeftStrides = leftStrides;
        RightStrides = rightStrides;
        OutputStrides = outputStrides;
    }

    /// <summary>The step's position in the plan.</summary>
    public int Index { get; }

    public ContractionStep Step { get; }

    /// <summary>The loop indices: the step's result labels, then the summed ones.</summary>
    public IReadOnlyList<string> LoopLabels { get; }

    /// <summary>Per loop index, <see cref="UsedByLeft"/> | <see cref="UsedByRight"/> | <see cref="UsedByOutput"/>.</summary>
    public int[] Uses { get; }

    public long[] Extents { get; }

    public long[] LeftStrides { get; }

    /// <summary>All 0 for a unary step.</summary>
    public long[] RightStrides { get; }

    /// <summary>0 on the summed indices.</summary>
    public long[] OutputStrides { get; }

    /// <summary>Every step of <paramref name="plan"/> over dense row-major inputs and result of the given sizes.</summary>
    public static IReadOnlyList<DenseStepLayout> For(ContractionPlan plan, IReadOnlyDictionary<string, long> sizes)
    {
        EinsumExpression expression = plan.Expression;
        int inputCount = expression.Inputs.Count;
        var layouts = new List<DenseStepLayout>(plan.Steps.Count);
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            var kept = step.ResultLabels.ToList();
            var summed = step.LeftLabels.Concat(step.RightLabels).Distinct().Where(l => !kept.Contains(l));
            var loop = kept.Concat(summed).ToList();
            int[] uses = loop.Select(l => (step.LeftLabels.Contains(l) ? UsedByLeft : 0)
                | (step.RightLabels.Contains(l) ? UsedByRight : 0)
                | (kept.Contains(l) ? UsedByOutput : 0)).ToArray();
            long[] extents = loop.Select(l => sizes[l]).ToArray();
            long[] left = StridesOf(step.Left, loop, plan, sizes, inputCount);
            long[] right = step.IsUnary ? new long[loop.Count] : StridesOf(step.Right, loop, plan, sizes, inputCount);
            var output = new long[loop.Count];
            long[] written = step.IsFinal ? InputStrides(expression.Output.Labels, sizes) : RowMajor(kept, sizes);
            for (int d = 0; d < kept.Count; d++)
            {
                output[d] = step.IsFinal ? ByLabel(expression.Output.Labels, written, kept[d]) : written[d];
            }

            layouts.Add(new DenseStepLayout(k, step, loop, uses, extents, left, right, output));
        }

        return layouts;
    }

    /// <summary>An operand's stride along each loop label: an input's summed per label, an intermediate's row-major.</summary>
    private static long[] StridesOf(int operand, IReadOnlyList<string> loop, ContractionPlan plan, IReadOnlyDictionary<string, long> sizes, int inputCount)
    {
        if (operand < inputCount)
        {
            IReadOnlyList<string> dimensions = plan.Expression.Inputs[operand].Labels;
            long[] strides = InputStrides(dimensions, sizes);
            return loop.Select(l => ByLabel(dimensions, strides, l)).ToArray();
        }

        var labels = plan.Steps[operand - inputCount].ResultLabels.ToList();
        long[] rowMajor = RowMajor(labels, sizes);
        return loop.Select(l => labels.IndexOf(l) is int at && at >= 0 ? rowMajor[at] : 0).ToArray();
    }

    /// <summary>
    /// A dense row-major tensor's stride along <paramref name="label"/>, as a tensor span has it: the sum over its dimensions with
    /// that label, 0 for a length-1 dimension or an absent label (the fused kernels' layouts are written from it).
    /// </summary>
    public static long StrideAlong(IReadOnlyList<string> dimensions, IReadOnlyDictionary<string, long> sizes, string label) =>
        ByLabel(dimensions, InputStrides(dimensions, sizes), label);

    /// <summary>The sum of <paramref name="strides"/> over the dimensions labelled <paramref name="label"/>.</summary>
    private static long ByLabel(IReadOnlyList<string> dimensions, long[] strides, string label)
    {
        long sum = 0;
        for (int e = 0; e < dimensions.Count; e++)
        {
            sum += dimensions[e] == label ? strides[e] : 0;
        }

        return sum;
    }

    /// <summary>A dense tensor's strides as a tensor span has them: row-major, 0 for a length-1 dimension (never stepped along).</summary>
    private static long[] InputStrides(IReadOnlyList<string> dimensions, IReadOnlyDictionary<string, long> sizes)
    {
        var strides = new long[dimensions.Count];
        long stride = 1;
        for (int d = dimensions.Count - 1; d >= 0; d--)
        {
            long size = sizes[dimensions[d]];
            strides[d] = size == 1 ? 0 : stride;
            stride *= System.Math.Max(size, 1);
        }

        return strides;
    }

    /// <summary>An intermediate's row-major strides (a length-1 dimension keeps its stride, as the runtime lays them out).</summary>
    private static long[] RowMajor(IReadOnlyList<string> labels, IReadOnlyDictionary<string, long> sizes)
    {
        var strides = new long[labels.Count];
        long stride = 1;
        for (int d = labels.Count - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= sizes[labels[d]];
        }

        return strides;
    }
}
