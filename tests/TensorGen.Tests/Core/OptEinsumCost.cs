using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace TensorGen.Tests.Core;

/// <summary>
/// opt_einsum's cost of a path, in exact integers, written from its documented model (Conformance/path_cases.json, "cost_model")
/// and sharing nothing with src: for a step contracting the operands S, idx_contract is the union of their indices, idx_removed
/// those that appear neither in the output nor in an operand outside S; the step costs Π size(idx_contract) × (max(1, |S| − 1)
/// + (1 if idx_removed is non-empty)); the operands of S leave the list and their result is appended at its end.
/// </summary>
internal static class OptEinsumCost
{
    public static BigInteger Of(string equation, IEnumerable<int[]> path, IReadOnlyDictionary<string, long> sizes)
    {
        string[] sides = equation.Split("->");
        var operands = sides[0].Split(',').Select(Labels).ToList();
        HashSet<string> output = Labels(sides[1]); // explicit outputs only: every case states its output
        BigInteger total = BigInteger.Zero;
        foreach (int[] step in path)
        {
            var taken = step.Select(i => operands[i]).ToList();
            foreach (int i in step.OrderByDescending(i => i))
            {
                operands.RemoveAt(i);
            }

            var contract = taken.SelectMany(t => t).ToHashSet();
            var kept = contract.Where(l => output.Contains(l) || operands.Any(o => o.Contains(l))).ToHashSet();
            BigInteger size = contract.Aggregate(BigInteger.One, (p, l) => p * sizes[l]);
            total += size * (System.Math.Max(1, taken.Count - 1) + (kept.Count < contract.Count ? 1 : 0));
            operands.Add(kept);
        }

        return total;
    }

    private static HashSet<string> Labels(string term) => term.EnumerateRunes().Select(r => r.ToString()).ToHashSet();
}
