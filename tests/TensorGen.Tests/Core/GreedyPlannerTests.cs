using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;
using Xunit;

namespace TensorGen.Tests.Core;

/// <summary>
/// The greedy planner keeps pair costs between steps; these tests hold it to the plain algorithm that recomputes
/// every pair's cost at every step (as it did before hundreds of operands made that take tens of seconds).
/// </summary>
public class GreedyPlannerTests
{
    [Fact]
    public void Cached_costs_give_the_paths_that_recomputing_every_pair_gives()
    {
        var random = new Random(7);
        string letters = "abcdefghijklmnop";
        for (int trial = 0; trial < 400; trial++)
        {
            int operands = 2 + random.Next(12);
            int alphabet = 1 + random.Next(letters.Length);
            var inputs = Enumerable.Range(0, operands)
                .Select(_ => (IReadOnlyList<string>)Enumerable.Range(0, random.Next(5)).Select(_ => letters[random.Next(alphabet)].ToString()).Distinct().ToList())
                .ToList();
            var all = inputs.SelectMany(t => t).Distinct().ToList();
            var output = all.Where(_ => random.Next(3) == 0).ToList();
            long[] choices = [0, 1, 2, 3, 7, 64, 1000, int.MaxValue];
            var sizes = all.ToDictionary(l => l, _ => choices[random.Next(choices.Length)]);

            Assert.Equal(RecomputingEveryPair(inputs, output, sizes), GreedyPlanner.Instance.Plan(inputs, output, sizes).ToString());
        }
    }

    [Theory]
    [InlineData("chain")]
    [InlineData("star")]
    [InlineData("hadamard")]
    public void Hundreds_of_operands_plan_as_recomputing_every_pair_does(string shape)
    {
        const int n = 120;
        string Letter(int k) => char.ConvertFromUtf32(0x4E00 + k);
        var inputs = Enumerable.Range(0, n).Select(k => (IReadOnlyList<string>)(shape switch
        {
            "chain" => [Letter(k), Letter(k + 1)],
            "star" => ["z", Letter(k)],
            _ => ["i"],
        })).ToList();
        var output = shape == "hadamard" ? ["i"] : new List<string> { Letter(0), Letter(n) };
        var sizes = inputs.SelectMany(t => t).Distinct().ToDictionary(l => l, l => (long)(2 + (l[0] % 5)));

        Assert.Equal(RecomputingEveryPair(inputs, output, sizes), GreedyPlanner.Instance.Plan(inputs, output, sizes).ToString());
    }

    /// <summary>The greedy rule written plainly: every step scores every pair that shares an index, against every other operand.</summary>
    private static string RecomputingEveryPair(List<IReadOnlyList<string>> inputs, List<string> output, Dictionary<string, long> sizes)
    {
        static double Size(IEnumerable<string> labels, Dictionary<string, long> sizes) => labels.Aggregate(1.0, (p, l) => p * sizes[l]);

        var remaining = inputs.Select(t => new HashSet<string>(t)).ToList();
        var steps = new List<string>();
        while (remaining.Count > 1)
        {
            HashSet<string> Kept(int a, int b) => new(remaining[a].Concat(remaining[b])
                .Where(l => output.Contains(l) || remaining.Where((_, n) => n != a && n != b).Any(o => o.Contains(l))));

            int first = -1, second = -1;
            double best = double.PositiveInfinity;
            for (int a = 0; a < remaining.Count; a++)
            {
                for (int b = a + 1; b < remaining.Count; b++)
                {
                    double cost = Size(Kept(a, b), sizes) - Size(remaining[a], sizes) - Size(remaining[b], sizes);
                    if (remaining[a].Overlaps(remaining[b]) && cost < best)
                    {
                        (best, first, second) = (cost, a, b);
                    }
                }
            }

            if (first < 0)
            {
                int[] smallest = Enumerable.Range(0, remaining.Count).OrderBy(n => Size(remaining[n], sizes)).ThenBy(n => n).Take(2).Order().ToArray();
                (first, second) = (smallest[0], smallest[1]);
            }

            HashSet<string> result = Kept(first, second);
            steps.Add($"({first}, {second})");
            remaining.RemoveAt(second);
            remaining.RemoveAt(first);
            remaining.Add(result);
        }

        return "[" + string.Join(", ", steps) + "]";
    }
}
