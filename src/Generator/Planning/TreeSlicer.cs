using System;
using System.Collections.Generic;

namespace TensorGen.Planning;

/// <summary>
/// Chooses the indices to slice on an <see cref="AnnealingTree"/> so that every intermediate fits a memory limit, as
/// cotengra's <c>SliceFinder</c> does: while some intermediate is too large, slice the index of the too-large ones whose
/// slicing makes the total the smallest, then unslice what is no longer needed. The total after slicing index k follows
/// from one pass: a step that loops over k costs 1/size(k) of itself per slice, the others all of it, and there are
/// size(k) times more slices — total′ = size(k)·(T − A_k) + A_k with A_k the cost of the steps over k.
/// </summary>
internal static class TreeSlicer
{
    /// <summary>Slices <paramref name="tree"/> to fit <paramref name="memoryLimit"/> (from nothing sliced); false when it cannot.</summary>
    public static bool Slice(AnnealingTree tree, NetworkArrays arrays, double memoryLimit)
    {
        var sliced = new SortedSet<int>();
        tree.Slice(BitSet.Empty(arrays.IndexWords));
        var through = new double[arrays.IndexCount];
        var candidate = new bool[arrays.IndexCount];
        while (true)
        {
            Array.Clear(candidate, 0, candidate.Length);
            bool over = false;
            for (int v = arrays.InputCount; v < tree.NodeCount; v++)
            {
                if (v != tree.Root && tree.SizeOf(v) > memoryLimit)
                {
                    over = true;
                    foreach (int k in tree.UnslicedLegs(v))
                    {
                        candidate[k] = true;
                    }
                }
            }

            if (!over)
            {
                break;
            }

            Array.Clear(through, 0, through.Length);
            double total = 0;
            for (int v = arrays.InputCount; v < tree.NodeCount; v++)
            {
                double cost = tree.CostOf(v);
                total += cost;
                foreach (int k in tree.InvolvedIndices(v))
                {
                    through[k] += cost;
                }
            }

            int best = -1;
            double bestTotal = double.PositiveInfinity;
            for (int k = 0; k < candidate.Length; k++)
            {
                if (candidate[k] && !sliced.Contains(k) && arrays.Sizes[k] > 1)
                {
                    double after = (arrays.Sizes[k] * (total - through[k])) + through[k];
                    if (after < bestTotal)
                    {
                        (best, bestTotal) = (k, after);
                    }
                }
            }

            if (best < 0)
            {
                return false;
            }

            sliced.Add(best);
            tree.Slice(BitSet.Of(arrays.IndexWords, sliced));
        }

        // An index sliced early may be needed no more once later ones are sliced: unslicing it only lowers the cost.
        foreach (int k in new List<int>(sliced))
        {
            sliced.Remove(k);
            tree.Slice(BitSet.Of(arrays.IndexWords, sliced));
            if (tree.Peak > memoryLimit)
            {
                sliced.Add(k);
            }
        }

        tree.Slice(BitSet.Of(arrays.IndexWords, sliced));
        return true;
    }
}
