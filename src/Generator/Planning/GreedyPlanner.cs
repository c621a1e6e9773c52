using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Planning;

/// <summary>
/// opt_einsum's greedy strategy: repeatedly contract the pair of operands that share an index and whose
/// product removes the most memory (size(result) − size(left) − size(right)); when no pair shares an index,
/// take the outer product of the two smallest operands. Ties go to the earliest pair, so plans are deterministic.
/// </summary>
/// <remarks>
/// A pair's cost never changes while both operands remain: an index of the pair is kept when the output or a third
/// operand holds it, and a third holder never disappears — contracting it keeps the index, since the pair still needs it.
/// So each pair is scored once, when its newer operand appears, and a step is a scan of the kept scores (O(n²) per step
/// instead of O(n³), which made hundreds of operands take seconds to tens of seconds).
/// </remarks>
internal sealed class GreedyPlanner : IContractionPlanner
{
    public static GreedyPlanner Instance { get; } = new();

    public ContractionPath Plan(IReadOnlyList<IReadOnlyList<string>> inputs, IReadOnlyList<string> output, IReadOnlyDictionary<string, long> sizes) =>
        new Planning(inputs, output, sizes).Run();

    /// <summary>The state of one planning run.</summary>
    private sealed class Planning
    {
        private readonly IReadOnlyDictionary<string, long> _sizes;
        private readonly HashSet<string> _output;
        private readonly List<HashSet<string>> _remaining;
        private readonly List<double> _remainingSizes;

        /// <summary>How many remaining operands hold each index.</summary>
        private readonly Dictionary<string, int> _holders = new();

        /// <summary><c>_costs[a][b − a − 1]</c>: the cost of contracting positions a &lt; b, +∞ when they share no index.</summary>
        private readonly List<List<double>> _costs = new();

        public Planning(IReadOnlyList<IReadOnlyList<string>> inputs, IReadOnlyList<string> output, IReadOnlyDictionary<string, long> sizes)
        {
            _sizes = sizes;
            _output = new HashSet<string>(output);
            _remaining = inputs.Select(t => new HashSet<string>(t)).ToList();
            _remainingSizes = _remaining.Select(o => CostModel.Size(o, sizes)).ToList();
            foreach (string label in _remaining.SelectMany(o => o))
            {
                _holders[label] = _holders.TryGetValue(label, out int n) ? n + 1 : 1;
            }

            for (int a = 0; a < _remaining.Count; a++)
            {
                _costs.Add(Enumerable.Range(a + 1, _remaining.Count - a - 1).Select(b => PairCost(a, b)).ToList());
            }
        }

        public ContractionPath Run()
        {
            var steps = new List<PathStep>();
            while (_remaining.Count > 1)
            {
                int bestFirst = -1, bestSecond = -1;
                double bestCost = double.PositiveInfinity;
                for (int a = 0; a < _costs.Count; a++)
                {
                    List<double> row = _costs[a];
                    for (int j = 0; j < row.Count; j++)
                    {
                        if (row[j] < bestCost)
                        {
                            bestCost = row[j];
                            bestFirst = a;
                            bestSecond = a + 1 + j;
                        }
                    }
                }

                if (bestFirst < 0)
                {
                    // Nothing shares an index: the outer product of the two smallest operands.
                    var bySize = Enumerable.Range(0, _remaining.Count)
                        .OrderBy(n => _remainingSizes[n]).ThenBy(n => n).Take(2).OrderBy(n => n).ToArray();
                    bestFirst = bySize[0];
                    bestSecond = bySize[1];
                }

                steps.Add(new PathStep(bestFirst, bestSecond));
                Contract(bestFirst, bestSecond);
            }

            return new ContractionPath(steps.ToEquatableArray());
        }

        /// <summary>Replaces positions <paramref name="first"/> &lt; <paramref name="second"/> by their product, appended last.</summary>
        private void Contract(int first, int second)
        {
            HashSet<string> left = _remaining[first], right = _remaining[second];
            var result = new HashSet<string>(KeptIndices(left, right));
            foreach (string label in left.Concat(right))
            {
                _holders[label]--;
            }

            foreach (string label in result)
            {
                _holders[label]++;
            }

            _remaining.RemoveAt(second);
            _remaining.RemoveAt(first);
            _remainingSizes.RemoveAt(second);
            _remainingSizes.RemoveAt(first);
            _costs.RemoveAt(second);
            _costs.RemoveAt(first);
            for (int a = 0; a < _costs.Count; a++)
            {
                // Row a held columns first and second (when they lie beyond a), at their positions before the removal.
                int original = a < first ? a : a < second - 1 ? a + 1 : a + 2;
                if (original < second)
                {
                    _costs[a].RemoveAt(second - original - 1);
                }

                if (original < first)
                {
                    _costs[a].RemoveAt(first - original - 1);
                }
            }

            _remaining.Add(result);
            _remainingSizes.Add(CostModel.Size(result, _sizes));
            int last = _remaining.Count - 1;
            for (int a = 0; a < last; a++)
            {
                _costs[a].Add(PairCost(a, last));
            }

            _costs.Add(new List<double>());
        }

        private double PairCost(int a, int b) =>
            _remaining[a].Overlaps(_remaining[b])
                ? CostModel.Size(KeptIndices(_remaining[a], _remaining[b]), _sizes) - _remainingSizes[a] - _remainingSizes[b]
                : double.PositiveInfinity;

        /// <summary>
        /// The indices of <paramref name="a"/> and <paramref name="b"/> that the output or a third remaining operand still
        /// needs, in order of first appearance in a, then b.
        /// </summary>
        private IEnumerable<string> KeptIndices(HashSet<string> a, HashSet<string> b)
        {
            foreach (string label in a)
            {
                if (_output.Contains(label) || _holders[label] > (b.Contains(label) ? 2 : 1))
                {
                    yield return label;
                }
            }

            foreach (string label in b)
            {
                if (!a.Contains(label) && (_output.Contains(label) || _holders[label] > 1))
                {
                    yield return label;
                }
            }
        }
    }
}
