using System;
using System.Linq;
using System.Runtime.CompilerServices;

namespace TensorGen.Planning;

/// <summary>
/// The exact search over every subset of a small network (outer products included): the best way to contract
/// each subset S is the best split S = S₁ ∪ S₂ of the best ways for S₁ and S₂, so all 3ⁿ splits give the
/// optimum (Pfeifer, Haegeman and Verstraete, PRE 90, 033315 (2014), without their cost cap, which
/// <see cref="ConnectedSubsetSearch"/> adds for larger networks). An input with dangling indices may be summed
/// out by a unary step before it is paired; both ways are scored.
/// </summary>
internal static class SubsetDynamicProgram
{
    /// <summary>Work units charged per split scored (a split costs about five pair examinations of the connected search).</summary>
    private const int WorkPerSplit = 5;

    /// <summary>The most operands searched this way (3^14 ≈ 4.8 million splits).</summary>
    public const int MaxOperands = 14;

    /// <summary>Whether <paramref name="network"/> is small enough: few operands, and its indices fit one machine word.</summary>
    public static bool Accepts(ContractionNetwork network) => network.InputCount <= MaxOperands && network.IndexCount <= 64;

    /// <summary>
    /// The best order of <paramref name="network"/>'s inputs, or null when none scores below
    /// <paramref name="upperBound"/> within the memory limit, or the budget ran out.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static PlanShape? Solve(ContractionNetwork network, PlanningObjective objective, double? memoryLimit, double upperBound, PlanningBudget budget)
    {
        int n = network.InputCount;
        int full = (1 << n) - 1;
        ulong output = network.Output.Word(0);
        ulong[] inputs = network.Inputs.Select(t => t.Word(0)).ToArray();
        var tensorsOf = new int[network.IndexCount];
        for (int t = 0; t < n; t++)
        {
            for (ulong w = inputs[t]; w != 0; w &= w - 1)
            {
                tensorsOf[Bits.TrailingZeroCount(w)] |= 1 << t;
            }
        }

        double Size(ulong indices)
        {
            double size = 1;
            for (; indices != 0; indices &= indices - 1)
            {
                size *= network.Sizes[Bits.TrailingZeroCount(indices)];
            }

            return size;
        }

        // The result's indices of every subset: those the output or an input outside the subset holds.
        var legs = new ulong[full + 1];
        var union = new ulong[full + 1];
        for (int s = 1; s <= full; s++)
        {
            int low = s & -s;
            union[s] = union[s ^ low] | inputs[Bits.TrailingZeroCount((ulong)low)];
            ulong kept = 0;
            for (ulong w = union[s]; w != 0; w &= w - 1)
            {
                int k = Bits.TrailingZeroCount(w);
                if ((output & (1UL << k)) != 0 || (tensorsOf[k] & ~s) != 0)
                {
                    kept |= 1UL << k;
                }
            }

            legs[s] = kept;
        }

        var score = new double[full + 1];
        var flops = new double[full + 1];
        var split = new int[full + 1];
        // Per subset, whether its left and right parts (when single inputs) are summed out first: bits 0 and 1.
        var sumOut = new byte[full + 1];

        // A single input enters a step as it is, or summed out by a unary step first (then scored for that step).
        var reducedScore = new double[n];
        var reducedFlops = new double[n];
        var canReduce = new bool[n];
        for (int t = 0; t < n; t++)
        {
            int s = 1 << t;
            score[s] = 0;
            flops[s] = 0;
            double reducedSize = Size(legs[s]);
            canReduce[t] = legs[s] != inputs[t] && (memoryLimit is not { } limit || reducedSize <= limit);
            reducedFlops[t] = CostModel.StepFlops(Size(inputs[t]), terms: 1, hasSummedIndex: true);
            reducedScore[t] = ObjectiveRules.Unary(objective, reducedFlops[t], reducedSize);
        }

        long work = 0;
        for (int s = 1; s <= full; s++)
        {
            if ((s & (s - 1)) == 0)
            {
                continue;
            }

            score[s] = double.PositiveInfinity;
            double resultSize = Size(legs[s]);
            if (s != full && memoryLimit is { } limit && resultSize > limit)
            {
                continue;
            }

            int lowest = s & -s;
            for (int s1 = (s - 1) & s; s1 > 0; s1 = (s1 - 1) & s)
            {
                if ((s1 & lowest) == 0)
                {
                    continue;
                }

                int s2 = s ^ s1;
                work += WorkPerSplit;
                if (double.IsPositiveInfinity(score[s1]) || double.IsPositiveInfinity(score[s2]))
                {
                    continue;
                }

                bool single1 = (s1 & (s1 - 1)) == 0;
                bool single2 = (s2 & (s2 - 1)) == 0;
                int t1 = single1 ? Bits.TrailingZeroCount((ulong)s1) : -1;
                int t2 = single2 ? Bits.TrailingZeroCount((ulong)s2) : -1;
                for (int o1 = 0; o1 < 2; o1++)
                {
                    if (o1 == 1 && (!single1 || !canReduce[t1]))
                    {
                        break;
                    }

                    ulong i1 = single1 && o1 == 0 ? inputs[t1] : legs[s1];
                    double score1 = o1 == 1 ? reducedScore[t1] : score[s1];
                    double flops1 = o1 == 1 ? reducedFlops[t1] : flops[s1];
                    for (int o2 = 0; o2 < 2; o2++)
                    {
                        if (o2 == 1 && (!single2 || !canReduce[t2]))
                        {
                            break;
                        }

                        ulong i2 = single2 && o2 == 0 ? inputs[t2] : legs[s2];
                        double score2 = o2 == 1 ? reducedScore[t2] : score[s2];
                        double flops2 = o2 == 1 ? reducedFlops[t2] : flops[s2];
                        ulong involved = i1 | i2;
                        double stepFlops = CostModel.StepFlops(Size(involved), terms: 2, hasSummedIndex: (involved & ~legs[s]) != 0);
                        double candidate = ObjectiveRules.Combine(objective, score1, score2, stepFlops, resultSize);
                        double candidateFlops = flops1 + flops2 + stepFlops;
                        if (candidate < score[s] || (candidate == score[s] && candidateFlops < flops[s]))
                        {
                            score[s] = candidate;
                            flops[s] = candidateFlops;
                            split[s] = s1;
                            sumOut[s] = (byte)(o1 | (o2 << 1));
                        }
                    }
                }
            }

            if (score[s] > upperBound)
            {
                score[s] = double.PositiveInfinity;
            }

            if ((s & 0xFF) == 0)
            {
                bool hasBudget = budget.Spend(work);
                work = 0;
                if (!hasBudget)
                {
                    return null;
                }
            }
        }

        budget.Spend(work);
        if (double.IsPositiveInfinity(score[full]))
        {
            return null;
        }

        PlanShape Shape(int s, bool reduce)
        {
            if ((s & (s - 1)) == 0)
            {
                return PlanShape.Leaf(Bits.TrailingZeroCount((ulong)s), reduce);
            }

            return PlanShape.Pair(Shape(split[s], (sumOut[s] & 1) != 0), Shape(s ^ split[s], (sumOut[s] & 2) != 0));
        }

        return Shape(full, reduce: false);
    }
}
