using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// A <see cref="ContractionNetwork"/> in flat arrays, for the searches that run thousands of trials (random greedy,
/// annealing): each input's indices as an id list with its dangling indices already summed out (they cost one unary
/// step each, <see cref="UnaryFlops"/>, whatever the order), each index's size and holders, and the output as flags.
/// </summary>
internal sealed class NetworkArrays
{
    public NetworkArrays(ContractionNetwork network)
    {
        Network = network;
        InputCount = network.InputCount;
        IndexCount = network.IndexCount;
        IndexWords = network.IndexWords;
        TensorWords = network.TensorWords;
        Sizes = network.Sizes.Select(s => (double)s).ToArray();
        IsOutput = Enumerable.Range(0, IndexCount).Select(k => network.Output.Contains(k)).ToArray();
        Holders = Enumerable.Range(0, IndexCount).Select(k => network.TensorsOf(k).Ids().ToArray()).ToArray();
        Legs = new int[InputCount][];
        for (int t = 0; t < InputCount; t++)
        {
            BitSet dangling = network.Dangling(t);
            Legs[t] = network.Inputs[t].Ids().Where(k => !dangling.Contains(k)).ToArray();
            if (!dangling.IsEmpty)
            {
                UnaryFlops += CostModel.StepFlops(network.Size(network.Inputs[t]), 1, hasSummedIndex: true);
            }
        }
    }

    public ContractionNetwork Network { get; }

    public int InputCount { get; }

    public int IndexCount { get; }

    public int IndexWords { get; }

    public int TensorWords { get; }

    /// <summary>Each index's size.</summary>
    public double[] Sizes { get; }

    /// <summary>Whether each index is in the output.</summary>
    public bool[] IsOutput { get; }

    /// <summary>The inputs that hold each index, in increasing order.</summary>
    public int[][] Holders { get; }

    /// <summary>Each input's indices after its dangling ones are summed out, in increasing order.</summary>
    public int[][] Legs { get; }

    /// <summary>The cost of the unary steps that sum dangling indices out of the inputs, which every tree pays.</summary>
    public double UnaryFlops { get; }

    /// <summary>
    /// The SSA path of <paramref name="tree"/> in this form (a unary step on an input is folded into its leaf); null when the
    /// tree has a unary step elsewhere, which this form cannot hold.
    /// </summary>
    public List<(int Left, int Right)>? PathOf(ContractionTree tree)
    {
        var ids = new Dictionary<ContractionTreeNode, int>();
        var path = new List<(int Left, int Right)>(InputCount);
        foreach (ContractionTreeNode step in tree.Steps)
        {
            if (step.IsUnary)
            {
                if (!step.Left!.IsLeaf && !ReferenceEquals(step, tree.Root))
                {
                    return null;
                }

                ids[step] = step.Left.IsLeaf ? step.Left.Input : ids[step.Left];
                continue;
            }

            int Id(ContractionTreeNode node) => node.IsLeaf ? node.Input : ids[node];
            ids[step] = InputCount + path.Count;
            path.Add((Id(step.Left!), Id(step.Right!)));
        }

        return path.Count == InputCount - 1 ? path : null;
    }

    /// <summary>
    /// The <see cref="ContractionTree"/> of an SSA path (<paramref name="pairs"/>[k] contracts two of the inputs 0..N−1 and
    /// earlier results N+j into result N+k), with the unary sum-outs of dangling indices at the leaves.
    /// </summary>
    public ContractionTree TreeOf(IReadOnlyList<(int Left, int Right)> pairs)
    {
        var nodes = new List<ContractionTreeNode>(InputCount + pairs.Count);
        for (int t = 0; t < InputCount; t++)
        {
            ContractionTreeNode leaf = ContractionTreeNode.Leaf(Network, t);
            nodes.Add(Network.Dangling(t).IsEmpty ? leaf : ContractionTreeNode.Unary(Network, leaf));
        }

        foreach (var (left, right) in pairs)
        {
            nodes.Add(ContractionTreeNode.Contract(Network, nodes[left], nodes[right]));
        }

        ContractionTreeNode root = nodes[nodes.Count - 1];
        return new ContractionTree(Network, root.IsLeaf ? ContractionTreeNode.Unary(Network, root) : root);
    }
}
