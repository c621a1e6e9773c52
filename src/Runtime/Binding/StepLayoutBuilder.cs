using System;

namespace TensorGen.Runtime;

/// <summary>
/// Turns an <see cref="ExpandedPlan"/> and the bound shapes and strides into one <see cref="StepLayout"/> per
/// step, and sizes the dense row-major intermediates that steps pass each other.
/// </summary>
internal static class StepLayoutBuilder
{
    public static (StepLayout[] Steps, int[] IntermediateLengths) Build(ExpandedPlan plan, ResolvedShapes shapes,
        nint[][] inputLengths, nint[][] inputStrides, nint[] resultLengths, nint[] resultStrides)
    {
        var steps = new StepLayout[plan.Steps.Length];
        bool isEmptySum = EmptyExtents.Any(shapes.Sizes);
        var intermediateLengths = new int[plan.Steps.Length - 1];
        for (int k = 0; k < plan.Steps.Length; k++)
        {
            ExpandedStep step = plan.Steps[k];
            int[] loop = step.LoopLabels;
            var extents = new nint[loop.Length];
            for (int d = 0; d < loop.Length; d++)
            {
                extents[d] = shapes.Sizes[loop[d]];
            }

            nint[] left = StridesOver(loop, step.Left, plan, shapes, inputLengths, inputStrides);
            nint[] right = step.IsUnary ? new nint[loop.Length] : StridesOver(loop, step.Right, plan, shapes, inputLengths, inputStrides);
            var output = new nint[loop.Length];
            if (step.IsFinal)
            {
                // The final step's kept indices are the result's dimensions, in order; a length-1 dimension is never stepped along.
                for (int d = 0; d < step.KeptCount; d++)
                {
                    output[d] = resultLengths[d] == 1 ? 0 : resultStrides[d];
                }
            }
            else
            {
                intermediateLengths[k] = IntermediateLength(step, shapes.Sizes);
                RowMajor(step.ResultLabels, shapes.Sizes).AsSpan().CopyTo(output);
            }

            steps[k] = new StepLayout(k, step, extents, left, right, output, isEmptySum);
        }

        return (steps, intermediateLengths);
    }

    /// <summary>
    /// The strides of operand <paramref name="operand"/> along each loop label: for an input, the sum of the
    /// strides of its dimensions with that label (a repeated label walks the diagonal), 0 where the dimension
    /// has length 1 (size-1 broadcasting) or the label is absent; for an intermediate, its row-major strides.
    /// </summary>
    private static nint[] StridesOver(int[] loop, int operand, ExpandedPlan plan, ResolvedShapes shapes, nint[][] inputLengths, nint[][] inputStrides)
    {
        var strides = new nint[loop.Length];
        int inputCount = inputLengths.Length;
        if (operand < inputCount)
        {
            int[] dimensions = plan.InputLabels[operand];
            for (int d = 0; d < loop.Length; d++)
            {
                for (int e = 0; e < dimensions.Length; e++)
                {
                    if (dimensions[e] == loop[d] && inputLengths[operand][e] != 1)
                    {
                        strides[d] = checked(strides[d] + inputStrides[operand][e]);
                    }
                }
            }
        }
        else
        {
            int[] labels = plan.Steps[operand - inputCount].ResultLabels;
            nint[] rowMajor = RowMajor(labels, shapes.Sizes);
            for (int d = 0; d < loop.Length; d++)
            {
                int at = Array.IndexOf(labels, loop[d]);
                strides[d] = at < 0 ? 0 : rowMajor[at];
            }
        }

        return strides;
    }

    private static nint[] RowMajor(int[] labels, nint[] sizes)
    {
        var strides = new nint[labels.Length];
        nint stride = 1;
        for (int d = labels.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= sizes[labels[d]];
        }

        return strides;
    }

    private static int IntermediateLength(ExpandedStep step, nint[] sizes)
    {
        foreach (int label in step.ResultLabels)
        {
            if (sizes[label] == 0)
            {
                return 0;
            }
        }

        long length = 1;
        foreach (int label in step.ResultLabels)
        {
            if (length > Array.MaxLength / sizes[label])
            {
                throw new ArgumentException(
                    $"Step \"{step.Contraction}\" would make an intermediate of more than {Array.MaxLength} elements, more than an array "
                    + "holds. Use smaller operands or split the expression.");
            }

            length *= sizes[label];
        }

        return (int)length;
    }
}
