using System.Collections.Generic;

namespace TensorGen.Planning;

/// <summary>
/// A contraction order over a list of operands (the inputs of a network, or the frontier of a subtree being
/// re-planned), as the exact searches return it: an operand — summed out first by a unary step when
/// <see cref="SumOutFirst"/> — or the contraction of two shapes.
/// </summary>
internal sealed class PlanShape
{
    private PlanShape(int operand, bool sumOutFirst, PlanShape? left, PlanShape? right)
    {
        Operand = operand;
        SumOutFirst = sumOutFirst;
        Left = left;
        Right = right;
    }

    /// <summary>The operand's position, or −1 for a pair.</summary>
    public int Operand { get; }

    /// <summary>Whether the operand's dangling indices are summed out by a unary step before it is contracted.</summary>
    public bool SumOutFirst { get; }

    public PlanShape? Left { get; }

    public PlanShape? Right { get; }

    public static PlanShape Leaf(int operand, bool sumOutFirst) => new(operand, sumOutFirst, null, null);

    public static PlanShape Pair(PlanShape left, PlanShape right) => new(-1, false, left, right);

    /// <summary>The tree nodes of this shape in <paramref name="network"/>, operand i being <paramref name="operands"/>[i].</summary>
    public ContractionTreeNode Build(ContractionNetwork network, IReadOnlyList<ContractionTreeNode> operands)
    {
        if (Operand >= 0)
        {
            ContractionTreeNode node = operands[Operand];
            return SumOutFirst ? ContractionTreeNode.Unary(network, node) : node;
        }

        return ContractionTreeNode.Contract(network, Left!.Build(network, operands), Right!.Build(network, operands));
    }
}

/// <summary>How a step adds to a tree's score under each objective (see <see cref="ContractionTree.Score"/>).</summary>
internal static class ObjectiveRules
{
    /// <summary>The score of a step over two subtrees scored <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static double Combine(PlanningObjective objective, double left, double right, double stepFlops, double resultSize) => objective switch
    {
        PlanningObjective.Size => System.Math.Max(System.Math.Max(left, right), resultSize),
        PlanningObjective.Combo => left + right + stepFlops + (CostModel.ComboWriteWeight * resultSize),
        _ => left + right + stepFlops,
    };

    /// <summary>The score of a unary step on an input.</summary>
    public static double Unary(PlanningObjective objective, double stepFlops, double resultSize) =>
        Combine(objective, 0, 0, stepFlops, resultSize);
}
