using System;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// Planning for a call's actual sizes, for programs created with <see cref="EinsumProgram.WithReplanning"/> (every generated
/// dynamic kernel that does not pin its order) and for <see cref="Einsum.Evaluate{T}(string, System.ReadOnlySpan{System.Numerics.Tensors.Tensor{T}})"/>:
/// a new plan from the same planner as at compile time and as <c>tensorgen plan</c> (Auto, minimizing FLOPs) under a short
/// time limit; the compiled order, the starting guess, runs unless it costs more than the new plan for these sizes
/// (TensorOperations.jl's cost check, with no slack: the run-time plan always costs what <c>tensorgen plan</c>'s does).
/// </summary>
internal static class CostCheck
{
    /// <summary>
    /// How much costlier than a new plan the compiled order may be before it is replaced: only by rounding (FLOP counts are
    /// doubles summed in different orders), so an order that really costs more is always replaced.
    /// </summary>
    public const double Tolerance = 1.0 + 1e-9;

    /// <summary>The planning time limit at run time, per new shape (each shape is planned once and cached).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(100);

    /// <summary>A plan made for these sizes at run time: the compile-time planner (Auto) under <see cref="TimeLimit"/>.</summary>
    public static ExpandedPlan Plan(EinsumExpression expression, ExpressionLabels labels, ResolvedShapes shapes) =>
        ExpandedPlan.PlanWith(expression, labels, shapes, AutoPlanner.Instance, new PlanningOptions(timeLimit: TimeLimit));

    /// <summary>The plan to run for these sizes: <paramref name="compiled"/>, or a new one when it is cheaper.</summary>
    public static ExpandedPlan Choose(ExpandedPlan compiled, EinsumExpression expression, ExpressionLabels labels, ResolvedShapes shapes)
    {
        ExpandedPlan replanned = Plan(expression, labels, shapes);
        // The compiled path over the same network (the actual sizes), for a like-for-like cost.
        ContractionTree? current = ContractionTree.FromPath(replanned.Plan.Tree.Network, compiled.Plan.Path.Steps, out _);
        double compiledCost = current?.Flops ?? double.PositiveInfinity;
        return compiledCost > Tolerance * replanned.Plan.Tree.Flops ? replanned : compiled;
    }
}
