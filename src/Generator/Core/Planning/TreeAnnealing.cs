using System;
using System.Collections.Generic;

namespace TensorGen.Planning;

/// <summary>
/// Simulated annealing over contraction trees (Kalachev, Panteleev and Yung, arXiv:2108.05665; cotengra's
/// <c>simulated_anneal_tree</c>): sweeps over the internal nodes in random order, each proposing a random rotation
/// (<see cref="AnnealingTree.Rotate"/>), accepted when it lowers the cost or with Metropolis probability
/// exp(−Δlog₁₀(cost)/T) when it raises it; T falls geometrically from the start to the end temperature.
/// Under a memory limit the cost is the sliced one and slicing is searched with the tree, as cotengra's
/// <c>target_size_initial</c> does it: the size target starts loose and tightens geometrically to the limit over the first
/// part of the run, the tree is re-sliced to the current target every few sweeps (<see cref="TreeSlicer"/>), and moves that
/// make an intermediate exceed it are refused. Only trees sliced to the limit itself count as results.
/// </summary>
internal static class TreeAnnealing
{
    /// <summary>Work units per proposed move (calibrated with <see cref="PlanningBudget.UnitsPerSecond"/>: about 0.4 µs of CPU a move on the development machine, measured in CPU time).</summary>
    internal const long MoveWork = 17;

    /// <summary>Sweeps between re-slicings while a memory limit applies.</summary>
    private const int ResliceInterval = 6;

    /// <summary>The share of the sweeps over which the size target tightens to the limit; the rest anneal at the limit.</summary>
    private const double TighteningShare = 0.6;

    /// <summary>
    /// Anneals <paramref name="tree"/> for <paramref name="sweeps"/> sweeps (fewer when the budget runs out); returns the
    /// SSA path of the best tree seen at the end of a sweep (sliced to the limit, when there is one: its slices in
    /// <paramref name="bestSliced"/>) whose total cost is below <paramref name="bestFlops"/>, which it lowers; null when none was.
    /// </summary>
    public static List<(int Left, int Right)>? Anneal(AnnealingTree tree, NetworkArrays arrays, SplitMix64 random, double startTemperature,
        double endTemperature, int sweeps, double memoryLimit, double targetStart, PlanningBudget budget, ref double bestFlops, out BitSet? bestSliced)
    {
        bestSliced = null;
        int n = arrays.InputCount;
        int internalCount = tree.NodeCount - n;
        if (internalCount < 2)
        {
            return null;
        }

        bool slicing = !double.IsPositiveInfinity(memoryLimit);
        int tightening = Math.Max(1, (int)(sweeps * TighteningShare));
        double target = slicing ? Math.Max(memoryLimit, targetStart) : memoryLimit;
        if (slicing)
        {
            budget.Spend(TreeSlicer.Slice(tree, arrays, target));
        }

        List<(int Left, int Right)>? best = null;
        double current = tree.SliceFlops;
        var order = new int[internalCount];
        for (int i = 0; i < internalCount; i++)
        {
            order[i] = n + i;
        }

        double ratio = sweeps > 1 ? Math.Pow(endTemperature / startTemperature, 1.0 / (sweeps - 1)) : 1;
        double temperature = startTemperature;
        for (int sweep = 0; sweep < sweeps && !budget.IsExhausted; sweep++, temperature *= ratio)
        {
            if (slicing && target > memoryLimit && sweep > 0 && sweep % ResliceInterval == 0)
            {
                target = Math.Max(memoryLimit, targetStart * Math.Pow(memoryLimit / targetStart, Math.Min(1.0, (double)sweep / tightening)));
                budget.Spend(TreeSlicer.Slice(tree, arrays, target));
                current = tree.SliceFlops;
            }

            Shuffle(order, random);
            foreach (int p in order)
            {
                double delta = tree.Rotate(p, (int)(random.NextUInt64() & 3), target, out AnnealingTree.Move move);
                if (double.IsNaN(delta))
                {
                    continue;
                }

                double after = current + delta;
                if (delta <= 0 || random.NextDouble() < Math.Exp(-Math.Log10(after / current) / temperature))
                {
                    current = after;
                }
                else
                {
                    tree.Undo(move);
                }
            }

            budget.Spend(MoveWork * internalCount);
            if (target > memoryLimit)
            {
                continue;
            }

            if (slicing && sweep % ResliceInterval == 0)
            {
                // At the limit: re-slicing from scratch can drop slices that the tree no longer needs.
                budget.Spend(TreeSlicer.Slice(tree, arrays, memoryLimit));
            }

            // Sums drift as moves add and take away; recount once a sweep.
            current = tree.SliceFlops;
            if (tree.TotalFlops < bestFlops * (1 - 1e-12))
            {
                bestFlops = tree.TotalFlops;
                best = tree.ToPath();
                bestSliced = slicing ? tree.Sliced : null;
            }
        }

        return best;
    }

    private static void Shuffle(int[] items, SplitMix64 random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)(random.NextUInt64() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
