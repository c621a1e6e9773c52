using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using TensorGen.Model;

namespace TensorGen.Planning;

/// <summary>
/// A contraction order as a rooted tree over the input operands (cotengra's central object): leaves are the
/// inputs, every other node a unary sum-out or a pairwise contraction, the root the output. Planners make
/// trees; <see cref="ToPath"/> gives opt_einsum's linear path, from which <see cref="ContractionPlan"/> lowers
/// executable steps. Totals are in opt_einsum's units (<see cref="CostModel"/>).
/// </summary>
internal sealed class ContractionTree
{
    private ContractionPath? _path;
    private Slicing? _slicing;

    public ContractionTree(ContractionNetwork network, ContractionTreeNode root)
    {
        Network = network;
        Root = root;
        Steps = ExecutionOrder(root);
        foreach (ContractionTreeNode step in Steps)
        {
            Flops += step.Flops;
            Writes += step.Size;
            LargestIntermediate = Math.Max(LargestIntermediate, step.Size);
            if (!ReferenceEquals(step, root))
            {
                PeakIntermediate = Math.Max(PeakIntermediate, step.Size);
            }
        }
    }

    public ContractionNetwork Network { get; }

    public ContractionTreeNode Root { get; }

    /// <summary>The steps (every node but the leaves) in the order they run: each after the steps it reads.</summary>
    public IReadOnlyList<ContractionTreeNode> Steps { get; }

    /// <summary>The total cost, as a double (see <see cref="ExactFlops"/>).</summary>
    public double Flops { get; }

    /// <summary>The total cost as an exact integer (costs can pass 2^53, where doubles stop counting every FLOP).</summary>
    public BigInteger ExactFlops =>
        Steps.Aggregate(BigInteger.Zero, (sum, s) => sum + CostModel.ExactStepFlops(Network, s.Involved, s.IsUnary ? 1 : 2, s.SumsIndex));

    /// <summary>The largest step result in elements as an exact integer, the output included.</summary>
    public BigInteger ExactLargestIntermediate =>
        Steps.Aggregate(BigInteger.Zero, (largest, s) => BigInteger.Max(largest, CostModel.ExactSize(Network, s.Indices)));

    /// <summary>The largest step result in elements, the output included (as opt_einsum counts it).</summary>
    public double LargestIntermediate { get; }

    /// <summary>The largest step result that is not the output (what a memory limit bounds); 0 without one.</summary>
    public double PeakIntermediate { get; }

    /// <summary>Every element the steps write, the output included (cotengra's write cost).</summary>
    public double Writes { get; }

    /// <summary>How good the tree is under <paramref name="objective"/>; lower is better.</summary>
    public TreeScore Score(PlanningObjective objective) => objective switch
    {
        PlanningObjective.Size => new TreeScore(LargestIntermediate, Flops),
        PlanningObjective.Combo => new TreeScore(Flops + (CostModel.ComboWriteWeight * Writes), Flops),
        _ => new TreeScore(Flops, Flops),
    };

    /// <summary>
    /// The slicing that makes every intermediate fit <paramref name="memoryLimit"/> (no index sliced when they fit
    /// already; see <see cref="Slicing.Find"/>).
    /// </summary>
    public Slicing SlicedFor(double memoryLimit)
    {
        if (_slicing is null || _slicing.MemoryLimit != memoryLimit)
        {
            _slicing = Slicing.Find(this, memoryLimit);
        }

        return _slicing;
    }

    /// <summary>
    /// Takes <paramref name="sliced"/> as the slicing for <paramref name="memoryLimit"/> (a search that chose slices with the
    /// tree, <see cref="HyperPlanner"/>) when it meets the limit; otherwise <see cref="SlicedFor"/> finds its own.
    /// </summary>
    public void AdoptSlicing(BitSet sliced, double memoryLimit)
    {
        Slicing slicing = Slicing.Of(this, sliced, memoryLimit);
        if (slicing.PeakIntermediate <= memoryLimit)
        {
            _slicing = slicing;
        }
    }

    /// <summary>The score under the options: the tree's own, or, when an intermediate exceeds the memory limit, its slicing's.</summary>
    public TreeScore EffectiveScore(PlanningOptions options) =>
        options.MemoryLimit is { } limit && !Fits(limit) ? SlicedFor(limit).Score(options.Objective) : Score(options.Objective);

    /// <summary>Whether this tree beats <paramref name="other"/> under the options (sliced to the memory limit where it must be).</summary>
    public bool IsBetterThan(ContractionTree other, PlanningOptions options) =>
        EffectiveScore(options).IsBetterThan(other.EffectiveScore(options));

    /// <summary>Whether every intermediate fits in <paramref name="memoryLimit"/> elements (always, without a limit).</summary>
    public bool Fits(double? memoryLimit) => memoryLimit is not { } limit || PeakIntermediate <= limit;

    /// <summary>
    /// opt_einsum's linear path: each step names positions in the current operand list (two, or one for a
    /// unary step); those operands are removed and the result appended.
    /// </summary>
    public ContractionPath ToPath()
    {
        if (_path is not null)
        {
            return _path;
        }

        var current = Enumerable.Range(0, Network.InputCount).Select(i => (object)i).ToList();
        var ids = new Dictionary<ContractionTreeNode, object>();
        object IdOf(ContractionTreeNode node) => node.IsLeaf ? node.Input : ids[node];

        var steps = new List<PathStep>();
        foreach (ContractionTreeNode step in Steps)
        {
            int first = current.IndexOf(IdOf(step.Left!));
            if (step.Right is null)
            {
                steps.Add(PathStep.Unary(first));
                current.RemoveAt(first);
            }
            else
            {
                int second = current.IndexOf(IdOf(step.Right));
                steps.Add(new PathStep(first, second));
                current.RemoveAt(Math.Max(first, second));
                current.RemoveAt(Math.Min(first, second));
            }

            var id = new object();
            ids[step] = id;
            current.Add(id);
        }

        _path = new ContractionPath(steps.ToEquatableArray());
        return _path;
    }

    /// <summary>
    /// The tree a linear path describes; null, with <paramref name="error"/> saying why, when the path does not fit
    /// (a position out of range, or operands left over). A network of one operand takes the empty path or <c>[(0,)]</c>.
    /// </summary>
    public static ContractionTree? FromPath(ContractionNetwork network, IReadOnlyList<PathStep> path, out string? error)
    {
        error = null;
        var current = Enumerable.Range(0, network.InputCount).Select(i => ContractionTreeNode.Leaf(network, i)).ToList();
        for (int k = 0; k < path.Count; k++)
        {
            PathStep step = path[k];
            string at = "Step " + (k + 1).ToString(CultureInfo.InvariantCulture) + " " + step;
            int highest = step.IsUnary ? step.First : step.Second;
            if (step.First < 0 || highest >= current.Count || (!step.IsUnary && step.First == step.Second))
            {
                error = $"{at} names positions outside the {current.Count.ToString(CultureInfo.InvariantCulture)} operands left "
                    + $"(positions 0..{(current.Count - 1).ToString(CultureInfo.InvariantCulture)}); each step names one or two distinct positions in the current list.";
                return null;
            }

            if (step.IsUnary && !current[step.First].IsLeaf)
            {
                error = $"{at} is a unary step on an intermediate, which has no index to sum out; unary steps apply to input operands "
                    + "(to sum out indices that occur in that operand only).";
                return null;
            }

            ContractionTreeNode result;
            if (step.IsUnary)
            {
                result = ContractionTreeNode.Unary(network, current[step.First]);
                current.RemoveAt(step.First);
            }
            else
            {
                result = ContractionTreeNode.Contract(network, current[step.First], current[step.Second]);
                current.RemoveAt(step.Second);
                current.RemoveAt(step.First);
            }

            current.Add(result);
        }

        if (current.Count != 1)
        {
            error = $"The path leaves {current.Count.ToString(CultureInfo.InvariantCulture)} operands; a complete path for "
                + $"{network.InputCount.ToString(CultureInfo.InvariantCulture)} operands contracts them to one "
                + $"({Math.Max(0, network.InputCount - 1).ToString(CultureInfo.InvariantCulture)} pairwise steps, plus any unary ones).";
            return null;
        }

        ContractionTreeNode root = current[0];
        if (root.IsLeaf)
        {
            root = ContractionTreeNode.Unary(network, root);
        }

        return new ContractionTree(network, root);
    }

    /// <summary>The tree's steps, children before parents, left subtree first (iteratively: trees can be deep).</summary>
    private static IReadOnlyList<ContractionTreeNode> ExecutionOrder(ContractionTreeNode root)
    {
        var order = new List<ContractionTreeNode>();
        var stack = new Stack<(ContractionTreeNode Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (node.IsLeaf)
            {
                continue;
            }

            if (expanded)
            {
                order.Add(node);
                continue;
            }

            stack.Push((node, true));
            if (node.Right is not null)
            {
                stack.Push((node.Right, false));
            }

            stack.Push((node.Left!, false));
        }

        return order;
    }
}

/// <summary>A tree's cost under an objective, FLOPs breaking ties; compares lexicographically.</summary>
internal readonly struct TreeScore : IComparable<TreeScore>
{
    public TreeScore(double primary, double flops)
    {
        Primary = primary;
        Flops = flops;
    }

    public double Primary { get; }

    public double Flops { get; }

    public int CompareTo(TreeScore other)
    {
        int primary = Primary.CompareTo(other.Primary);
        return primary != 0 ? primary : Flops.CompareTo(other.Flops);
    }

    public bool IsBetterThan(TreeScore other) => CompareTo(other) < 0;
}
