using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// opt_einsum's greedy (<c>paths.ssa_greedy_optimize</c>), in its three stages: (1) operands with the same index
/// set are multiplied elementwise first; (2) repeatedly the pair sharing an index whose contraction removes
/// the most memory, size(result) − size(left) − size(right), is contracted (ties to the earliest operands);
/// (3) what is left, which shares no index, is multiplied out smallest first. An index every operand holds is
/// treated as an output index, as opt_einsum does, so batch indices cost no all-pairs search.
/// <see cref="RandomGreedyPlanner"/> runs the same search with a sampled cost and a Boltzmann choice.
/// </summary>
internal sealed class GreedyPlanner : IContractionPlanner
{
    public static GreedyPlanner Instance { get; } = new();

    public ContractionTree Plan(ContractionNetwork network, PlanningOptions options) => Run(network, GreedyTrial.Plain, null);

    /// <summary>One greedy run; <paramref name="random"/> is needed when the trial samples (jitter or temperature).</summary>
    internal static ContractionTree Run(ContractionNetwork network, GreedyTrial trial, SplitMix64? random) => Run(network, trial, random, out _);

    /// <summary>One greedy run, and the work units it did (see <see cref="PlanningBudget"/>).</summary>
    internal static ContractionTree Run(ContractionNetwork network, GreedyTrial trial, SplitMix64? random, out long work)
    {
        if (network.InputCount == 1)
        {
            work = 1;
            return new ContractionTree(network, ContractionTreeNode.Unary(network, ContractionTreeNode.Leaf(network, 0)));
        }

        var search = new GreedySearch(network, trial, random);
        ContractionTree tree = search.Run();
        work = search.Work;
        return tree;
    }

    /// <summary>Work units per candidate and index word (measured: a candidate costs about as much as 100 pair examinations of the exact search per word).</summary>
    private const long CandidateWork = 100;

    /// <summary>The state of one greedy run, named as in opt_einsum so the two can be read side by side.</summary>
    private sealed class GreedySearch
    {
        private readonly ContractionNetwork _network;
        private readonly GreedyTrial _trial;
        private readonly SplitMix64? _random;
        private readonly BitSet _output;
        private readonly Dictionary<BitSet, (int Ssa, ContractionTreeNode Node)> _remaining = new();
        private readonly Dictionary<int, HashSet<BitSet>> _dimToKeys = new();
        private readonly HashSet<int> _sharedByTwo = new();
        private readonly HashSet<int> _sharedByThree = new();
        private readonly Dictionary<BitSet, double> _footprints = new();
        private readonly MinHeap<Candidate> _queue = new(Candidate.Compare);
        private int _nextSsa;

        public GreedySearch(ContractionNetwork network, GreedyTrial trial, SplitMix64? random)
        {
            _network = network;
            _trial = trial;
            _random = random;
            _output = network.Inputs.Aggregate(network.Inputs[0], (common, t) => common.Intersect(t)).Union(network.Output);
            _nextSsa = network.InputCount;
        }

        private bool PushAll => _trial.Temperature > 0;

        /// <summary>Work units: each candidate scored costs a few set operations over the network's index words.</summary>
        public long Work { get; private set; }

        public ContractionTree Run()
        {
            // Stage 1: operands with equal index sets are multiplied elementwise at once.
            for (int ssa = 0; ssa < _network.InputCount; ssa++)
            {
                BitSet key = _network.Inputs[ssa];
                ContractionTreeNode leaf = ContractionTreeNode.Leaf(_network, ssa);
                _remaining[key] = _remaining.TryGetValue(key, out var earlier)
                    ? (_nextSsa++, ContractionTreeNode.Contract(_network, earlier.Node, leaf))
                    : (ssa, leaf);
            }

            foreach (var pair in _remaining.OrderBy(p => p.Value.Ssa))
            {
                foreach (int dim in pair.Key.Except(_output).Ids())
                {
                    if (!_dimToKeys.TryGetValue(dim, out var keys))
                    {
                        _dimToKeys[dim] = keys = new HashSet<BitSet>();
                    }

                    keys.Add(pair.Key);
                }

                _footprints[pair.Key] = _network.Size(pair.Key);
            }

            foreach (var entry in _dimToKeys)
            {
                UpdateRefCount(entry.Key);
            }

            // Stage 2: the initial candidates (for each index, each operand with the later ones), then contract greedily.
            foreach (int dim in _dimToKeys.Keys.OrderBy(d => d))
            {
                var keys = _dimToKeys[dim].OrderBy(k => _remaining[k].Ssa).ToList();
                for (int i = 0; i < keys.Count - 1; i++)
                {
                    PushCandidates(keys[i], keys.Skip(i + 1));
                }
            }

            while (_queue.Count > 0)
            {
                Candidate? chosen = PushAll ? ChooseThermally() : ChooseSimply();
                if (chosen is not { } c)
                {
                    continue;
                }

                var first = _remaining[c.Key1];
                var second = _remaining[c.Key2];
                _remaining.Remove(c.Key1);
                _remaining.Remove(c.Key2);
                foreach (int dim in c.Key1.Except(_output).Ids())
                {
                    _dimToKeys[dim].Remove(c.Key1);
                }

                foreach (int dim in c.Key2.Except(_output).Ids())
                {
                    _dimToKeys[dim].Remove(c.Key2);
                }

                ContractionTreeNode made = ContractionTreeNode.Contract(_network, first.Node, second.Node);
                int madeSsa = _nextSsa++;
                if (_remaining.TryGetValue(c.Result, out var same))
                {
                    // The result has the index set of an operand already there: multiply them elementwise now.
                    made = ContractionTreeNode.Contract(_network, same.Node, made);
                    madeSsa = _nextSsa++;
                }
                else
                {
                    foreach (int dim in c.Result.Except(_output).Ids())
                    {
                        _dimToKeys[dim].Add(c.Result);
                    }
                }

                _remaining[c.Result] = (madeSsa, made);
                foreach (int dim in c.Key1.Union(c.Key2.Except(_output)).Ids())
                {
                    UpdateRefCount(dim);
                }

                _footprints[c.Result] = _network.Size(c.Result);

                var partners = new HashSet<BitSet>(c.Result.Except(_output).Ids().SelectMany(dim => _dimToKeys[dim]));
                partners.Remove(c.Result);
                if (partners.Count > 0)
                {
                    PushCandidates(c.Result, partners);
                }
            }

            // Stage 3: no two operands share an index any more; multiply them out, smallest (by output indices) first.
            var outer = new MinHeap<(double Size, int Ssa, BitSet Key, ContractionTreeNode Node)>((a, b) =>
                a.Size != b.Size ? a.Size.CompareTo(b.Size) : a.Ssa.CompareTo(b.Ssa));
            foreach (var pair in _remaining)
            {
                outer.Push((_network.Size(pair.Key.Intersect(_output)), pair.Value.Ssa, pair.Key, pair.Value.Node));
            }

            var current = outer.Pop();
            while (outer.Count > 0)
            {
                var next = outer.Pop();
                BitSet key = current.Key.Union(next.Key).Intersect(_output);
                ContractionTreeNode made = current.Ssa < next.Ssa
                    ? ContractionTreeNode.Contract(_network, current.Node, next.Node)
                    : ContractionTreeNode.Contract(_network, next.Node, current.Node);
                outer.Push((_network.Size(key), _nextSsa++, key, made));
                current = outer.Pop();
            }

            return new ContractionTree(_network, current.Node);
        }

        private void UpdateRefCount(int dim)
        {
            int count = _dimToKeys.TryGetValue(dim, out var keys) ? keys.Count : 0;
            if (count >= 2)
            {
                _sharedByTwo.Add(dim);
            }
            else
            {
                _sharedByTwo.Remove(dim);
            }

            if (count >= 3)
            {
                _sharedByThree.Add(dim);
            }
            else
            {
                _sharedByThree.Remove(dim);
            }
        }

        private void PushCandidates(BitSet key1, IEnumerable<BitSet> partners)
        {
            if (PushAll)
            {
                foreach (BitSet key2 in partners)
                {
                    _queue.Push(MakeCandidate(key1, key2));
                }

                return;
            }

            Candidate? best = null;
            foreach (BitSet key2 in partners)
            {
                Candidate candidate = MakeCandidate(key1, key2);
                if (best is null || Candidate.Compare(candidate, best.Value) < 0)
                {
                    best = candidate;
                }
            }

            if (best is { } chosen)
            {
                _queue.Push(chosen);
            }
        }

        /// <summary>opt_einsum's <c>_get_candidate</c>: the result keeps output indices and indices a third operand still holds.</summary>
        private Candidate MakeCandidate(BitSet key1, BitSet key2)
        {
            Work += CandidateWork * _network.IndexWords;
            BitSet either = key1.Union(key2);
            BitSet two = key1.Intersect(key2);
            BitSet one = either.Except(two);
            var kept = new List<int>();
            foreach (int dim in either.Ids())
            {
                if (_output.Contains(dim) || (two.Contains(dim) && _sharedByThree.Contains(dim)) || (one.Contains(dim) && _sharedByTwo.Contains(dim)))
                {
                    kept.Add(dim);
                }
            }

            BitSet result = BitSet.Of(_network.IndexWords, kept);
            double removed = _network.Size(result) - (_trial.CostModifier * (_footprints[key1] + _footprints[key2]));
            double cost = _trial.Jitter > 0 && _random is not null ? _random.Gaussian(1.0, _trial.Jitter) * removed : removed;
            int id1 = _remaining[key1].Ssa;
            int id2 = _remaining[key2].Ssa;
            return id1 <= id2 ? new Candidate(cost, id2, id1, key1, key2, result) : new Candidate(cost, id1, id2, key2, key1, result);
        }

        private Candidate? ChooseSimply()
        {
            Candidate c = _queue.Pop();
            return _remaining.ContainsKey(c.Key1) && _remaining.ContainsKey(c.Key2) ? c : null;
        }

        /// <summary>
        /// opt_einsum's <c>thermal_chooser</c>: among the best <see cref="GreedyTrial.Branches"/> valid candidates, pick one
        /// with Boltzmann weight exp(−(cost − best)/T), T relative to |best|; the others go back on the heap.
        /// </summary>
        private Candidate? ChooseThermally()
        {
            var choices = new List<Candidate>();
            while (_queue.Count > 0 && choices.Count < _trial.Branches)
            {
                Candidate c = _queue.Pop();
                if (_remaining.ContainsKey(c.Key1) && _remaining.ContainsKey(c.Key2))
                {
                    choices.Add(c);
                }
            }

            if (choices.Count == 0)
            {
                return null;
            }

            double best = choices[0].Cost;
            double temperature = _trial.Temperature * Math.Max(1, Math.Abs(best));
            double[] weights = choices.Select(c => Math.Exp(-(c.Cost - best) / temperature)).ToArray();
            double pick = _random!.NextDouble() * weights.Sum();
            int chosen = 0;
            while (chosen < weights.Length - 1 && pick >= weights[chosen])
            {
                pick -= weights[chosen];
                chosen++;
            }

            for (int i = 0; i < choices.Count; i++)
            {
                if (i != chosen)
                {
                    _queue.Push(choices[i]);
                }
            }

            return choices[chosen];
        }
    }

    /// <summary>A possible contraction; ordered by cost, then by the later operand's id, then the earlier's (opt_einsum's tie-break).</summary>
    private readonly struct Candidate
    {
        public Candidate(double cost, int laterSsa, int earlierSsa, BitSet key1, BitSet key2, BitSet result)
        {
            Cost = cost;
            LaterSsa = laterSsa;
            EarlierSsa = earlierSsa;
            Key1 = key1;
            Key2 = key2;
            Result = result;
        }

        public double Cost { get; }

        public int LaterSsa { get; }

        public int EarlierSsa { get; }

        public BitSet Key1 { get; }

        public BitSet Key2 { get; }

        public BitSet Result { get; }

        public static int Compare(Candidate a, Candidate b)
        {
            int cost = a.Cost.CompareTo(b.Cost);
            if (cost != 0)
            {
                return cost;
            }

            return a.LaterSsa != b.LaterSsa ? a.LaterSsa.CompareTo(b.LaterSsa) : a.EarlierSsa.CompareTo(b.EarlierSsa);
        }
    }
}

/// <summary>
/// How one greedy run scores and picks candidates: cost = jitter × (size(result) − α·(size(left) + size(right)))
/// (α is cotengra's <c>costmod</c>; opt_einsum's jitter is a factor N(1, 0.01)), and with a temperature above 0 a
/// Boltzmann choice among the best <see cref="Branches"/> candidates instead of the best one.
/// </summary>
internal readonly struct GreedyTrial
{
    public GreedyTrial(double costModifier, double temperature, double jitter, int branches = 8)
    {
        CostModifier = costModifier;
        Temperature = temperature;
        Jitter = jitter;
        Branches = branches;
    }

    /// <summary>opt_einsum's plain greedy: memory removed, always the best candidate.</summary>
    public static GreedyTrial Plain => new(1.0, 0.0, 0.0);

    public double CostModifier { get; }

    public double Temperature { get; }

    public double Jitter { get; }

    public int Branches { get; }
}
