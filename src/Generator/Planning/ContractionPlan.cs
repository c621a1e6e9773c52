using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Parsing;

namespace TensorGen.Planning;

/// <summary>
/// An expression lowered along a path (a <see cref="ContractionTree"/>'s) into executable steps. Operands are
/// numbered: the inputs are 0..N−1, the result of step k is N+k, and the last step writes the expression's
/// output. A step is a pairwise contraction or a unary step (a single operand's permute/trace/sum, or a sum-out
/// of indices that occur in one operand only); diagonals of repeated indices are folded into the step that
/// consumes the operand, and so are dangling indices when the path has no unary step for them.
/// </summary>
internal sealed class ContractionPlan : IEquatable<ContractionPlan>
{
    private ContractionPlan(EinsumExpression expression, ContractionTree tree, ContractionPath path, EquatableArray<ContractionStep> steps,
        double naiveFlops, int naiveScaling)
    {
        Expression = expression;
        Tree = tree;
        Path = path;
        Steps = steps;
        NaiveFlops = naiveFlops;
        NaiveScaling = naiveScaling;
    }

    public EinsumExpression Expression { get; }

    /// <summary>The contraction tree the steps were lowered from.</summary>
    public ContractionTree Tree { get; }

    public ContractionPath Path { get; }

    public EquatableArray<ContractionStep> Steps { get; }

    /// <summary>The cost of one loop nest over every index at once (opt_einsum's naive cost).</summary>
    public double NaiveFlops { get; }

    /// <summary>The number of distinct indices of the naive loop nest.</summary>
    public int NaiveScaling { get; }

    public double Flops => Steps.Sum(s => s.Flops);

    /// <summary>The total cost as an exact integer.</summary>
    public System.Numerics.BigInteger ExactFlops => Tree.ExactFlops;

    /// <summary>The largest step result's element count as an exact integer.</summary>
    public System.Numerics.BigInteger ExactLargestIntermediate => Tree.ExactLargestIntermediate;

    public int Scaling => Steps.Max(s => s.Scaling);

    /// <summary>The largest step result's element count, the output included (as opt_einsum counts it).</summary>
    public double LargestIntermediate => Steps.Select(s => s.ResultSize).DefaultIfEmpty(0).Max();

    /// <summary>The planning problem of <paramref name="expression"/>: its terms as index sets, with sizes.</summary>
    public static ContractionNetwork Network(EinsumExpression expression, IReadOnlyDictionary<string, long> sizes) =>
        new(expression.Inputs.Select(t => (IReadOnlyList<string>)t.Labels.ToList()).ToList(), expression.Output.Labels.ToList(), sizes);

    /// <summary>Plans <paramref name="expression"/> with <paramref name="planner"/> and lowers it.</summary>
    public static ContractionPlan Create(EinsumExpression expression, IReadOnlyDictionary<string, long> sizes, IContractionPlanner planner,
        PlanningOptions? options = null)
    {
        ContractionTree tree = planner.Plan(Network(expression, sizes), options ?? PlanningOptions.Default);
        return FromTree(expression, tree, sizes);
    }

    /// <summary>Lowers a path that fits <paramref name="expression"/> (see <see cref="ContractionTree.FromPath"/>), under <paramref name="options"/>.</summary>
    public static ContractionPlan FromPath(EinsumExpression expression, ContractionPath path, IReadOnlyDictionary<string, long> sizes, PlanningOptions options) =>
        Lower(expression, path, sizes);

    /// <summary>Lowers a tree of <paramref name="expression"/>'s network (a single operand keeps the empty path).</summary>
    public static ContractionPlan FromTree(EinsumExpression expression, ContractionTree tree, IReadOnlyDictionary<string, long> sizes) =>
        Lower(expression, expression.Inputs.Count < 2 ? ContractionPath.Empty : tree.ToPath(), sizes);

    /// <summary>Lowers <paramref name="expression"/> along a given path (throws <see cref="ArgumentException"/> on a path that does not fit).</summary>
    public static ContractionPlan Lower(EinsumExpression expression, ContractionPath path, IReadOnlyDictionary<string, long> sizes)
    {
        int n = expression.Inputs.Count;
        ContractionTree tree = ContractionTree.FromPath(Network(expression, sizes), path.Steps, out string? error)
            ?? throw new ArgumentException(error, nameof(path));

        var working = Enumerable.Range(0, n).Select(i => (Id: i, Labels: expression.Inputs[i].Labels.ToList())).ToList();
        var steps = new List<ContractionStep>();
        var output = expression.Output.Labels.ToList();

        if (path.Steps.Count == 0)
        {
            steps.Add(Step(0, -1, working[0].Labels, null, output, sizes, isFinal: true));
        }

        foreach (PathStep pair in path.Steps)
        {
            var left = working[pair.First];
            (int Id, List<string> Labels)? right = pair.IsUnary ? null : working[pair.Second];
            if (!pair.IsUnary)
            {
                working.RemoveAt(pair.Second);
            }

            working.RemoveAt(pair.First);
            bool isFinal = working.Count == 0;

            List<string> result;
            if (isFinal)
            {
                result = output;
            }
            else
            {
                // Keep, in order of first appearance, the indices that the output or a remaining operand needs.
                var needed = new HashSet<string>(output.Concat(working.SelectMany(w => w.Labels)));
                result = left.Labels.Concat(right?.Labels ?? Enumerable.Empty<string>()).Distinct().Where(needed.Contains).ToList();
            }

            var step = Step(left.Id, right?.Id ?? -1, left.Labels, right?.Labels, result, sizes, isFinal);
            steps.Add(step);
            working.Add((n + steps.Count - 1, result));
        }

        var all = expression.Inputs.SelectMany(t => t.Labels).Distinct().ToList();
        // opt_einsum calls the naive loop an inner product when some index is shared between input terms.
        bool shared = expression.Inputs.Sum(t => t.Labels.Distinct().Count()) > all.Count;
        double naive = CostModel.Flops(all, shared, n, sizes);
        return new ContractionPlan(expression, tree, path, steps.ToEquatableArray(), naive, all.Count);
    }

    private static ContractionStep Step(int left, int right, List<string> leftLabels, List<string>? rightLabels,
        List<string> result, IReadOnlyDictionary<string, long> sizes, bool isFinal)
    {
        var involved = leftLabels.Concat(rightLabels ?? Enumerable.Empty<string>()).Distinct().ToList();
        bool summed = involved.Any(l => !result.Contains(l));
        double flops = CostModel.Flops(involved, summed, rightLabels is null ? 1 : 2, sizes);
        double resultSize = CostModel.Size(result, sizes);
        return new ContractionStep(left, right, leftLabels.ToEquatableArray(),
            (rightLabels ?? new List<string>()).ToEquatableArray(), result.ToEquatableArray(), flops, resultSize, involved.Count, isFinal);
    }

    public bool Equals(ContractionPlan? other) =>
        other is not null && Expression.Equals(other.Expression) && Path.Equals(other.Path) && Steps.Equals(other.Steps);

    public override bool Equals(object? obj) => Equals(obj as ContractionPlan);

    public override int GetHashCode() => Expression.GetHashCode() ^ Path.GetHashCode();
}

/// <summary>One step of a plan: <c>Result = Σ Left ⊗ Right</c> over the indices absent from <see cref="ResultLabels"/>.</summary>
internal sealed class ContractionStep : IEquatable<ContractionStep>
{
    public ContractionStep(int left, int right, EquatableArray<string> leftLabels, EquatableArray<string> rightLabels,
        EquatableArray<string> resultLabels, double flops, double resultSize, int scaling, bool isFinal)
    {
        Left = left;
        Right = right;
        LeftLabels = leftLabels;
        RightLabels = rightLabels;
        ResultLabels = resultLabels;
        Flops = flops;
        ResultSize = resultSize;
        Scaling = scaling;
        IsFinal = isFinal;
    }

    /// <summary>The operand id of the left input (see <see cref="ContractionPlan"/> for the numbering).</summary>
    public int Left { get; }

    /// <summary>The operand id of the right input, or −1 for a unary step.</summary>
    public int Right { get; }

    public bool IsUnary => Right < 0;

    public EquatableArray<string> LeftLabels { get; }

    public EquatableArray<string> RightLabels { get; }

    public EquatableArray<string> ResultLabels { get; }

    public double Flops { get; }

    /// <summary>The element count of this step's result (for the final step, the output's).</summary>
    public double ResultSize { get; }

    /// <summary>The number of distinct indices in the step's loop nest.</summary>
    public int Scaling { get; }

    public bool IsFinal { get; }

    /// <summary>The step as an einsum, e.g. <c>"bij,bjk->bik"</c>.</summary>
    public string Contraction =>
        string.Concat(LeftLabels) + (IsUnary ? string.Empty : "," + string.Concat(RightLabels)) + "->" + string.Concat(ResultLabels);

    public bool Equals(ContractionStep? other) =>
        other is not null && Left == other.Left && Right == other.Right && LeftLabels.Equals(other.LeftLabels)
        && RightLabels.Equals(other.RightLabels) && ResultLabels.Equals(other.ResultLabels) && Flops.Equals(other.Flops)
        && ResultSize.Equals(other.ResultSize) && IsFinal == other.IsFinal;

    public override bool Equals(object? obj) => Equals(obj as ContractionStep);

    public override int GetHashCode() => (Left * 397) ^ Right ^ ResultLabels.GetHashCode();

    public override string ToString() => Contraction;
}
