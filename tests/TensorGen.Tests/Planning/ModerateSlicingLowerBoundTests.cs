using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;
using Xunit;

namespace TensorGen.Tests.Planning;

/// <summary>
/// docs/planning.md proves that no contraction tree of the random tree network or of the MPS·MPO ladder, sliced in any way to
/// 1/16 of the unsliced plan's largest intermediate, costs within the 1.15× of the unsliced plan. The proofs rest on
/// facts about the shared files and the planner's unsliced tree (its cost, its largest intermediate); these tests check those
/// facts and redo the arithmetic, so the claim fails loudly if the data or the unsliced plan change under it.
/// </summary>
public sealed class ModerateSlicingLowerBoundTests
{
    private const double Goal = 1.15;

    /// <summary>The same unsliced search as <see cref="HyperPlannerTests"/>' moderate-slicing test.</summary>
    private static ContractionTree Unsliced(RandomNetwork network)
    {
        ContractionNetwork problem = SharedNetwork.Network(network);
        var options = new PlanningOptions(parallelism: 2);
        return HyperPlanner.Run(problem, options, PlanningBudget.ForWork(9_000_000), GreedyPlanner.Instance.Plan(problem, options));
    }

    /// <summary>
    /// The random tree: under the limit an intermediate holds one open bond at most, so every component of the network minus
    /// the sliced bonds must be a path; deleting a bond lowers Σ max(0, degree − 2) by two at most.
    /// </summary>
    [Fact]
    public void The_random_tree_must_slice_more_bonds_than_the_goal_pays_for()
    {
        RandomNetwork network = SharedNetwork.Load("rtree_100_a");
        Dictionary<char, int[]> bonds = Bonds(network);
        Assert.Equal(network.Terms.Length - 1, bonds.Count);
        Assert.True(Connected(network.Terms.Length, bonds.Values), "the network is a tree graph");
        long bond = Assert.Single(network.Sizes.Values.Distinct());

        ContractionTree unsliced = Unsliced(network);
        double limit = Math.Floor(unsliced.PeakIntermediate / 16);
        Assert.True(limit < bond * bond, $"limit {limit}: two open bonds would fit");

        int steps = network.Terms.Length - 1;
        int affordableBonds = (int)Math.Floor(Math.Log(Goal * unsliced.Flops / steps) / Math.Log(bond));
        int degreeExcess = network.Terms.Sum(term => Math.Max(0, term.Length - 2));
        int neededBonds = (degreeExcess + 1) / 2;
        Assert.True(neededBonds > affordableBonds, $"{neededBonds} bonds needed, {affordableBonds} affordable");
    }

    /// <summary>
    /// The ladder: with the bits the goal pays for, some run of whole rails stays long enough that a balanced node of every tree
    /// over it cuts more bits than the limit allows (both rails, a whole rail's rungs, or one rail and two thirds of the rungs).
    /// </summary>
    [Fact]
    public void The_ladder_cannot_fit_the_limit_with_the_bits_the_goal_pays_for()
    {
        RandomNetwork network = SharedNetwork.Load("mps_mpo_L100_chi64_D5");
        Dictionary<char, int[]> bonds = Bonds(network);
        int sites = network.Terms.Length / 2;
        double Bits(int a, int b) => Math.Log2(network.Sizes[Shared(network, a, b).ToString()]);
        Assert.Equal(2 * (sites - 1) + sites, bonds.Count);
        double rungBits = Enumerable.Range(0, sites).Min(site => Bits(site, sites + site));
        double[] railBits = Enumerable.Range(0, sites - 1).Select(site => Math.Min(Bits(site, site + 1), Bits(sites + site, sites + site + 1))).ToArray();
        double middleRailBits = railBits.Max();
        int railPositions = LongestRun(railBits, middleRailBits);

        ContractionTree unsliced = Unsliced(network);
        double limitBits = Math.Log2(Math.Floor(unsliced.PeakIntermediate / 16));
        int steps = network.Terms.Length - 1;
        double affordableBits = Math.Floor(Math.Log2(Goal * unsliced.Flops / steps));

        for (int slicedRails = 0; slicedRails * middleRailBits <= affordableBits; slicedRails++)
        {
            double slicedRungs = Math.Floor((affordableBits - slicedRails * middleRailBits) / rungBits);
            int run = (int)Math.Ceiling((railPositions - slicedRails) / (double)(slicedRails + 1)) + 1;
            double bothRails = 2 * middleRailBits;
            double wholeRail = (run - slicedRungs) * rungBits;
            double oneRailAndRungs = middleRailBits + (Math.Ceiling(2.0 * run / 3) - slicedRungs) * rungBits;
            double smallestCut = Math.Min(bothRails, Math.Min(wholeRail, oneRailAndRungs));
            Assert.True(smallestCut > limitBits, $"{slicedRails} rails sliced: a cut of {smallestCut} bits fits {limitBits}");
        }
    }

    /// <summary>Each index's two tensors; fails on an index that is not a bond between two distinct tensors.</summary>
    private static Dictionary<char, int[]> Bonds(RandomNetwork network)
    {
        Assert.Empty(network.Output);
        var bonds = network.Terms.SelectMany((term, tensor) => term.Select(index => (index, tensor)))
            .GroupBy(use => use.index)
            .ToDictionary(group => group.Key, group => group.Select(use => use.tensor).ToArray());
        Assert.All(bonds.Values, ends => Assert.True(ends.Length == 2 && ends[0] != ends[1]));
        return bonds;
    }

    private static char Shared(RandomNetwork network, int a, int b) => Assert.Single(network.Terms[a].Intersect(network.Terms[b]));

    private static bool Connected(int tensors, IEnumerable<int[]> bonds)
    {
        int[] parent = Enumerable.Range(0, tensors).ToArray();
        int Root(int t) => parent[t] == t ? t : parent[t] = Root(parent[t]);
        foreach (int[] ends in bonds)
        {
            parent[Root(ends[0])] = Root(ends[1]);
        }

        return Enumerable.Range(0, tensors).Select(Root).Distinct().Count() == 1;
    }

    private static int LongestRun(double[] values, double value)
    {
        int longest = 0, current = 0;
        foreach (double v in values)
        {
            current = v >= value ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
