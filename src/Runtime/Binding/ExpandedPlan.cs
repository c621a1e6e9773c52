using System.Collections.Generic;
using System.Linq;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// A plan for one way of expanding <c>...</c> (how many broadcast dimensions each operand has), over label
/// ids: what binding needs to turn operand shapes and strides into <see cref="StepLayout"/>s.
/// </summary>
internal sealed class ExpandedPlan
{
    private ExpandedPlan(EllipsisExpansion expansion, ContractionPlan plan, ExpressionLabels labels, int ellipsisRank)
    {
        InputLabels = expansion.InputLabels;
        OutputLabels = expansion.OutputLabels;
        Plan = plan;
        int labelCount = labels.LetterCount + ellipsisRank;
        var ids = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (int id = 0; id < labelCount; id++)
        {
            ids[labels.NameOf(id)] = id;
        }

        Steps = plan.Steps.Select(s => new ExpandedStep(s, ids)).ToArray();
    }

    /// <summary>Per input, the label id of each dimension.</summary>
    public int[][] InputLabels { get; }

    /// <summary>The label id of each dimension of the result.</summary>
    public int[] OutputLabels { get; }

    /// <summary>The shared core's plan over concrete labels.</summary>
    public ContractionPlan Plan { get; }

    public ExpandedStep[] Steps { get; }

    /// <summary>Lowers along a fixed path (the generator's, chosen at compile time).</summary>
    public static ExpandedPlan Lower(EinsumExpression expression, ExpressionLabels labels, ContractionPath path,
        int[] ellipsisDimensions, int ellipsisRank)
    {
        var expansion = EllipsisExpansion.Expand(expression, labels, ellipsisDimensions, ellipsisRank);
        // Which labels each step keeps does not depend on sizes, so any positive size lowers the same way.
        var sizes = expansion.Expression.DistinctLabels.ToDictionary(l => l, _ => 2L, System.StringComparer.Ordinal);
        return new ExpandedPlan(expansion, ContractionPlan.Lower(expansion.Expression, path, sizes), labels, ellipsisRank);
    }

    /// <summary>Plans with <paramref name="planner"/> for the actual sizes.</summary>
    public static ExpandedPlan PlanWith(EinsumExpression expression, ExpressionLabels labels, ResolvedShapes shapes, IContractionPlanner planner,
        PlanningOptions options)
    {
        var expansion = EllipsisExpansion.Expand(expression, labels, shapes.EllipsisDimensions, shapes.EllipsisRank);
        var sizes = new Dictionary<string, long>(System.StringComparer.Ordinal);
        for (int id = 0; id < shapes.Sizes.Length; id++)
        {
            sizes[labels.NameOf(id)] = shapes.Sizes[id];
        }

        return new ExpandedPlan(expansion, ContractionPlan.Create(expansion.Expression, sizes, planner, options), labels, shapes.EllipsisRank);
    }
}
