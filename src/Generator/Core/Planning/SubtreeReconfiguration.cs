using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// cotengra's subtree reconfiguration (Gray and Kourtis, Quantum 5, 410 (2021), §4.3): for every node of a tree,
/// take the subtree below it down to a frontier of at most <see cref="DefaultSubtreeSize"/> operands (expanding the
/// costliest steps first), re-plan the contraction of that frontier into the node's result exactly, and keep it
/// when it scores lower. Sweeps repeat, bottom-up, until one gains nothing. Each replacement leaves the node's
/// result unchanged, so the rest of the tree stays valid and the score can only fall.
/// </summary>
internal sealed class SubtreeReconfiguration : IContractionPlanner
{
    /// <summary>cotengra's default subtree size: 3⁸ splits per exact search keep a sweep fast.</summary>
    public const int DefaultSubtreeSize = 8;

    /// <summary>Work units charged for setting up one subtree's search (its fused sub-network), besides the search itself.</summary>
    private const long SubtreeWork = 20_000;

    public static SubtreeReconfiguration Instance { get; } = new();

    /// <summary>Random greedy for half the time limit, then reconfiguration of its best tree.</summary>
    public ContractionTree Plan(ContractionNetwork network, PlanningOptions options)
    {
        var budget = new PlanningBudget(options.TimeLimit);
        ContractionTree start = RandomGreedyPlanner.Run(network, options, budget.Slice(0.5), RandomGreedyPlanner.DefaultTrials);
        return Improve(start, options, budget, DefaultSubtreeSize);
    }

    /// <summary>Reconfigures <paramref name="tree"/> until a sweep gains nothing or the budget runs out.</summary>
    public static ContractionTree Improve(ContractionTree tree, PlanningOptions options, PlanningBudget budget, int subtreeSize)
    {
        ContractionNetwork network = tree.Network;
        if (network.HasEmptyIndex || network.InputCount < 3)
        {
            return tree;
        }

        ContractionTree current = tree;
        while (!budget.IsExhausted)
        {
            var sweep = new Sweep(network, options, budget, subtreeSize);
            ContractionTreeNode root = sweep.Visit(current.Root);
            if (!sweep.Improved)
            {
                break;
            }

            var next = new ContractionTree(network, root);
            if (!next.IsBetterThan(current, options))
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private sealed class Sweep
    {
        private readonly ContractionNetwork _network;
        private readonly PlanningOptions _options;
        private readonly PlanningBudget _budget;
        private readonly int _subtreeSize;

        public Sweep(ContractionNetwork network, PlanningOptions options, PlanningBudget budget, int subtreeSize)
        {
            _network = network;
            _options = options;
            _budget = budget;
            _subtreeSize = subtreeSize;
        }

        public bool Improved { get; private set; }

        /// <summary>The node with its subtrees reconfigured, children first (explicit stack: trees can be deep).</summary>
        public ContractionTreeNode Visit(ContractionTreeNode top)
        {
            var done = new Dictionary<ContractionTreeNode, ContractionTreeNode>();
            var stack = new Stack<(ContractionTreeNode Node, bool Expanded)>();
            stack.Push((top, false));
            while (stack.Count > 0)
            {
                var (node, expanded) = stack.Pop();
                if (node.IsLeaf)
                {
                    done[node] = node;
                    continue;
                }

                if (!expanded)
                {
                    stack.Push((node, true));
                    stack.Push((node.Left!, false));
                    if (node.Right is not null)
                    {
                        stack.Push((node.Right, false));
                    }

                    continue;
                }

                ContractionTreeNode left = done[node.Left!];
                ContractionTreeNode? right = node.Right is null ? null : done[node.Right];
                ContractionTreeNode rebuilt = ReferenceEquals(left, node.Left) && ReferenceEquals(right, node.Right) ? node
                    : right is null ? ContractionTreeNode.Unary(_network, left) : ContractionTreeNode.Contract(_network, left, right);
                done[node] = rebuilt.IsUnary || _budget.IsExhausted ? rebuilt : Reconfigure(rebuilt);
            }

            return done[top];
        }

        /// <summary>The node's subtree re-planned exactly down to its frontier, or the node itself when that gains nothing.</summary>
        private ContractionTreeNode Reconfigure(ContractionTreeNode node)
        {
            List<ContractionTreeNode> frontier = Frontier(node);
            if (frontier.Count < 3)
            {
                return node;
            }

            double current = RegionScore(node, frontier);
            _budget.Spend(SubtreeWork);
            ContractionNetwork part = _network.Subnetwork(frontier.Select(f => f.Indices).ToList(), node.Indices);
            if (!SubsetDynamicProgram.Accepts(part)
                || SubsetDynamicProgram.Solve(part, _options.Objective, _options.MemoryLimit, current, _budget) is not { } shape)
            {
                return node;
            }

            ContractionTreeNode replacement = shape.Build(_network, frontier);
            double score = RegionScore(replacement, frontier);
            // Re-planning the same subtree can tie; only a real gain counts (relative, as scores are doubles).
            if (score >= current * (1 - 1e-12))
            {
                return node;
            }

            Improved = true;
            return replacement;
        }

        /// <summary>
        /// The operands the subtree at <paramref name="node"/> is re-planned from: start from its children and expand
        /// the costliest step among them until there are <see cref="_subtreeSize"/>; a unary sum-out opens to its input
        /// (the exact search decides again whether to sum out first).
        /// </summary>
        private List<ContractionTreeNode> Frontier(ContractionTreeNode node)
        {
            var frontier = new List<ContractionTreeNode> { node.Left!, node.Right! };
            while (true)
            {
                int unary = frontier.FindIndex(f => f.IsUnary && f.Left!.IsLeaf);
                if (unary >= 0)
                {
                    frontier[unary] = frontier[unary].Left!;
                    continue;
                }

                if (frontier.Count >= _subtreeSize)
                {
                    return frontier;
                }

                int costliest = -1;
                for (int i = 0; i < frontier.Count; i++)
                {
                    if (!frontier[i].IsLeaf && frontier[i].Right is not null && (costliest < 0 || frontier[i].Flops > frontier[costliest].Flops))
                    {
                        costliest = i;
                    }
                }

                if (costliest < 0)
                {
                    return frontier;
                }

                ContractionTreeNode expanded = frontier[costliest];
                frontier[costliest] = expanded.Left!;
                frontier.Add(expanded.Right!);
            }
        }

        /// <summary>The score of the steps between <paramref name="node"/> and the frontier, under the objective.</summary>
        private double RegionScore(ContractionTreeNode node, List<ContractionTreeNode> frontier)
        {
            var stops = new HashSet<ContractionTreeNode>(frontier);
            double flops = 0, writes = 0, largest = 0;
            var stack = new Stack<ContractionTreeNode>();
            stack.Push(node);
            while (stack.Count > 0)
            {
                ContractionTreeNode n = stack.Pop();
                if (stops.Contains(n) || n.IsLeaf)
                {
                    continue;
                }

                flops += n.Flops;
                writes += n.Size;
                largest = Math.Max(largest, n.Size);
                stack.Push(n.Left!);
                if (n.Right is not null)
                {
                    stack.Push(n.Right);
                }
            }

            return _options.Objective switch
            {
                PlanningObjective.Size => largest,
                PlanningObjective.Combo => flops + (CostModel.ComboWriteWeight * writes),
                _ => flops,
            };
        }
    }
}
