using System.Collections.Generic;
using System.Linq;
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
        Left = step.Left;
        Right = step.Right;
        IsFinal = step.IsFinal;
        Contraction = step.Contraction;
        int[] left = step.LeftLabels.Select(l => ids[l]).ToArray();
        int[] right = step.RightLabels.Select(l => ids[l]).ToArray();
        ResultLabels = step.ResultLabels.Select(l => ids[l]).ToArray();
        int[] summed = left.Concat(right).Distinct().Where(l => !ResultLabels.Contains(l)).ToArray();
        LoopLabels = ResultLabels.Concat(summed).ToArray();
        Uses = LoopLabels.Select(l =>
            (left.Contains(l) ? StepIndexUse.Left : StepIndexUse.None)
            | (right.Contains(l) ? StepIndexUse.Right : StepIndexUse.None)
            | (ResultLabels.Contains(l) ? StepIndexUse.Output : StepIndexUse.None)).ToArray();
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
}
