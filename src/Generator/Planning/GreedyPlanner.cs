using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Planning;

/// <summary>
/// opt_einsum's greedy strategy: repeatedly contract the pair of operands that share an index and whose
/// product removes the most memory (size(result) − size(left) − size(right)); when no pair shares an index,
/// take the outer product of the two smallest operands. Ties go to the earliest pair, so plans are deterministic.
/// </summary>
internal sealed class GreedyPlanner : IContractionPlanner
{
    public static GreedyPlanner Instance { get; } = new();

    public ContractionPath Plan(IReadOnlyList<IReadOnlyList<string>> inputs, IReadOnlyList<string> output, IReadOnlyDictionary<string, long> sizes)
    {
        var remaining = inputs.Select(t => new HashSet<string>(t)).ToList();
        var steps = new List<PathStep>();
        var outputSet = new HashSet<string>(output);

        while (remaining.Count > 1)
        {
            int bestFirst = -1, bestSecond = -1;
            double bestCost = double.PositiveInfinity;
            for (int a = 0; a < remaining.Count; a++)
            {
                for (int b = a + 1; b < remaining.Count; b++)
                {
                    if (!remaining[a].Overlaps(remaining[b]))
                    {
                        continue;
                    }

                    var kept = KeptIndices(remaining, a, b, outputSet);
                    double cost = CostModel.Size(kept, sizes) - CostModel.Size(remaining[a], sizes) - CostModel.Size(remaining[b], sizes);
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        bestFirst = a;
                        bestSecond = b;
                    }
                }
            }

            if (bestFirst < 0)
            {
                // Nothing shares an index: the outer product of the two smallest operands.
                var bySize = Enumerable.Range(0, remaining.Count)
                    .OrderBy(n => CostModel.Size(remaining[n], sizes)).ThenBy(n => n).Take(2).OrderBy(n => n).ToArray();
                bestFirst = bySize[0];
                bestSecond = bySize[1];
            }

            var result = KeptIndices(remaining, bestFirst, bestSecond, outputSet);
            steps.Add(new PathStep(bestFirst, bestSecond));
            remaining.RemoveAt(bestSecond);
            remaining.RemoveAt(bestFirst);
            remaining.Add(result);
        }

        return new ContractionPath(steps.ToEquatableArray());
    }

    /// <summary>The indices of operands a and b that the output or another remaining operand still needs.</summary>
    internal static HashSet<string> KeptIndices(List<HashSet<string>> operands, int a, int b, HashSet<string> output)
    {
        var kept = new HashSet<string>();
        foreach (string label in operands[a].Concat(operands[b]))
        {
            if (output.Contains(label) || operands.Where((_, n) => n != a && n != b).Any(o => o.Contains(label)))
            {
                kept.Add(label);
            }
        }

        return kept;
    }
}
