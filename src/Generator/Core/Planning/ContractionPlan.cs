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
    private ContractionPlan(EinsumExpression expression, ContractionTree tree, Slicing? slicing, ContractionPath path,
        EquatableArray<ContractionStep> steps, double naiveFlops, int naiveScaling)
    {
        Expression = expression;
        Tree = tree;
        Slicing = slicing;
        Path = path;
        Steps = steps;
        NaiveFlops = naiveFlops;
        NaiveScaling = naiveScaling;
        SlicedLabels = (slicing is null ? Enumerable.Empty<string>() : tree.Network.LabelsOf(slicing.Sliced)).ToEquatableArray();
    }

    public EinsumExpression Expression { get; }

    /// <summary>The contraction tree the steps were lowered from.</summary>
    public ContractionTree Tree { get; }

    /// <summary>The slicing that keeps every intermediate within the memory limit; null when nothing is sliced.</summary>
    public Slicing? Slicing { get; }

    /// <summary>
    /// The sliced indices, in the network's order: the steps run once per value of them (an outer loop), their
    /// intermediates lack them, and the slices' results add up in the output (or fill its part of it, for an output index).
    /// </summary>
    public EquatableArray<string> SlicedLabels { get; }

    public ContractionPath Path { get; }

    public EquatableArray<ContractionStep> Steps { get; }

    /// <summary>The cost of one loop nest over every index at once (opt_einsum's naive cost).</summary>
    public double NaiveFlops { get; }

    /// <summary>The number of distinct indices of the naive loop nest.</summary>
    public int NaiveScaling { get; }

    /// <summary>The total cost, all slices included.</summary>
    public double Flops => Steps.Sum(s => s.Flops);

    /// <summary>The total cost as an exact integer, all slices included.</summary>
    public System.Numerics.BigInteger ExactFlops => Slicing?.ExactFlops ?? Tree.ExactFlops;

    /// <summary>The largest step result's element count as an exact integer (one slice's, when sliced).</summary>
    public System.Numerics.BigInteger ExactLargestIntermediate =>
        Slicing is null ? Tree.ExactLargestIntermediate : new System.Numerics.BigInteger(Slicing.LargestIntermediate);

    public int Scaling => Steps.Max(s => s.Scaling);

    /// <summary>The largest step result's element count, the output included (as opt_einsum counts it); one slice's when sliced.</summary>
    public double LargestIntermediate => Steps.Select(s => s.ResultSize).DefaultIfEmpty(0).Max();

    /// <summary>The planning problem of <paramref name="expression"/>: its terms as index sets, with sizes.</summary>
    public static ContractionNetwork Network(EinsumExpression expression, IReadOnlyDictionary<string, long> sizes) =>
        new(expression.Inputs.Select(t => (IReadOnlyList<string>)t.Labels.ToList()).ToList(), expression.Output.Labels.ToList(), sizes);

    /// <summary>Plans <paramref name="expression"/> with <paramref name="planner"/> and lowers it, sliced to the options' memory limit.</summary>
    public static ContractionPlan Create(EinsumExpression expression, IReadOnlyDictionary<string, long> sizes, IContractionPlanner planner,
        PlanningOptions? options = null)
    {
        options ??= PlanningOptions.Default;
        return FromTree(expression, planner.Plan(Network(expression, sizes), options), sizes, options);
    }

    /// <summary>Lowers a path that fits <paramref name="expression"/> (see <see cref="ContractionTree.FromPath"/>), sliced to the options' memory limit.</summary>
    public static ContractionPlan FromPath(EinsumExpression expression, ContractionPath path, IReadOnlyDictionary<string, long> sizes, PlanningOptions options)
    {
        ContractionTree tree = ContractionTree.FromPath(Network(expression, sizes), path.Steps, out string? error)
            ?? throw new ArgumentException(error, nameof(path));
        return FromTree(expression, tree, sizes, options);
    }

    /// <summary>Lowers a tree of <paramref name="expression"/>'s network, sliced when an intermediate exceeds the options' memory limit.</summary>
    public static ContractionPlan FromTree(EinsumExpression expression, ContractionTree tree, IReadOnlyDictionary<string, long> sizes, PlanningOptions options)
    {
        Slicing? slicing = options.MemoryLimit is { } limit && !tree.Fits(limit) ? tree.SlicedFor(limit) : null;
        return Lower(expression, tree, PathOf(expression, tree), sizes, slicing);
    }

    /// <summary>Lowers <paramref name="expression"/> along a given path (throws <see cref="ArgumentException"/> on a path that does not fit).</summary>
    public static ContractionPlan Lower(EinsumExpression expression, ContractionPath path, IReadOnlyDictionary<string, long> sizes)
    {
        ContractionTree tree = ContractionTree.FromPath(Network(expression, sizes), path.Steps, out string? error)
            ?? throw new ArgumentException(error, nameof(path));
        return Lower(expression, tree, path, sizes, null);
    }

    /// <summary>A tree's path as plans keep it: a single operand keeps the empty path (its one unary step is implied).</summary>
    private static ContractionPath PathOf(EinsumExpression expression, ContractionTree tree) =>
        expression.Inputs.Count < 2 ? ContractionPath.Empty : tree.ToPath();

    private static ContractionPlan Lower(EinsumExpression expression, ContractionTree tree, ContractionPath path, IReadOnlyDictionary<string, long> sizes,
        Slicing? slicing)
    {
        int n = expression.Inputs.Count;
        var sliced = new HashSet<string>(slicing is null ? Enumerable.Empty<string>() : tree.Network.LabelsOf(slicing.Sliced), StringComparer.Ordinal);
        double sliceCount = slicing?.SliceCount ?? 1;
        bool slicesAdd = sliced.Any(l => !expression.Output.Labels.Contains(l));
        var working = Enumerable.Range(0, n).Select(i => (Id: i, Labels: expression.Inputs[i].Labels.ToList())).ToList();
        var steps = new List<ContractionStep>();
        var output = expression.Output.Labels.ToList();

        if (path.Steps.Count == 0)
        {
            steps.Add(Step(0, -1, working[0].Labels, null, output, sizes, isFinal: true, sliced, sliceCount, slicesAdd: false));
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
                // Keep, in order of first appearance, the indices that the output or a remaining operand needs (a
                // sliced index is fixed within a slice, so intermediates never hold it).
                var needed = new HashSet<string>(output.Concat(working.SelectMany(w => w.Labels)));
                result = left.Labels.Concat(right?.Labels ?? Enumerable.Empty<string>()).Distinct()
                    .Where(l => needed.Contains(l) && !sliced.Contains(l)).ToList();
            }

            var step = Step(left.Id, right?.Id ?? -1, left.Labels, right?.Labels, result, sizes, isFinal, sliced, sliceCount, isFinal && slicesAdd);
            steps.Add(step);
            working.Add((n + steps.Count - 1, result));
        }

        var all = expression.Inputs.SelectMany(t => t.Labels).Distinct().ToList();
        // opt_einsum calls the naive loop an inner product when some index is shared between input terms.
        bool shared = expression.Inputs.Sum(t => t.Labels.Distinct().Count()) > all.Count;
        double naive = CostModel.Flops(all, shared, n, sizes);
        return new ContractionPlan(expression, tree, slicing, path, steps.ToEquatableArray(), naive, all.Count);
    }

    /// <summary>
    /// A step; with slicing, its loop nest lacks the sliced indices, it runs once per slice, its result is one slice's,
    /// and the last step sums over the slices when <paramref name="slicesAdd"/> (see <see cref="Slicing.Sums"/>).
    /// </summary>
    private static ContractionStep Step(int left, int right, List<string> leftLabels, List<string>? rightLabels,
        List<string> result, IReadOnlyDictionary<string, long> sizes, bool isFinal, HashSet<string> sliced, double sliceCount, bool slicesAdd)
    {
        var involved = leftLabels.Concat(rightLabels ?? Enumerable.Empty<string>()).Distinct().Where(l => !sliced.Contains(l)).ToList();
        bool summed = involved.Any(l => !result.Contains(l)) || slicesAdd;
        double flops = CostModel.Flops(involved, summed, rightLabels is null ? 1 : 2, sizes) * sliceCount;
        double resultSize = CostModel.Size(result.Where(l => !sliced.Contains(l)), sizes);
        return new ContractionStep(left, right, leftLabels.ToEquatableArray(),
            (rightLabels ?? new List<string>()).ToEquatableArray(), result.ToEquatableArray(), flops, resultSize, involved.Count, isFinal);
    }

    public bool Equals(ContractionPlan? other) =>
        other is not null && Expression.Equals(other.Expression) && Path.Equals(other.Path) && Steps.Equals(other.Steps)
        && SlicedLabels.Equals(other.SlicedLabels);

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
