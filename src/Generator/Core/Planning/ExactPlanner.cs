using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// The exact planner (opt_einsum's <c>optimal</c>/<c>dp</c>): a small network is searched over every subset,
/// outer products included (<see cref="SubsetDynamicProgram"/>); a larger one is split into the components that
/// summed indices connect, each searched over its connected subsets with a cost cap
/// (<see cref="ConnectedSubsetSearch"/>), and the components' results are then combined — exactly, outer and
/// Hadamard products included, when there are few. Inputs' dangling indices may be summed out first.
/// </summary>
internal sealed class ExactPlanner : IContractionPlanner
{
    public static ExactPlanner Instance { get; } = new();

    /// <summary>The exact tree; when the time limit runs out first, greedy's (exactness cannot be bounded in time).</summary>
    public ContractionTree Plan(ContractionNetwork network, PlanningOptions options) =>
        TryPlan(network, options, new PlanningBudget(options.TimeLimit), double.PositiveInfinity) ?? GreedyPlanner.Instance.Plan(network, options);

    /// <summary>Whether the exact search can take <paramref name="network"/> at all: every component fits a search's set type.</summary>
    public static bool CanSearch(ContractionNetwork network) =>
        network.InputCount <= SubsetDynamicProgram.MaxOperands || Components(network).All(c => c.Count <= TensorMask.Capacity);

    /// <summary>
    /// The best tree scoring at most <paramref name="upperBound"/>, or null when there is none, the budget ran out,
    /// or an index has size 0 (nothing to optimize).
    /// </summary>
    public static ContractionTree? TryPlan(ContractionNetwork network, PlanningOptions options, PlanningBudget budget, double upperBound)
    {
        var leaves = Enumerable.Range(0, network.InputCount).Select(t => ContractionTreeNode.Leaf(network, t)).ToList();
        if (network.InputCount == 1)
        {
            return new ContractionTree(network, ContractionTreeNode.Unary(network, leaves[0]));
        }

        if (network.HasEmptyIndex)
        {
            return null;
        }

        // Indices held by the same inputs fused: the same costs over fewer indices (the subset search needs at most 64).
        ContractionNetwork fused = network.Subnetwork(network.Inputs, network.Output);
        if (SubsetDynamicProgram.Accepts(fused))
        {
            PlanShape? shape = SubsetDynamicProgram.Solve(fused, options.Objective, options.MemoryLimit, upperBound, budget);
            return shape is null ? null : new ContractionTree(network, shape.Build(network, leaves));
        }

        var results = new List<ContractionTreeNode>();
        foreach (List<int> component in Components(network))
        {
            if (component.Count == 1)
            {
                results.Add(leaves[component[0]]);
                continue;
            }

            BitSet tensors = BitSet.Of(network.TensorWords, component);
            BitSet indices = component.Aggregate(BitSet.Empty(network.IndexWords), (all, t) => all.Union(network.Inputs[t]));
            ContractionNetwork part = network.Subnetwork(component.Select(t => network.Inputs[t]).ToList(), network.Legs(indices, tensors));
            PlanShape? shape = SubsetDynamicProgram.Accepts(part) ? SubsetDynamicProgram.Solve(part, options.Objective, options.MemoryLimit, upperBound, budget)
                : ConnectedSubsetSearch.Accepts(part) ? ConnectedSubsetSearch.Solve(part, options.Objective, options.MemoryLimit, upperBound, budget)
                : null;
            if (shape is null)
            {
                return null;
            }

            results.Add(shape.Build(network, component.Select(t => leaves[t]).ToList()));
        }

        ContractionTreeNode root = Combine(network, results, options, budget);
        return new ContractionTree(network, root.IsLeaf ? ContractionTreeNode.Unary(network, root) : root);
    }

    /// <summary>
    /// The product of the components' results (which share output indices at most): exactly for a few, else
    /// smallest first, as opt_einsum's greedy does its outer products.
    /// </summary>
    private static ContractionTreeNode Combine(ContractionNetwork network, List<ContractionTreeNode> results, PlanningOptions options, PlanningBudget budget)
    {
        if (results.Count == 1)
        {
            return results[0];
        }

        ContractionNetwork product = network.Subnetwork(results.Select(r => r.Indices).ToList(), network.Output);
        if (SubsetDynamicProgram.Accepts(product)
            && SubsetDynamicProgram.Solve(product, options.Objective, options.MemoryLimit, double.PositiveInfinity, budget) is { } shape)
        {
            return shape.Build(network, results);
        }

        var remaining = results.ToList();
        while (remaining.Count > 1)
        {
            var smallest = remaining.Select((node, position) => (node, position)).OrderBy(p => p.node.Size).ThenBy(p => p.position).Take(2)
                .OrderBy(p => p.position).ToList();
            remaining.RemoveAt(smallest[1].position);
            remaining.RemoveAt(smallest[0].position);
            remaining.Add(ContractionTreeNode.Contract(network, smallest[0].node, smallest[1].node));
        }

        return remaining[0];
    }

    /// <summary>The sets of inputs that summed (non-output) indices connect, each in increasing order, by first input.</summary>
    internal static List<List<int>> Components(ContractionNetwork network)
    {
        var parent = Enumerable.Range(0, network.InputCount).ToArray();
        int Find(int t)
        {
            while (parent[t] != t)
            {
                parent[t] = parent[parent[t]];
                t = parent[t];
            }

            return t;
        }

        for (int k = 0; k < network.IndexCount; k++)
        {
            if (network.Output.Contains(k))
            {
                continue;
            }

            int first = -1;
            foreach (int t in network.TensorsOf(k).Ids())
            {
                if (first < 0)
                {
                    first = Find(t);
                }
                else
                {
                    parent[Find(t)] = first;
                }
            }
        }

        return Enumerable.Range(0, network.InputCount).GroupBy(Find).Select(g => g.ToList()).OrderBy(g => g[0]).ToList();
    }
}
