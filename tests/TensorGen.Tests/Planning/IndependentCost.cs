using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace TensorGen.Tests.Planning;

/// <summary>
/// opt_einsum's cost of a linear path and the cheapest path by brute force, written from opt_einsum's definition
/// (tests/Conformance/README: a step over operands S costs prod(size of their indices) × (max(1, |S| − 1) + 1 if it
/// removes an index)) with plain label sets, sharing no code with src.
/// </summary>
public static class IndependentCost
{
    /// <summary>The exact cost and largest intermediate of <paramref name="path"/>; steps name one or two positions.</summary>
    public static (BigInteger Flops, BigInteger Largest) OfPath(RandomNetwork network, IReadOnlyList<int[]> path)
    {
        var steps = Steps(network, path);
        return (steps.Aggregate(BigInteger.Zero, (sum, s) => sum + (s.Loop * (Math.Max(1, s.Terms - 1) + (s.Sums ? 1 : 0)))),
            steps.Aggregate(BigInteger.Zero, (largest, s) => BigInteger.Max(largest, s.Result)));
    }

    /// <summary>Each step of <paramref name="path"/>: its operand count, loop size, whether it removes an index, and its result's size.</summary>
    public static List<(int Terms, BigInteger Loop, bool Sums, BigInteger Result)> Steps(RandomNetwork network, IReadOnlyList<int[]> path)
    {
        var operands = network.Terms.Select(t => new HashSet<char>(t)).ToList();
        var output = new HashSet<char>(network.Output);
        var steps = new List<(int, BigInteger, bool, BigInteger)>();
        if (path.Count == 0 && operands.Count == 1)
        {
            path = new[] { new[] { 0 } };
        }

        foreach (int[] step in path)
        {
            var taken = step.OrderByDescending(p => p).Select(p => { var o = operands[p]; operands.RemoveAt(p); return o; }).ToList();
            var involved = new HashSet<char>(taken.SelectMany(o => o));
            var kept = involved.Where(c => output.Contains(c) || operands.Any(o => o.Contains(c))).ToHashSet();
            steps.Add((taken.Count, Product(network, involved), kept.Count < involved.Count, Product(network, kept)));
            operands.Add(kept);
        }

        return steps;
    }

    /// <summary>
    /// The least cost over every linear path of pairwise steps, where each input may first be summed over the indices
    /// that only it holds (a unary step): all orders, outer products included, memoized on the operand multiset.
    /// </summary>
    public static BigInteger Cheapest(RandomNetwork network)
    {
        var output = new HashSet<char>(network.Output);
        var operands = network.Terms.Select(t => (Labels: new string(t.Distinct().OrderBy(c => c).ToArray()), IsInput: true)).ToList();
        if (operands.Count == 1)
        {
            var only = new HashSet<char>(operands[0].Labels);
            return Product(network, only) * (only.SetEquals(output) ? 1 : 2);
        }

        return Search(network, output, operands, new Dictionary<string, BigInteger>());
    }

    private static BigInteger Search(RandomNetwork network, HashSet<char> output, List<(string Labels, bool IsInput)> operands,
        Dictionary<string, BigInteger> memo)
    {
        if (operands.Count == 1)
        {
            return 0;
        }

        string key = string.Join("|", operands.Select(o => o.Labels + (o.IsInput ? "*" : string.Empty)).OrderBy(k => k, StringComparer.Ordinal));
        if (memo.TryGetValue(key, out BigInteger known))
        {
            return known;
        }

        BigInteger best = -1;
        void Consider(BigInteger cost)
        {
            if (best < 0 || cost < best)
            {
                best = cost;
            }
        }

        for (int a = 0; a < operands.Count; a++)
        {
            var others = operands.Where((_, n) => n != a).ToList();
            var kept = Kept(operands[a].Labels, others, output);
            if (operands[a].IsInput && kept.Length < operands[a].Labels.Length)
            {
                var next = others.Append((kept, false)).ToList();
                Consider((Product(network, operands[a].Labels) * 2) + Search(network, output, next, memo));
            }

            for (int b = a + 1; b < operands.Count; b++)
            {
                var rest = operands.Where((_, n) => n != a && n != b).ToList();
                string involved = new string(operands[a].Labels.Union(operands[b].Labels).OrderBy(c => c).ToArray());
                string result = Kept(involved, rest, output);
                BigInteger step = Product(network, involved) * (result.Length < involved.Length ? 2 : 1);
                Consider(step + Search(network, output, rest.Append((result, false)).ToList(), memo));
            }
        }

        memo[key] = best;
        return best;
    }

    private static string Kept(string labels, List<(string Labels, bool IsInput)> others, HashSet<char> output) =>
        new(labels.Where(c => output.Contains(c) || others.Any(o => o.Labels.Contains(c))).ToArray());

    private static BigInteger Product(RandomNetwork network, IEnumerable<char> labels) =>
        labels.Distinct().Aggregate(BigInteger.One, (product, c) => product * network.Sizes[c.ToString()]);
}
