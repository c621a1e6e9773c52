using System.Linq;
using TensorGen.Planning;
using Xunit;

namespace TensorGen.Tests.Planning;

/// <summary>
/// Subtree reconfiguration in place on the annealing tree (<see cref="TreeReconfiguration"/>): a sweep re-plans subtrees
/// exactly, so it must lower a greedy tree's cost, leave a tree whose costs a fresh count and an independent recount confirm,
/// and, on a sliced tree, keep every intermediate within the memory limit it slices to.
/// </summary>
public sealed class TreeReconfigurationTests
{
    private static readonly PlanningBudget Unbounded = PlanningBudget.ForWork(long.MaxValue / 8);

    [Theory]
    [InlineData("sycamore_n53_m20_s0_e0_pABCDCDAB")]
    [InlineData("randreg_200_3_a")]
    public void A_sweep_lowers_a_greedy_trees_cost_and_keeps_it_exact(string name)
    {
        RandomNetwork network = SharedNetwork.Load(name);
        var arrays = new NetworkArrays(SharedNetwork.Network(network));
        AnnealingTree tree = GreedyTree(arrays);
        double before = tree.TotalFlops;

        Assert.True(TreeReconfiguration.Sweep(tree, arrays, SubtreeReconfiguration.DefaultSubtreeSize, double.PositiveInfinity, Unbounded));

        Assert.True(tree.TotalFlops < before, $"{tree.TotalFlops:E3} against greedy's {before:E3}");
        ContractionTree planned = arrays.TreeOf(tree.ToPath());
        Assert.Equal(planned.Flops, tree.TotalFlops, planned.Flops * 1e-9);
        var path = planned.ToPath().Steps.Select(s => s.Positions).ToList();
        Assert.Equal(IndependentCost.OfPath(network, path).Flops, planned.ExactFlops);
    }

    [Fact]
    public void A_sweep_of_a_sliced_tree_keeps_its_slices_and_the_limit()
    {
        var arrays = new NetworkArrays(SharedNetwork.Network(SharedNetwork.Load("randreg_200_3_a")));
        AnnealingTree tree = GreedyTree(arrays);
        double limit = System.Math.Floor(tree.Peak / 256);
        TreeSlicer.Slice(tree, arrays, limit);
        BitSet sliced = tree.Sliced;
        double before = tree.TotalFlops;

        TreeReconfiguration.Sweep(tree, arrays, SubtreeReconfiguration.DefaultSubtreeSize, limit, Unbounded);

        Assert.True(tree.TotalFlops <= before);
        Assert.True(tree.Peak <= limit, $"{tree.Peak} > {limit}");
        Assert.Equal(sliced, tree.Sliced);
        var fresh = new AnnealingTree(arrays, tree.ToPath());
        fresh.Slice(sliced);
        Assert.Equal(fresh.TotalFlops, tree.TotalFlops, fresh.TotalFlops * 1e-9);
        Assert.Equal(fresh.Peak, tree.Peak);
    }

    /// <summary>A greedy tree with cotengra's default cost modifier (no sampling).</summary>
    private static AnnealingTree GreedyTree(NetworkArrays arrays)
    {
        var trial = new HyperGreedyTrial(arrays);
        trial.Run(1.0, 0.0, new SplitMix64(1), double.PositiveInfinity);
        return new AnnealingTree(arrays, trial.Path);
    }
}
