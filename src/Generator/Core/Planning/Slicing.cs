using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace TensorGen.Planning;

/// <summary>
/// A contraction tree run once per value of some indices (the sliced ones), so that every intermediate fits a memory
/// limit (cotengra's slicing; Gray and Kourtis, Quantum 5, 410 (2021), §5). Within a slice a sliced index is fixed: it
/// drops out of every intermediate and no step sums it; the slices' results add up (or, for an output index, fill
/// their part of the output). The total cost is the slice count × one slice's cost, the overhead its ratio to the
/// unsliced tree's.
/// </summary>
internal sealed class Slicing
{
    private Slicing(ContractionTree tree, BitSet sliced, double memoryLimit)
    {
        Tree = tree;
        Sliced = sliced;
        MemoryLimit = memoryLimit;
        ContractionNetwork network = tree.Network;
        SliceCount = network.Size(sliced);
        foreach (ContractionTreeNode step in tree.Steps)
        {
            SliceFlops += StepFlops(tree, step, sliced);
            SliceWrites += network.Size(step.Indices.Except(sliced));
            if (!ReferenceEquals(step, tree.Root))
            {
                PeakIntermediate = Math.Max(PeakIntermediate, network.Size(step.Indices.Except(sliced)));
            }

            LargestIntermediate = Math.Max(LargestIntermediate, network.Size(step.Indices.Except(sliced)));
        }
    }

    public ContractionTree Tree { get; }

    /// <summary>The limit the slicing meets.</summary>
    public double MemoryLimit { get; }

    /// <summary>The sliced indices.</summary>
    public BitSet Sliced { get; }

    /// <summary>How many slices: the product of the sliced indices' sizes.</summary>
    public double SliceCount { get; }

    /// <summary>The cost of one slice.</summary>
    public double SliceFlops { get; }

    /// <summary>The elements one slice's steps write.</summary>
    public double SliceWrites { get; }

    /// <summary>The cost of all slices.</summary>
    public double Flops => SliceFlops * SliceCount;

    /// <summary>How good the sliced tree is under <paramref name="objective"/> (as <see cref="ContractionTree.Score"/>).</summary>
    public TreeScore Score(PlanningObjective objective) => objective switch
    {
        PlanningObjective.Size => new TreeScore(LargestIntermediate, Flops),
        PlanningObjective.Combo => new TreeScore(Flops + (CostModel.ComboWriteWeight * SliceWrites * SliceCount), Flops),
        _ => new TreeScore(Flops, Flops),
    };

    /// <summary>The cost of all slices, exactly.</summary>
    public BigInteger ExactFlops
    {
        get
        {
            ContractionNetwork network = Tree.Network;
            BigInteger slice = Tree.Steps.Aggregate(BigInteger.Zero, (sum, step) => sum
                + CostModel.ExactStepFlops(network, step.Involved.Except(Sliced), step.IsUnary ? 1 : 2, Sums(Tree, step, Sliced)));
            return slice * CostModel.ExactSize(network, Sliced);
        }
    }

    /// <summary>Total cost over the unsliced tree's: what slicing costs in FLOPs.</summary>
    public double Overhead => Tree.Flops > 0 ? Flops / Tree.Flops : 1;

    /// <summary>The largest intermediate of one slice, the output's part included.</summary>
    public double LargestIntermediate { get; }

    /// <summary>The largest intermediate of one slice other than the output.</summary>
    public double PeakIntermediate { get; }

    /// <summary>
    /// The indices to slice so that every intermediate of <paramref name="tree"/> has at most <paramref name="memoryLimit"/>
    /// elements, chosen greedily as cotengra's SliceFinder does: while some intermediate is too large, slice the index of
    /// the too-large intermediates whose slicing costs the least in total. Without an intermediate over the limit, none.
    /// </summary>
    public static Slicing Find(ContractionTree tree, double memoryLimit)
    {
        ContractionNetwork network = tree.Network;
        BitSet sliced = BitSet.Empty(network.IndexWords);
        var steps = tree.Steps.Where(s => !ReferenceEquals(s, tree.Root)).ToList();
        while (true)
        {
            var candidates = new SortedSet<int>();
            foreach (ContractionTreeNode step in steps)
            {
                BitSet kept = step.Indices.Except(sliced);
                if (network.Size(kept) > memoryLimit)
                {
                    candidates.UnionWith(kept.Ids());
                }
            }

            if (candidates.Count == 0)
            {
                return new Slicing(tree, sliced, memoryLimit);
            }

            int best = -1;
            double bestFlops = double.PositiveInfinity, bestPeak = double.PositiveInfinity;
            foreach (int index in candidates)
            {
                BitSet trial = sliced.With(index);
                double flops = network.Size(trial) * tree.Steps.Sum(s => StepFlops(tree, s, trial));
                double peak = steps.Select(s => network.Size(s.Indices.Except(trial))).DefaultIfEmpty(0).Max();
                if (flops < bestFlops || (flops == bestFlops && peak < bestPeak))
                {
                    (best, bestFlops, bestPeak) = (index, flops, peak);
                }
            }

            sliced = sliced.With(best);
        }
    }

    /// <summary>The slicing of <paramref name="tree"/> over <paramref name="sliced"/>, chosen by a search that sliced and ordered together.</summary>
    public static Slicing Of(ContractionTree tree, BitSet sliced, double memoryLimit) => new(tree, sliced, memoryLimit);

    /// <summary>One slice's cost of a step: its loop nest without the sliced indices, which it does not loop over.</summary>
    private static double StepFlops(ContractionTree tree, ContractionTreeNode step, BitSet sliced) =>
        CostModel.StepFlops(tree.Network.Size(step.Involved.Except(sliced)), step.IsUnary ? 1 : 2, Sums(tree, step, sliced));

    /// <summary>
    /// Whether a step of a slice sums: over an index it loops over and drops, or — the root — over the slices, when a
    /// sliced index is summed (each slice adds its result into the output, which is that index's sum).
    /// </summary>
    internal static bool Sums(ContractionTree tree, ContractionTreeNode step, BitSet sliced) =>
        !step.Involved.Except(sliced).IsSubsetOf(step.Indices) || (ReferenceEquals(step, tree.Root) && !sliced.IsSubsetOf(tree.Network.Output));
}
