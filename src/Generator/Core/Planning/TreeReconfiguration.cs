using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// cotengra's subtree reconfiguration (<c>subtree_reconfigure</c>; Gray and Kourtis, Quantum 5, 410 (2021), §4.3) in place on
/// an <see cref="AnnealingTree"/>, sliced or not, for the hyper search to interleave with annealing: each internal node's
/// subtree, down to a frontier of a few operands (the costliest steps opened first), is re-planned exactly
/// (<see cref="SubsetDynamicProgram"/> over the frontier's unsliced indices) and replaced when that is cheaper. The node's
/// result does not change, so the rest of the tree stays valid and the cost can only fall. Annealing's rotations change two
/// steps at a time and stall in local minima that a subtree's exact re-plan steps over; the two alternate well
/// (arXiv:2108.05665 §3 anneals, cotengra's record Sycamore trees were annealed and reconfigured).
/// With slices the cost is one slice's (the sliced indices are fixed within a slice) and every re-planned intermediate must
/// fit the memory limit, so the tree stays sliced as it was (cotengra's <c>slicing_reconf_opts</c>: reconfigure the sliced tree).
/// </summary>
internal static class TreeReconfiguration
{
    /// <summary>
    /// Work units for setting up one subtree's sub-network, besides its search (calibrated with
    /// <see cref="PlanningBudget.UnitsPerSecond"/>: about 0.15 ms of CPU on Sycamore's frontiers of 8).
    /// </summary>
    private const long SubtreeWork = 7_000;

    /// <summary>
    /// A subtree whose steps cost less than this share of the tree's is left alone: re-planning it could gain at most that
    /// share (10⁻⁴ is 4·10⁻⁵ in log₁₀ of the cost), and on circuits the cost sits in a few dozen steps near the root, so most
    /// subtrees are not worth an exact search.
    /// </summary>
    private const double NegligibleShare = 1e-4;

    /// <summary>
    /// One sweep over the internal nodes, children before parents, each node's subtree re-planned down to
    /// <paramref name="subtreeSize"/> operands; whether the tree's cost fell. Stops when the budget runs out.
    /// </summary>
    public static bool Sweep(AnnealingTree tree, NetworkArrays arrays, int subtreeSize, double memoryLimit, PlanningBudget budget)
    {
        bool improved = false;
        double? limit = double.IsPositiveInfinity(memoryLimit) ? null : memoryLimit;
        var frontier = new List<int>(subtreeSize + 1);
        var region = new List<int>(subtreeSize);
        double negligible = tree.SliceFlops * NegligibleShare;
        foreach (int v in tree.InternalNodesBottomUp())
        {
            if (budget.IsExhausted)
            {
                break;
            }

            Open(tree, v, subtreeSize, frontier, region);
            if (frontier.Count < 3)
            {
                continue;
            }

            double current = 0;
            foreach (int r in region)
            {
                current += tree.CostOf(r);
            }

            if (current < negligible)
            {
                continue;
            }

            budget.Spend(SubtreeWork);
            ContractionNetwork part = arrays.Network.Subnetwork(frontier.Select(tree.UnslicedLegSet).ToList(), tree.UnslicedLegSet(v));
            if (!SubsetDynamicProgram.Accepts(part)
                || SubsetDynamicProgram.Solve(part, PlanningObjective.Flops, limit, current, budget) is not { } shape
                || HasUnaryStep(shape))
            {
                continue;
            }

            var saved = region.Select(r => (Node: r, Children: tree.ChildrenOf(r))).ToArray();
            int nextFree = 1;
            Place(shape, isTop: true);
            double after = 0;
            foreach (int r in region)
            {
                after += tree.CostOf(r);
            }

            // The exact search can tie with the subtree it re-plans; only a real gain counts (relative: costs are doubles).
            if (after < current * (1 - 1e-12))
            {
                improved = true;
                continue;
            }

            // Put the old subtree back, children before parents (each opened node is a child of one opened before it).
            for (int i = saved.Length - 1; i >= 0; i--)
            {
                tree.Join(saved[i].Node, saved[i].Children.Left, saved[i].Children.Right);
            }

            int Place(PlanShape s, bool isTop)
            {
                if (s.Operand >= 0)
                {
                    return frontier[s.Operand];
                }

                int left = Place(s.Left!, isTop: false);
                int right = Place(s.Right!, isTop: false);
                int node = isTop ? v : region[nextFree++];
                tree.Join(node, left, right);
                return node;
            }
        }

        return improved;
    }

    /// <summary>
    /// The frontier of node <paramref name="v"/>'s subtree (its children, the costliest internal one opened until there are
    /// <paramref name="subtreeSize"/>) and the region between: <paramref name="v"/> first, then each opened node.
    /// </summary>
    private static void Open(AnnealingTree tree, int v, int subtreeSize, List<int> frontier, List<int> region)
    {
        frontier.Clear();
        region.Clear();
        region.Add(v);
        var (left, right) = tree.ChildrenOf(v);
        frontier.Add(left);
        frontier.Add(right);
        while (frontier.Count < subtreeSize)
        {
            int costliest = -1;
            for (int i = 0; i < frontier.Count; i++)
            {
                if (!tree.IsLeaf(frontier[i]) && (costliest < 0 || tree.CostOf(frontier[i]) > tree.CostOf(frontier[costliest])))
                {
                    costliest = i;
                }
            }

            if (costliest < 0)
            {
                return;
            }

            int opened = frontier[costliest];
            region.Add(opened);
            var children = tree.ChildrenOf(opened);
            frontier[costliest] = children.Left;
            frontier.Add(children.Right);
        }
    }

    /// <summary>Whether the shape sums an operand out on its own first (a frontier operand never has indices to sum out alone).</summary>
    private static bool HasUnaryStep(PlanShape shape) =>
        shape.Operand >= 0 ? shape.SumOutFirst : HasUnaryStep(shape.Left!) || HasUnaryStep(shape.Right!);
}
