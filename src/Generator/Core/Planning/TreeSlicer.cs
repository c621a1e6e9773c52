using System;

namespace TensorGen.Planning;

/// <summary>
/// Chooses the indices to slice on an <see cref="AnnealingTree"/> so that every intermediate fits a memory limit, as
/// cotengra's <c>SliceFinder</c> does: while some intermediate is too large, slice the index of the too-large ones whose
/// slicing makes the total the smallest; before and after, unslice every index the tree no longer needs (the cheapest
/// first). The total after slicing index k follows from one pass: a step that loops over k costs 1/size(k) of itself per
/// slice, the others all of it, and there are size(k) times more slices — total′ = size(k)·(T − A_k) + A_k with A_k the
/// cost of the steps over k.
/// </summary>
internal static class TreeSlicer
{
    /// <summary>Node-word visits per work unit (calibrated with <see cref="PlanningBudget.UnitsPerSecond"/>: about 2 ns of CPU a visit).</summary>
    private const long VisitsPerUnit = 10;

    /// <summary>Work units for a call's allocations, which small trees would not otherwise pay.</summary>
    private const long FixedWork = 500;

    /// <summary>
    /// Slices <paramref name="tree"/> to fit <paramref name="memoryLimit"/>, starting from what it has sliced (or from nothing,
    /// with <paramref name="fromScratch"/>); the work units it took. With <paramref name="random"/>, the choices are sampled
    /// near the greedy ones (for several tries at one tree). Every tree can be made to fit (at worst by slicing every
    /// index of an intermediate).
    /// </summary>
    public static long Slice(AnnealingTree tree, NetworkArrays arrays, double memoryLimit, bool fromScratch = true, SplitMix64? random = null)
    {
        if (fromScratch)
        {
            tree.Slice(BitSet.Empty(arrays.IndexWords));
        }

        long passes = 1;
        var through = new double[arrays.IndexCount];
        var candidate = new bool[arrays.IndexCount];
        passes += Unslice(tree, arrays, memoryLimit, through);
        while (true)
        {
            Array.Clear(candidate, 0, candidate.Length);
            passes += 3;
            if (!tree.MarkOversized(memoryLimit, candidate))
            {
                break;
            }

            Array.Clear(through, 0, through.Length);
            double total = tree.AccumulateThrough(through);
            int best = -1;
            double bestTotal = double.PositiveInfinity;
            for (int k = 0; k < candidate.Length; k++)
            {
                if (candidate[k] && arrays.Sizes[k] > 1)
                {
                    // With a random source, each total is jittered by a Gumbel deviate (log scale): a sample near the greedy choice.
                    double after = (arrays.Sizes[k] * (total - through[k])) + through[k];
                    if (random is not null)
                    {
                        after *= Math.Exp(-0.3 * -Math.Log(-Math.Log(1.0 - random.NextDouble() + 1e-300) + 1e-300));
                    }

                    if (after < bestTotal)
                    {
                        (best, bestTotal) = (k, after);
                    }
                }
            }

            if (best < 0)
            {
                break;
            }

            tree.AddSlice(best);
        }

        passes += Unslice(tree, arrays, memoryLimit, through);
        return (passes * tree.NodeCount * arrays.IndexWords / VisitsPerUnit) + FixedWork;
    }

    /// <summary>Unslices, one at a time and the largest first, the sliced indices the tree fits without; the passes it took.</summary>
    private static long Unslice(AnnealingTree tree, NetworkArrays arrays, double memoryLimit, double[] needs)
    {
        long passes = 0;
        while (true)
        {
            Array.Clear(needs, 0, needs.Length);
            tree.MeasureUnslicing(needs);
            passes += 2;
            int best = -1;
            for (int k = 0; k < needs.Length; k++)
            {
                if (tree.IsSliced(k) && needs[k] <= memoryLimit && (best < 0 || arrays.Sizes[k] > arrays.Sizes[best]))
                {
                    best = k;
                }
            }

            if (best < 0)
            {
                return passes;
            }

            tree.RemoveSlice(best);
        }
    }
}
