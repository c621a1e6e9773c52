using System;
using System.Collections.Generic;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// One step of a plan over label ids, in the loop order the kernels run: the output's indices first, in the
/// output's order (so a dense row-major output is written contiguously), then the summed indices.
/// </summary>
internal sealed class ExpandedStep
{
    public ExpandedStep(ContractionStep step, IReadOnlyDictionary<string, int> ids)
    {
        // Plain loops, not LINQ over label ids: this runs on a dynamic kernel's first call, and each LINQ operator or
        // Contains over int there was a JIT compilation of its own (the ReadyToRun image cannot hold the iterators
        // System.Linq instantiates inside itself, and the BCL's vectorized Contains is JIT-compiled on AVX-512 CPUs).
        Left = step.Left;
        Right = step.Right;
        IsFinal = step.IsFinal;
        Contraction = step.Contraction;
        int[] left = IdsOf(step.LeftLabels, ids);
        int[] right = IdsOf(step.RightLabels, ids);
        ResultLabels = IdsOf(step.ResultLabels, ids);

        // The result's labels, then the summed ones: the inputs' other labels, each once, in order of appearance.
        var loop = new int[ResultLabels.Length + left.Length + right.Length];
        Array.Copy(ResultLabels, loop, ResultLabels.Length);
        int count = ResultLabels.Length;
        foreach (int[] input in new[] { left, right })
        {
            foreach (int label in input)
            {
                if (!Holds(loop, count, label))
                {
                    loop[count++] = label;
                }
            }
        }

        LoopLabels = new int[count];
        Array.Copy(loop, LoopLabels, count);
        Uses = new StepIndexUse[count];
        for (int i = 0; i < count; i++)
        {
            int label = LoopLabels[i];
            Uses[i] = (Holds(left, left.Length, label) ? StepIndexUse.Left : StepIndexUse.None)
                | (Holds(right, right.Length, label) ? StepIndexUse.Right : StepIndexUse.None)
                | (Holds(ResultLabels, ResultLabels.Length, label) ? StepIndexUse.Output : StepIndexUse.None);
        }
    }

    /// <summary>Operand id of the left input: inputs are 0..N−1, the result of step k is N+k.</summary>
    public int Left { get; }

    /// <summary>Operand id of the right input, or −1 for a unary step.</summary>
    public int Right { get; }

    public bool IsUnary => Right < 0;

    public bool IsFinal { get; }

    /// <summary>The step as an einsum over concrete labels, for messages.</summary>
    public string Contraction { get; }

    /// <summary>The labels of the step's output (the intermediate's dimensions, or the expression's output).</summary>
    public int[] ResultLabels { get; }

    /// <summary>Every distinct label of the step: <see cref="ResultLabels"/>, then the summed ones.</summary>
    public int[] LoopLabels { get; }

    public int KeptCount => ResultLabels.Length;

    public StepIndexUse[] Uses { get; }

    private static int[] IdsOf(IReadOnlyList<string> labels, IReadOnlyDictionary<string, int> ids)
    {
        var result = new int[labels.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = ids[labels[i]];
        }

        return result;
    }

    /// <summary>Whether <paramref name="label"/> is among the first <paramref name="count"/> of <paramref name="labels"/>.</summary>
    private static bool Holds(int[] labels, int count, int label)
    {
        for (int i = 0; i < count; i++)
        {
            if (labels[i] == label)
            {
                return true;
            }
        }

        return false;
    }
}
