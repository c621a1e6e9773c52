using System;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// TensorOperations.jl's cost check, for programs created with <see cref="EinsumProgram.WithReplanning"/>: for the actual
/// sizes, the compiled order's cost is compared with a new plan's (the same planner as at compile time, under a short
/// time limit); when the compiled order costs more than <see cref="Tolerance"/> times as much, the new plan is used.
/// </summary>
internal static class CostCheck
{
    /// <summary>How much costlier than a new plan the compiled order may be before it is replaced.</summary>
    public const double Tolerance = 2.0;

    /// <summary>The planning time limit at run time, per new shape (each shape is planned once and cached).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(100);

    /// <summary>A plan made for these sizes at run time: the compile-time planner (Auto) under <see cref="TimeLimit"/>.</summary>
    public static ExpandedPlan Plan(EinsumExpression expression, ExpressionLabels labels, ResolvedShapes shapes) =>
        ExpandedPlan.PlanWith(expression, labels, shapes, AutoPlanner.Instance, new PlanningOptions(timeLimit: TimeLimit));

    /// <summary>The plan to run for these sizes: <paramref name="compiled"/>, or a new one when it is much cheaper.</summary>
    public static ExpandedPlan Choose(ExpandedPlan compiled, EinsumExpression expression, ExpressionLabels labels, ResolvedShapes shapes)
    {
        ExpandedPlan replanned = Plan(expression, labels, shapes);
        // The compiled path over the same network (the actual sizes), for a like-for-like cost.
        ContractionTree? current = ContractionTree.FromPath(replanned.Plan.Tree.Network, compiled.Plan.Path.Steps, out _);
        double compiledCost = current?.Flops ?? double.PositiveInfinity;
        return compiledCost > Tolerance * replanned.Plan.Tree.Flops ? replanned : compiled;
    }
}
