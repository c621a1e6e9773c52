using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace TensorGen.Planning;

/// <summary>
/// Exact dynamic programming over the connected subsets of a network, with a cost cap (Pfeifer, Haegeman and
/// Verstraete, PRE 90, 033315 (2014); opt_einsum's <c>DynamicProgramming</c>): the best tree of every connected
/// set of n inputs is built from the best trees of two disjoint connected sets that share a summed index, level
/// by level; sets costing more than the cap are dropped, and the cap grows until the whole network is reached.
/// Because every subtree of a tree costs at most the tree, the first tree found is optimal among trees without
/// outer products. An input's dangling indices may be summed out first. Pairs are found from the bigger set's
/// neighbours through per-input lists of the smaller sets, sorted by score so that a scan stops at the first
/// partner too costly for the cap.
/// </summary>
internal static class ConnectedSubsetSearch
{
    /// <summary>Whether <paramref name="network"/> has few enough inputs for <see cref="TensorMask"/>.</summary>
    public static bool Accepts(ContractionNetwork network) => network.InputCount <= TensorMask.Capacity;

    /// <summary>
    /// The best order of <paramref name="network"/>'s inputs, which must be connected through summed indices;
    /// null when no tree scores at most <paramref name="upperBound"/> within the memory limit, or the budget ran out.
    /// </summary>
    public static PlanShape? Solve(ContractionNetwork network, PlanningObjective objective, double? memoryLimit, double upperBound, PlanningBudget budget) =>
        new Search(network, objective, memoryLimit, budget).Run(upperBound);

    /// <summary>
    /// The most connected sets a search keeps. Its work is counted in candidate pairs, but on networks whose sets
    /// multiply (a random 3-regular graph of 100 tensors makes 700,000) the table's upkeep — entries, neighbour sets,
    /// sorts — grows faster than the pairs; past this many the search stops as if its budget were spent.
    /// </summary>
    public const int MaxEntries = 120_000;

    /// <summary>The state of one search: the best entry of every connected set found so far, by size and by input.</summary>
    private sealed class Search
    {
        private readonly ContractionNetwork _network;
        private readonly PlanningObjective _objective;
        private readonly double? _memoryLimit;
        private readonly PlanningBudget _budget;
        private readonly Dictionary<TensorMask, Entry>[] _levels;
        private readonly TensorMask[] _holders;
        private readonly List<Entry>[][] _byTensor;
        private readonly double _consumerFactor;
        private int _serial;
        private long _work;
        private int _entries;

        public Search(ContractionNetwork network, PlanningObjective objective, double? memoryLimit, PlanningBudget budget)
        {
            _network = network;
            _objective = objective;
            _memoryLimit = memoryLimit;
            _budget = budget;
            int n = network.InputCount;
            _levels = new Dictionary<TensorMask, Entry>[n + 1];
            _byTensor = new List<Entry>[n + 1][];
            for (int m = 1; m <= n; m++)
            {
                _levels[m] = new Dictionary<TensorMask, Entry>();
                _byTensor[m] = Enumerable.Range(0, n).Select(_ => new List<Entry>()).ToArray();
            }

            // When every summed index joins at most two inputs, the step that reads a set's result sums the index
            // that joins it to its partner: it costs at least twice the result's size.
            _holders = Enumerable.Range(0, network.IndexCount).Select(k => TensorMask.From(network.TensorsOf(k))).ToArray();
            bool simple = Enumerable.Range(0, network.IndexCount).All(k => network.Output.Contains(k) || network.TensorsOf(k).Count <= 2);
            _consumerFactor = objective == PlanningObjective.Size ? 0 : simple ? 2 : 1;
        }

        public PlanShape? Run(double upperBound)
        {
            int n = _network.InputCount;
            double largestInput = 0;
            for (int t = 0; t < n; t++)
            {
                var entry = Entry.ForInput(_network, t, _objective, _memoryLimit, _serial++);
                _levels[1][entry.Tensors] = entry;
                _byTensor[1][t].Add(entry);
                largestInput = Math.Max(largestInput, entry.IndicesSize);
            }

            double smallestIndex = _network.Sizes.Where((_, k) => !_network.TensorsOf(k).IsEmpty).DefaultIfEmpty(2).Min();

            // Every tree costs at least its largest input (which some step reads) and writes the output. Without a known
            // tree the cap starts there and grows by the smallest index size (as in opt_einsum); with one it starts at
            // 1/16 of that tree's score and grows fourfold up to it, so a good bound costs few rounds.
            double lowest = Math.Max(_network.Size(_network.Output), _objective == PlanningObjective.Size ? 0 : largestInput);
            bool bounded = !double.IsInfinity(upperBound);
            double cap = bounded ? Math.Max(lowest, upperBound / 16) : lowest;
            double growth = bounded ? 4 : Math.Max(smallestIndex, 2);
            while (true)
            {
                double effectiveCap = Math.Min(cap, upperBound);
                if (!Round(effectiveCap))
                {
                    return null;
                }

                if (_levels[n].Count > 0)
                {
                    _budget.Spend(_work);
                    return _levels[n].Values.Single().Shape(reduce: false);
                }

                if (effectiveCap >= upperBound || double.IsInfinity(cap))
                {
                    return null;
                }

                cap *= growth;
            }
        }

        /// <summary>One pass over all levels under <paramref name="cap"/>; false when the budget ran out.</summary>
        [MethodImpl(HotPath.Optimize)]
        private bool Round(double cap)
        {
            int n = _network.InputCount;
            for (int size = 2; size <= n; size++)
            {
                // The smaller levels are complete for this round: order their per-input lists by least score, so that
                // a scan can stop at the first partner too costly to stay under the cap.
                foreach (List<Entry> list in _byTensor[size - 1])
                {
                    list.Sort(Entry.ByLeastScore);
                }

                for (int m = 1; m <= size / 2; m++)
                {
                    foreach (Entry big in _levels[size - m].Values)
                    {
                        if (big.Bound(_consumerFactor) <= cap && !ScanPartners(big, m, size, cap))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>Pairs <paramref name="big"/> with every set of <paramref name="m"/> inputs next to it; false when the budget ran out.</summary>
        [MethodImpl(HotPath.Optimize)]
        private bool ScanPartners(Entry big, int m, int size, double cap)
        {
            TensorMask neighbours = big.Neighbours;
            foreach (int t in big.NeighbourList)
            {
                {
                    foreach (Entry small in _byTensor[m][t])
                    {
                        _work++;
                        if (Together(_objective, big.LeastScore, small.LeastScore) > cap)
                        {
                            break;
                        }

                        // Each pair once: through the lowest input of the smaller set next to the bigger, and between sets
                        // of one size, from the later-made one.
                        if ((m == size - m && small.Serial >= big.Serial) || small.Tensors.Overlaps(big.Tensors)
                            || small.Tensors.LowestShared(neighbours) != t)
                        {
                            continue;
                        }

                        if (Pair(big, small, size, cap) is { } made)
                        {
                            foreach (int u in made.Tensors.ToArray())
                            {
                                _byTensor[size][u].Add(made);
                            }
                        }
                    }
                }

                if (_work >= 4096)
                {
                    bool hasBudget = _budget.Spend(_work);
                    _work = 0;
                    if (_entries > MaxEntries)
                    {
                        // The table's upkeep (entries, their neighbour sets, the sorts) outgrows the pairs counted as work.
                        _budget.Abandon();
                        return false;
                    }

                    if (!hasBudget)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The least score of a step over two subtrees scoring <paramref name="a"/> and <paramref name="b"/>.</summary>
        private static double Together(PlanningObjective objective, double a, double b) =>
            objective == PlanningObjective.Size ? Math.Max(a, b) : a + b;

        /// <summary>Scores the contraction of two entries (each way of entering it, for single inputs) and keeps it if it is the best yet for its set.</summary>
        [MethodImpl(HotPath.Optimize)]
        private Entry? Pair(Entry first, Entry second, int size, double cap)
        {
            ContractionNetwork network = _network;
            PlanningObjective objective = _objective;
            bool isWhole = size == network.InputCount;
            Dictionary<TensorMask, Entry> level = _levels[size];
            // The indices both hold are multiplied once in the loop nest; the step sums those no input outside the pair holds.
            // (Dangling indices are never shared, so this does not depend on whether an input is summed out first.)
            double shared = 1, closedShared = 1;
            bool sumsShared = false;
            BitSet i1 = first.Indices, i2 = second.Indices;
            TensorMask together = first.Tensors.Union(second.Tensors);
            for (int w = 0; w < i1.WordCount; w++)
            {
                ulong output = network.Output.Word(w);
                for (ulong both = i1.Word(w) & i2.Word(w); both != 0; both &= both - 1)
                {
                    int k = (w << 6) + Bits.TrailingZeroCount(both);
                    shared *= network.Sizes[k];
                    if ((output & (1UL << (k & 63))) == 0 && _holders[k].IsSubsetOf(together))
                    {
                        closedShared *= network.Sizes[k];
                        sumsShared = true;
                    }
                }
            }

            double bestScore = double.PositiveInfinity, bestFlops = 0, bestResultSize = 0;
            bool bestReduce1 = false, bestReduce2 = false;
            for (int o1 = 0; o1 < (first.CanReduce ? 2 : 1); o1++)
            {
                for (int o2 = 0; o2 < (second.CanReduce ? 2 : 1); o2++)
                {
                    bool reduce1 = o1 == 1, reduce2 = o2 == 1;
                    bool raw1 = first.HasDangling && !reduce1, raw2 = second.HasDangling && !reduce2;
                    double loop = (reduce1 ? first.ReducedSize : first.IndicesSize) * (reduce2 ? second.ReducedSize : second.IndicesSize) / shared;
                    double resultSize = loop / (closedShared * (raw1 ? first.DanglingSize : 1) * (raw2 ? second.DanglingSize : 1));
                    double stepFlops = CostModel.StepFlops(loop, terms: 2, sumsShared || raw1 || raw2);
                    double score = ObjectiveRules.Combine(objective, reduce1 ? first.ReducedScore : first.Score,
                        reduce2 ? second.ReducedScore : second.Score, stepFlops, resultSize);
                    double flops = (reduce1 ? first.ReducedFlops : first.Flops) + (reduce2 ? second.ReducedFlops : second.Flops) + stepFlops;
                    if (score < bestScore || (score == bestScore && flops < bestFlops))
                    {
                        (bestScore, bestFlops, bestResultSize, bestReduce1, bestReduce2) = (score, flops, resultSize, reduce1, reduce2);
                    }
                }
            }

            if (bestScore > cap || (!isWhole && ((_memoryLimit is { } limit && bestResultSize > limit) || bestScore + (_consumerFactor * bestResultSize) > cap)))
            {
                return null;
            }

            if (level.TryGetValue(together, out Entry? existing))
            {
                if (existing.Score < bestScore || (existing.Score == bestScore && existing.Flops <= bestFlops))
                {
                    return null;
                }

                existing.SetSplit(first, second, bestReduce1, bestReduce2, bestScore, bestFlops);
                return null;
            }

            BitSet involved = (bestReduce1 ? first.ReducedIndices! : first.Indices).Union(bestReduce2 ? second.ReducedIndices! : second.Indices);
            BitSet legs = Legs(involved, together);
            var made = new Entry(together, legs, network.Size(legs), first.Neighbours.Union(second.Neighbours).Except(together), _serial++);
            made.SetSplit(first, second, bestReduce1, bestReduce2, bestScore, bestFlops);
            level[together] = made;
            _entries++;
            return made;
        }

        /// <summary>The indices among <paramref name="involved"/> that the output or an input outside <paramref name="tensors"/> holds.</summary>
        private BitSet Legs(BitSet involved, TensorMask tensors)
        {
            var kept = new List<int>();
            foreach (int k in involved.Ids())
            {
                if (_network.Output.Contains(k) || !_holders[k].IsSubsetOf(tensors))
                {
                    kept.Add(k);
                }
            }

            return BitSet.Of(_network.IndexWords, kept);
        }
    }

    /// <summary>The best known tree of one connected set of inputs.</summary>
    private sealed class Entry
    {
        public Entry(TensorMask tensors, BitSet indices, double indicesSize, TensorMask neighbours, int serial)
        {
            Tensors = tensors;
            Indices = indices;
            IndicesSize = indicesSize;
            Neighbours = neighbours;
            NeighbourList = neighbours.ToArray();
            Serial = serial;
        }

        public TensorMask Tensors { get; }

        /// <summary>The indices the set's result has (an input's own indices, dangling ones included).</summary>
        public BitSet Indices { get; }

        public double IndicesSize { get; }

        /// <summary>Inputs outside the set that share a summed index with it.</summary>
        public TensorMask Neighbours { get; }

        public int[] NeighbourList { get; }

        /// <summary>Creation order, to visit each pair of equal-sized sets once.</summary>
        public int Serial { get; }

        public double Score { get; private set; }

        public double Flops { get; private set; }

        public int Input { get; private set; } = -1;

        public bool IsInput => Input >= 0;

        /// <summary>Whether this is an input with dangling indices (which the step that reads it as it is sums).</summary>
        public bool HasDangling { get; private set; }

        /// <summary>Whether a unary step may sum this input's dangling indices out first (its result fits the memory limit).</summary>
        public bool CanReduce { get; private set; }

        public BitSet? ReducedIndices { get; private set; }

        public double ReducedSize { get; private set; }

        public double ReducedScore { get; private set; }

        public double ReducedFlops { get; private set; }

        /// <summary>The product of the sizes of this input's dangling indices.</summary>
        public double DanglingSize { get; private set; } = 1;

        /// <summary>Orders entries by <see cref="LeastScore"/>, then by creation.</summary>
        public static readonly Comparison<Entry> ByLeastScore = (a, b) =>
            a.LeastScore != b.LeastScore ? a.LeastScore.CompareTo(b.LeastScore) : a.Serial.CompareTo(b.Serial);

        /// <summary>The score of the cheaper way in (as it is, or summed out first for an input).</summary>
        public double LeastScore => CanReduce ? Math.Min(Score, ReducedScore) : Score;

        /// <summary>
        /// The least a tree that contains this set (not the whole network) can score: the step that later reads the set's
        /// result loops at least over the result's indices, and when every summed index joins two inputs it sums, so it
        /// adds at least <paramref name="consumerFactor"/> × the result's size (an A*-style bound on top of Pfeifer et
        /// al.'s cap: a set whose bound exceeds the cap is in no tree under the cap).
        /// </summary>
        public double Bound(double consumerFactor) => CanReduce
            ? Math.Min(Score + (consumerFactor * IndicesSize), ReducedScore + (consumerFactor * ReducedSize))
            : Score + (consumerFactor * IndicesSize);

        private Entry? Left { get; set; }

        private Entry? Right { get; set; }

        private bool ReduceLeft { get; set; }

        private bool ReduceRight { get; set; }

        public static Entry ForInput(ContractionNetwork network, int input, PlanningObjective objective, double? memoryLimit, int serial)
        {
            BitSet indices = network.Inputs[input];
            BitSet tensors = BitSet.Single(network.TensorWords, input);
            var entry = new Entry(TensorMask.Single(input), indices, network.Size(indices), TensorMask.From(network.Neighbours(tensors, indices)), serial)
            {
                Input = input,
            };
            BitSet dangling = network.Dangling(input);
            if (!dangling.IsEmpty)
            {
                BitSet reduced = indices.Except(dangling);
                double reducedSize = network.Size(reduced);
                entry.HasDangling = true;
                entry.DanglingSize = network.Size(dangling);
                entry.CanReduce = memoryLimit is not { } limit || reducedSize <= limit;
                entry.ReducedIndices = reduced;
                entry.ReducedSize = reducedSize;
                entry.ReducedFlops = CostModel.StepFlops(entry.IndicesSize, terms: 1, hasSummedIndex: true);
                entry.ReducedScore = ObjectiveRules.Unary(objective, entry.ReducedFlops, reducedSize);
            }

            return entry;
        }

        public void SetSplit(Entry left, Entry right, bool reduceLeft, bool reduceRight, double score, double flops)
        {
            Left = left;
            Right = right;
            ReduceLeft = reduceLeft;
            ReduceRight = reduceRight;
            Score = score;
            Flops = flops;
        }

        public PlanShape Shape(bool reduce) =>
            IsInput ? PlanShape.Leaf(Input, reduce) : PlanShape.Pair(Left!.Shape(ReduceLeft), Right!.Shape(ReduceRight));
    }
}
