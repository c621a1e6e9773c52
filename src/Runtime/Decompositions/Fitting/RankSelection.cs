using System;

namespace TensorGen.Decompositions.Fitting;

/// <summary>Chooses a truncation rank from singular values.</summary>
internal static class RankSelection
{
    /// <summary>
    /// The smallest r in 1..min(<paramref name="maxRank"/>, |s|) whose discarded tail √(Σ_{i≥r} s_i²) is at most
    /// <paramref name="tailBound"/> (or min(maxRank, |s|) when none is). Singular values at or below the rounding
    /// level of the largest (|s|·s₀·2⁻⁵²) count as zero, so an exactly low-rank input gets its rank at tolerance 0.
    /// </summary>
    public static int Choose(double[] s, int maxRank, double tailBound)
    {
        int cap = Math.Min(maxRank, s.Length);
        double noise = s.Length == 0 ? 0 : s.Length * s[0] * Math.Pow(2, -52);
        double bound = Math.Max(tailBound, 0);
        double tail = 0;
        int rank = s.Length;
        // Walk from the smallest value up while the discarded tail still fits the bound.
        while (rank > 1)
        {
            double next = s[rank - 1];
            double discarded = next <= noise ? 0 : next * next;
            if (tail + discarded > bound * bound)
            {
                break;
            }

            tail += discarded;
            rank--;
        }

        return Math.Max(1, Math.Min(rank, cap));
    }
}
