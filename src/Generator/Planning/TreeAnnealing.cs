using System;

namespace TensorGen.Planning;

/// <summary>
/// Simulated annealing over contraction trees (Kalachev, Panteleev and Yung, arXiv:2108.05665; cotengra's
/// <c>simulated_anneal_tree</c>): sweeps over the internal nodes in random order, each proposing a random rotation
/// (<see cref="AnnealingTree.Rotate"/>), accepted when it lowers the cost or with Metropolis probability
/// exp(−Δlog₁₀(cost)/T) when it raises it; T falls geometrically from the start to the end temperature. Moves that make an
/// intermediate exceed the memory limit are refused, so with slices fixed the search stays within the limit. The tree
/// is left at the best state seen at the end of a sweep.
/// </summary>
internal static class TreeAnnealing
{
    /// <summary>Work units per proposed move (calibrated with <see cref="PlanningBudget.UnitsPerSecond"/>: about 0.7 µs of CPU a move on the development machine).</summary>
    private const long MoveWork = 30;

    /// <summary>
    /// Anneals <paramref name="tree"/> for <paramref name="sweeps"/> sweeps (fewer when the budget runs out); returns the
    /// SSA path of the best tree seen and its one-slice cost, or null when no sweep improved on the start.
    /// </summary>
    public static System.Collections.Generic.List<(int Left, int Right)>? Anneal(AnnealingTree tree, NetworkArrays arrays, SplitMix64 random,
        double startTemperature, double endTemperature, int sweeps, double memoryLimit, PlanningBudget budget, out double bestFlops)
    {
        int n = arrays.InputCount;
        int internalCount = tree.NodeCount - n;
        bestFlops = tree.SliceFlops;
        if (internalCount < 2)
        {
            return null;
        }

        System.Collections.Generic.List<(int Left, int Right)>? best = null;
        double current = bestFlops;
        var order = new int[internalCount];
        for (int i = 0; i < internalCount; i++)
        {
            order[i] = n + i;
        }

        double ratio = sweeps > 1 ? Math.Pow(endTemperature / startTemperature, 1.0 / (sweeps - 1)) : 1;
        double temperature = startTemperature;
        for (int sweep = 0; sweep < sweeps && !budget.IsExhausted; sweep++, temperature *= ratio)
        {
            Shuffle(order, random);
            foreach (int p in order)
            {
                double delta = tree.Rotate(p, (int)(random.NextUInt64() & 3), memoryLimit, out AnnealingTree.Move move);
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
            // Sums drift as moves add and take away; recount once a sweep.
            current = tree.SliceFlops;
            if (current < bestFlops * (1 - 1e-12))
            {
                bestFlops = current;
                best = tree.ToPath();
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
