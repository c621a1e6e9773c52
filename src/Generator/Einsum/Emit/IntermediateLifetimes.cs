using System.Collections.Generic;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>Which intermediates a step reads, so that their memory can be given back right after it.</summary>
internal static class IntermediateLifetimes
{
    /// <summary>The intermediates (by the index of the step that made them) that step <paramref name="k"/> reads.</summary>
    public static IEnumerable<int> ReadBy(ContractionPlan plan, int k)
    {
        int n = plan.Expression.Inputs.Count;
        ContractionStep step = plan.Steps[k];
        if (step.Left >= n)
        {
            yield return step.Left - n;
        }

        if (step.Right >= n)
        {
            yield return step.Right - n;
        }
    }
}
